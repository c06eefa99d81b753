import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { testIds } from '../testIds';
import { formatBudget } from './format';
import { budgetHealth, budgetHealthColor, budgetHealthLabel } from './health';

/** A point on the gauge's half circle: share 0 is the left end, 1 the right end. */
function arcPoint(share: number, radius: number, cx: number, cy: number): string {
  const angle = Math.PI * (1 - share);
  return `${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy - radius * Math.sin(angle)).toFixed(2)}`;
}

/** A half-circle gauge of the remaining error budget, coloured by its health; below 0% it reads "Exhausted". */
export function BudgetGauge({ remaining, size }: { remaining: number | null; size: number }) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const health = budgetHealth(remaining);
  const color = budgetHealthColor(theme, health);
  const stroke = Math.max(theme.spacing.gridSize, size / 10);
  const radius = (size - stroke) / 2;
  const cx = size / 2;
  const cy = size / 2;
  const share = Math.min(Math.max(remaining ?? 0, 0), 1);
  const arc = (to: number) =>
    `M${arcPoint(0, radius, cx, cy)} A${radius},${radius} 0 0 1 ${arcPoint(to, radius, cx, cy)}`;
  const label = `${formatBudget(remaining)} budget left`;

  return (
    <div
      className={styles.container}
      data-testid={testIds.budget.gauge}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(share * 100)}
    >
      <svg width={size} height={size / 2 + stroke / 2} aria-hidden>
        <path d={arc(1)} fill="none" stroke={theme.colors.border.medium} strokeWidth={stroke} />
        {share > 0 && <path d={arc(share)} fill="none" stroke={color} strokeWidth={stroke} />}
      </svg>
      <div className={styles.value} style={{ color, fontSize: Math.max(theme.typography.fontSize, size / 7) }}>
        {formatBudget(remaining)}
      </div>
      <div className={styles.caption}>
        budget left · <span style={{ color }}>{budgetHealthLabel[health]}</span>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ display: 'flex', flexDirection: 'column', alignItems: 'center' }),
  value: css({ fontWeight: theme.typography.fontWeightMedium, lineHeight: 1.1, marginTop: theme.spacing(-4) }),
  caption: css({ color: theme.colors.text.secondary }),
});
