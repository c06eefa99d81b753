import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import {
  ABSENT_FOR,
  distinctTiers,
  type GrafanaRuleGroup,
  promNumber,
  ruleKey,
  tierThresholds,
} from '../../prometheus';
import type { SloSpec } from '../../spec/types';
import type { AlertRulesStatus } from '../../store';
import { testIds } from '../testIds';

interface AlertRulesPreviewProps {
  slo: SloSpec;
  group: GrafanaRuleGroup;
  status: AlertRulesStatus;
}

/** What fires when, in words: the tier's burn-rate factor over both windows and the low-traffic guard. */
function conditions(slo: SloSpec): Map<string, string> {
  const minEvents = slo.alerting.minEvents;
  const guard = (window: string) => (minEvents > 0 ? `, with at least ${minEvents} events in ${window}` : '');
  return new Map(
    distinctTiers(tierThresholds(slo)).map((tier) => [
      ruleKey({ labels: { severity: tier.severity, long_window: tier.long.label, short_window: tier.short.label } }),
      `Burn rate above ${promNumber(tier.factor)}x over both ${tier.long.label} and ${tier.short.label}` +
        `${guard(tier.long.label)} (${promNumber(tier.budgetShare * 100)}% of the budget in ${tier.long.label})`,
    ])
  );
}

/** The rule group Nines will write, one row per rule. */
export function AlertRulesPreview({ slo, group, status }: AlertRulesPreviewProps) {
  const styles = useStyles2(getStyles);
  const when = useMemo(() => conditions(slo), [slo]);
  return (
    <table className={styles.table} data-testid={testIds.alertRules.preview}>
      <thead>
        <tr>
          <th>Rule</th>
          <th>Severity</th>
          <th>Fires when</th>
          <th>Pending for</th>
          <th>On save</th>
        </tr>
      </thead>
      <tbody>
        {group.rules.map((rule) => {
          const key = ruleKey(rule);
          const severity = rule.labels.severity ?? '';
          return (
            <tr key={key} data-testid={testIds.alertRules.previewRow(key)}>
              <td>{rule.grafana_alert.title}</td>
              <td>
                <Badge text={severity} color={severity === 'page' ? 'red' : 'orange'} />
              </td>
              <td>{when.get(key) ?? `The SLI's total series are absent for ${ABSENT_FOR}`}</td>
              <td>{rule.for}</td>
              <td>{status.state === 'current' ? 'Unchanged' : status.replaced.has(key) ? 'Updated' : 'New'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
});
