import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { TextLink, useStyles2 } from '@grafana/ui';
import { sloPageUrl } from '../../constants';
import type { InvalidSlo } from '../../store';
import { listTableStyle } from '../tableStyle';
import { testIds } from '../testIds';
import type { PanelState } from '../../panels/slo/panelState';
import type { SloRow } from './sloList';
import { SloStatusCells, STATUS_COLUMNS } from './SloStatusCells';
import { sloStatus } from './sloStatus';

/** The SLOs of one page of the list with their state; the name links to the SLO's page. */
export function SloTable({ rows, states }: { rows: SloRow[]; states: ReadonlyMap<string, PanelState> }) {
  const styles = useStyles2(getStyles);
  return (
    <table className={styles.table} data-testid={testIds.slosPage.table}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Service</th>
          <th scope="col">Team</th>
          <th scope="col">Objective</th>
          <th scope="col">Window</th>
          <th scope="col">Indicator</th>
          {STATUS_COLUMNS.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <SloTableRow key={row.uid} row={row} state={states.get(row.uid)} />
        ))}
      </tbody>
    </table>
  );
}

/** Memoized: answers arrive one row at a time, and only that row changes. */
const SloTableRow = React.memo(function SloTableRow({ row, state }: { row: SloRow; state?: PanelState }) {
  const status = useMemo(() => sloStatus(state ?? { kind: 'loading' }, row.target), [state, row.target]);
  return (
    <tr data-testid={testIds.slosPage.row(row.uid)}>
      <td>
        <TextLink href={sloPageUrl(row.uid)} inline={false}>
          {row.name}
        </TextLink>
      </td>
      <td>{row.service}</td>
      <td>{row.team || '–'}</td>
      <td>{row.objective}</td>
      <td>{row.window}</td>
      <td>{row.sliKind}</td>
      <SloStatusCells uid={row.uid} status={status} />
    </tr>
  );
});

/** Library panels of the SLO type that do not read as SLOs, with what is wrong with them. */
export function InvalidSloTable({ slos }: { slos: InvalidSlo[] }) {
  const styles = useStyles2(getStyles);
  return (
    <table className={styles.table} data-testid={testIds.slosPage.invalid}>
      <caption className={styles.caption}>Library panels that do not read as SLOs</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Problems</th>
        </tr>
      </thead>
      <tbody>
        {slos.map((slo) => (
          <tr key={slo.uid} data-testid={testIds.slosPage.invalidRow(slo.uid)}>
            <td>
              <TextLink href={sloPageUrl(slo.uid)} inline={false}>
                {slo.name || slo.uid}
              </TextLink>
            </td>
            <td>
              <ul className={styles.errors}>
                {slo.errors.map((error) => (
                  <li key={`${error.path} ${error.message}`}>
                    <code>{error.path}</code> {error.message}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css(listTableStyle(theme), {
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  caption: css({
    textAlign: 'left',
    padding: theme.spacing(1, 0),
    color: theme.colors.warning.text,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  errors: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
