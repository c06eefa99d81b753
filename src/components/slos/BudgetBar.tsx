import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { budgetHealthColor, budgetHealthLabel } from '../slo/health';
import type { BudgetLeft } from './sloStatus';

/** The error budget left as a small bar in the health colour of the panel's gauge, its value beside it. */
export function BudgetBar({ budget, testId }: { budget: BudgetLeft; testId: string }) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const color = budgetHealthColor(theme, budget.health);
  return (
    <div className={styles.budget}>
      <div
        className={styles.track}
        role="meter"
        aria-label={`Error budget left: ${budget.text}, ${budgetHealthLabel[budget.health]}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(budget.fill * 100)}
        data-testid={testId}
      >
        <div className={styles.fill} style={{ width: `${budget.fill * 100}%`, background: color }} />
      </div>
      <span className={styles.value} style={{ color }}>
        {budget.text}
      </span>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  budget: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  track: css({
    flex: 'none',
    width: theme.spacing(10),
    height: theme.spacing(1),
    borderRadius: theme.shape.radius.pill,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    overflow: 'hidden',
  }),
  fill: css({ height: '100%' }),
  value: css({ fontWeight: theme.typography.fontWeightMedium, fontVariantNumeric: 'tabular-nums' }),
});
