/** Helpers for the SLO list's tests: its rows, its filters, and SLOs whose queries the panel fixtures answer. */
import { fireEvent, screen } from '@testing-library/react';
import { testIds } from '../../components/testIds';
import { AT } from '../../panels/slo/panelFixtures';
import { ratioSlo } from '../../spec/testing';
import type { SloSpec } from '../../spec/types';
import { prefixRoute, ROUTES } from '../../constants';

export const LIST = prefixRoute(ROUTES.Slos);
/** The list evaluated at the end of the fixtures' hourly data. */
export const LIST_AT = `${LIST}?to=${AT}`;

// Plain selectors: role queries walk the accessibility tree, which is slow over 100 rows in jsdom.
export function rowNames(): string[] {
  const table = screen.getByTestId(testIds.slosPage.table);
  return [...table.querySelectorAll('tbody a')].map((link) => link.textContent ?? '');
}

/** jsdom has no IntersectionObserver; @grafana/ui's select menus only watch their position with it. */
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

export function installIntersectionObserver(): void {
  if (!('IntersectionObserver' in window)) {
    Object.defineProperty(window, 'IntersectionObserver', { value: NoIntersections, configurable: true });
  }
}

/** Picks an option of a MultiSelect by its label. */
export async function pick(label: string, option: string) {
  const input = screen.getByRole('combobox', { name: label });
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.click(await screen.findByText(option, { selector: '[role="option"] *, [role="option"]' }));
}

/** An SLO whose queries give hourly increments (`<metric>_good`, `<metric>_all`), as the panel fixtures have them. */
export function hourlySlo(patch: Partial<SloSpec> = {}, metric = 'requests'): SloSpec {
  const base = ratioSlo();
  return {
    ...base,
    folderUid: 'slos',
    sli: {
      datasource: { uid: 'prometheus', type: 'prometheus' },
      eventKind: 'good',
      valueKind: 'increment',
      source: { kind: 'raw', eventQuery: { expr: `${metric}_good` }, totalQuery: { expr: `${metric}_all` } },
    },
    objective: { ...base.objective, target: 99.9, window: '30d', timeZone: 'UTC' },
    ...patch,
  };
}
