import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, Spinner, useStyles2 } from '@grafana/ui';
import { testIds } from '../testIds';
import { BudgetBar } from './BudgetBar';
import { NO_ALERT_FIRING, type SloStatus } from './sloStatus';

/** The columns SLI, budget left, burn rate and alerts of one SLO, or one cell across them with its state. */
export const STATUS_COLUMNS = ['SLI', 'Budget left', 'Burn rate (1h)', 'Alerts'];

export function SloStatusCells({ uid, status }: { uid: string; status: SloStatus }) {
  const styles = useStyles2(getStyles);
  switch (status.kind) {
    case 'loading':
      return (
        <td colSpan={STATUS_COLUMNS.length} className={styles.secondary} data-testid={testIds.slosPage.rowState(uid)}>
          <Spinner inline className={styles.spinner} />
          Evaluating...
        </td>
      );
    case 'message':
      return (
        <td colSpan={STATUS_COLUMNS.length} data-testid={testIds.slosPage.rowState(uid)}>
          <div className={styles[status.tone]}>{status.title}</div>
          <div className={styles.detail}>{status.detail}</div>
        </td>
      );
    case 'evaluated': {
      const { firing } = status;
      return (
        <>
          <td data-testid={testIds.slosPage.sli(uid)}>
            <span className={status.met ? styles.met : styles.missed}>{status.sli}</span>
            {status.coverage && <div className={styles.detail}>{status.coverage}</div>}
          </td>
          <td data-testid={testIds.slosPage.budget(uid)}>
            <BudgetBar budget={status.budget} testId={testIds.slosPage.budgetBar(uid)} />
          </td>
          <td data-testid={testIds.slosPage.burnRate(uid)} className={styles.number}>
            {status.burnRate}
          </td>
          <td data-testid={testIds.slosPage.alert(uid)}>
            {firing ? (
              <>
                <Badge color={firing.severity === 'page' ? 'red' : 'orange'} icon="fire" text={firing.text} />
                {firing.others > 0 && (
                  <div className={styles.detail}>
                    {firing.others === 1 ? 'and 1 more tier' : `and ${firing.others} more tiers`}
                  </div>
                )}
              </>
            ) : (
              <Badge color="green" icon="check" text={NO_ALERT_FIRING} />
            )}
          </td>
        </>
      );
    }
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  secondary: css({ color: theme.colors.text.secondary }),
  spinner: css({ marginRight: theme.spacing(1) }),
  detail: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  }),
  info: css({ color: theme.colors.text.primary }),
  warning: css({ color: theme.colors.warning.text }),
  error: css({ color: theme.colors.error.text }),
  met: css({ color: theme.colors.success.text, fontWeight: theme.typography.fontWeightMedium }),
  missed: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  number: css({ fontVariantNumeric: 'tabular-nums' }),
});
