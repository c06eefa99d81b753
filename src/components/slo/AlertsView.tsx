import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import type { SloEvaluation } from '../../engine';
import { testIds } from '../testIds';
import { dataStepNote } from './dataStepNote';
import { lastFired } from './firing';
import { formatBudget, formatBurnRate, formatTime } from './format';

export interface AlertsViewProps {
  evaluation: SloEvaluation;
  timeZone: string;
}

function lastFiredText(evaluation: SloEvaluation, index: number, timeZone: string): string {
  const last = lastFired(evaluation, index);
  switch (last.kind) {
    case 'firing':
      return `Firing since ${formatTime(last.since, timeZone)}`;
    case 'ended':
      return formatTime(last.at, timeZone);
    case 'never':
      return 'Not in this window';
  }
}

/** The multiwindow burn-rate tiers: what each one watches, its burn rates now, and when it last fired. */
export function AlertsView({ evaluation, timeZone }: AlertsViewProps) {
  const styles = useStyles2(getStyles);
  if (evaluation.alerts.length === 0) {
    return (
      <div className={styles.empty} data-testid={testIds.alerts.container}>
        No alert tiers are enabled. Add them under Alerting in the panel options.
      </div>
    );
  }
  const note = dataStepNote(evaluation);
  return (
    <div className={styles.scroll} data-testid={testIds.alerts.container}>
      <table className={styles.table}>
        <caption className={styles.caption}>Burn-rate alert tiers</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Long window</th>
            <th scope="col">Short window</th>
            <th scope="col">Factor</th>
            <th scope="col">Long burn</th>
            <th scope="col">Short burn</th>
            <th scope="col">Budget share</th>
            <th scope="col">State</th>
            <th scope="col">Last fired</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.alerts.map((alert, index) => (
            <tr key={index} data-testid={testIds.alerts.row(index)}>
              <td>
                <Badge
                  color={alert.severity === 'page' ? 'red' : 'orange'}
                  text={alert.severity === 'page' ? 'Page' : 'Ticket'}
                />
              </td>
              <td>{alert.longWindow}</td>
              <td>{alert.shortWindow}</td>
              <td>{formatBurnRate(alert.factor)}</td>
              <td>{formatBurnRate(alert.longBurnRate)}</td>
              <td>{formatBurnRate(alert.shortBurnRate)}</td>
              <td>{formatBudget(alert.budgetShare)}</td>
              <td>
                {alert.firing ? (
                  <Badge color="red" icon="fire" text="Firing" />
                ) : (
                  <Badge color="green" icon="check" text="OK" />
                )}
              </td>
              <td>{lastFiredText(evaluation, index, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note && (
        <p className={styles.note} data-testid={testIds.alerts.dataStepNote}>
          {note}
        </p>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto', height: '100%', position: 'relative' }),
  empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(2), textAlign: 'center' }),
  note: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    margin: 0,
    padding: theme.spacing(0.5, 1),
  }),
  // The panel's title says what the table is; the caption is for screen readers only.
  caption: css({
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
});
