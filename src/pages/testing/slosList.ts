/** Helpers for the SLO list's tests: its rows, its filters, and SLOs whose queries the panel fixtures answer. */
import { fireEvent, screen } from '@testing-library/react';
import { testIds } from '../../components/testIds';
import { AT, calm } from '../../panels/slo/panelFixtures';
import { ratioSlo } from '../../spec/testing';
import type { SloSpec } from '../../spec/types';
import { prefixRoute, ROUTES } from '../../constants';
import { installFakeGrafana, signIn, USERS, type FakeGrafana } from '../../store/testing';
import { FakeDatasource, framesFor, installDatasource } from './fakeDatasource';

export const LIST = prefixRoute(ROUTES.Slos);
/** The list evaluated at the end of the fixtures' hourly data. */
export const LIST_AT = `${LIST}?to=${AT}`;

// Plain selectors: role queries walk the accessibility tree, which is slow over 100 rows in jsdom.
export function rowNames(): string[] {
  const table = screen.getByTestId(testIds.slosPage.table);
  return [...table.querySelectorAll('tbody a')].map((link) => link.textContent ?? '');
}

/** Picks an option of a MultiSelect by its label. */
export async function pick(label: string, option: string) {
  const input = screen.getByRole('combobox', { name: label });
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.click(await screen.findByText(option, { selector: '[role="option"] *, [role="option"]' }));
}

/** The uid of `hourlySlo()`. */
export const UID = 'checkout-availability';

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

/** A fresh fake Grafana with `login` signed in, whose Prometheus answers with the calm fixture's hourly data. */
export function calmGrafana(login: keyof typeof USERS): FakeGrafana {
  const grafana = installFakeGrafana();
  installDatasource(new FakeDatasource('prometheus', 'prometheus', framesFor(calm())));
  signIn(grafana, login);
  return grafana;
}
