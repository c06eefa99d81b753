import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { Sparkline } from '../../overview';

const WIDTH = 100;
const HEIGHT = 24;

/** The SVG path of the remaining budget (nulls break the line) on a scale that always holds 0 and 1. */
export function sparklinePath({ times, remaining }: Sparkline): string {
  const values = remaining.filter((value): value is number => value !== null);
  if (times.length === 0 || values.length === 0) {
    return '';
  }
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const first = times[0];
  const span = times[times.length - 1] - first || 1;
  let path = '';
  let drawing = false;
  remaining.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const x = ((times[index] - first) / span) * WIDTH;
    const y = HEIGHT - ((value - low) / (high - low)) * HEIGHT;
    path += `${drawing ? 'L' : 'M'}${x.toFixed(2)},${y.toFixed(2)}`;
    drawing = true;
  });
  return path;
}

/** The zero line's height on the same scale as sparklinePath. */
function zeroY({ remaining }: Sparkline): number {
  const values = remaining.filter((value): value is number => value !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  return HEIGHT - ((0 - low) / (high - low)) * HEIGHT;
}

export interface BudgetSparklineProps {
  sparkline: Sparkline;
  color: string;
  testId: string;
  label: string;
}

/** Remaining error budget over the SLO window, as a small line; a dashed line marks an exhausted budget. */
export function BudgetSparkline({ sparkline, color, testId, label }: BudgetSparklineProps) {
  const styles = useStyles2(getStyles);
  const path = sparklinePath(sparkline);
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      {path && (
        <>
          <line className={styles.zero} x1={0} x2={WIDTH} y1={zeroY(sparkline)} y2={zeroY(sparkline)} />
          <path d={path} fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
        </>
      )}
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ display: 'block', width: theme.spacing(14), height: theme.spacing(3), overflow: 'visible' }),
  zero: css({ stroke: theme.colors.border.medium, strokeDasharray: '2 2', vectorEffect: 'non-scaling-stroke' }),
});
