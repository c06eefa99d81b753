/** Helpers for the tests of the import and configuration pages: the Combobox of a field and picking its options. */
import { fireEvent, screen, within } from '@testing-library/react';

/** The Combobox inside the element of a test id (its Field). */
export const comboboxIn = (testId: string) => within(screen.getByTestId(testId)).getByRole('combobox');

/** Picks an option of the Combobox inside the element of a test id. */
export async function pickOption(testId: string, option: string | RegExp): Promise<void> {
  // The menu is a virtual list, which renders only the options that fit its height: jsdom lays nothing out.
  const height = jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300);
  fireEvent.keyDown(comboboxIn(testId), { key: 'ArrowDown' });
  fireEvent.click(await screen.findByRole('option', { name: option }));
  height.mockRestore();
}
