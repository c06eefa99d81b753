/**
 * Helpers for the tests of the import and configuration pages: what jsdom lacks for @grafana/ui's
 * Combobox, picking one of its options, and signing a user in to the fake Grafana and the boot data.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { USERS, type FakeGrafana } from '../../store/testing';

/** jsdom has no IntersectionObserver; @grafana/ui's menus only watch their position with it. */
class NoIntersections {
  readonly root = null;
  readonly rootMargin = '';
  readonly thresholds = [];
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

/** Call once per suite: jsdom has neither a canvas (the Combobox measures option text) nor IntersectionObserver. */
export function stubComboboxLayout(): void {
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    value: () => ({ font: '', measureText: (text: string) => ({ width: text.length * 7 }) }),
  });
  if (!('IntersectionObserver' in window)) {
    Object.defineProperty(window, 'IntersectionObserver', { value: NoIntersections, configurable: true });
  }
}

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

/**
 * Signs a user in to the fake Grafana, and to the boot data the app reads permissions from
 * (`bootRole` differs when Grafana changed the user's role after the page loaded).
 */
export function signIn(grafana: FakeGrafana, login: keyof typeof USERS, bootRole = USERS[login].role): void {
  grafana.signIn(login);
  config.bootData.user.orgRole = OrgRole[bootRole];
  config.bootData.user.permissions = undefined;
}
