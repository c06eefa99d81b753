import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { SloEvaluation } from '../../engine';
import { testIds } from '../testIds';
import { BudgetGauge } from './BudgetGauge';
import { formatBudget, formatDuration, formatEvents } from './format';
import { TimeChart } from './TimeChart';

export interface BudgetViewProps {
  evaluation: SloEvaluation;
  timeZone: string;
  width: number;
  height: number;
  onZoom?: (from: number, to: number) => void;
}

/** What the budget is counted in: events, or slices for the timeslice methods. */
const unitOf = (evaluation: SloEvaluation) => (evaluation.budgetingMethod === 'Occurrences' ? 'events' : 'slices');

export function exhaustionText(evaluation: SloEvaluation): string {
  const { remaining } = evaluation.errorBudget;
  if (remaining !== null && remaining <= 0) {
    return 'Budget exhausted';
  }
  if (evaluation.timeToExhaustion === null) {
    return 'Not burning: no bad events in the last hour';
  }
  return `Exhausted in ${formatDuration(evaluation.timeToExhaustion)} at the 1h burn rate`;
}

export function BudgetView({ evaluation, timeZone, width, height, onZoom }: BudgetViewProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const { errorBudget, series } = evaluation;
  const unit = unitOf(evaluation);
  const spent = errorBudget.consumed === null ? null : errorBudget.consumed * errorBudget.allowed;
  const wide = width >= height * 1.5;
  const side = wide ? Math.min(height * 0.8, width / 3) : Math.min(width * 0.6, height * 0.45);
  const gaugeSize = Math.max(theme.spacing.gridSize * 10, side);
  const facts = theme.spacing.gridSize * 9;
  const chartWidth = wide ? width - gaugeSize - theme.spacing.gridSize * 3 : width;
  const chartHeight = wide ? height : height - gaugeSize / 2 - facts;
  const lowest = series.errorBudgetRemaining.reduce<number>(
    (min, value) => (value === null ? min : Math.min(min, value)),
    0
  );

  return (
    <div className={wide ? styles.wide : styles.tall} data-testid={testIds.budget.container}>
      <div className={styles.summary}>
        <BudgetGauge remaining={errorBudget.remaining} size={gaugeSize} />
        <dl className={styles.facts}>
          <dt>Allowed bad {unit}</dt>
          <dd data-testid={testIds.budget.allowed}>{formatEvents(errorBudget.allowed)}</dd>
          <dt>Spent</dt>
          <dd data-testid={testIds.budget.spent}>
            {spent === null ? '–' : `${formatEvents(spent)} (${formatBudget(errorBudget.consumed)})`}
          </dd>
        </dl>
        <div className={styles.exhaustion} data-testid={testIds.budget.exhaustion}>
          {exhaustionText(evaluation)}
        </div>
      </div>
      {chartHeight > theme.spacing.gridSize * 8 && (
        <TimeChart
          times={series.times}
          step={series.step}
          lines={[
            {
              name: 'Budget left',
              values: series.errorBudgetRemaining,
              color: theme.visualization.getColorByName('blue'),
            },
          ]}
          yMin={Math.floor(lowest * 10) / 10}
          yMax={1}
          formatY={(value) => formatBudget(value)}
          reference={{ value: 0, label: 'Budget exhausted', color: theme.colors.error.text }}
          bands={[]}
          timeZone={timeZone}
          width={chartWidth}
          height={chartHeight}
          ariaLabel="Error budget left over time (burndown)"
          tooltipRows={(index) => [
            { label: 'Budget left', value: formatBudget(series.errorBudgetRemaining[index]) },
            { label: 'Bad events', value: formatEvents(series.events.total[index] - series.events.good[index]) },
          ]}
          onZoom={onZoom}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wide: css({ display: 'flex', gap: theme.spacing(3), height: '100%', alignItems: 'center' }),
  tall: css({ display: 'flex', flexDirection: 'column', height: '100%', alignItems: 'center' }),
  summary: css({ display: 'flex', flexDirection: 'column', alignItems: 'center' }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'auto auto',
    gap: theme.spacing(0, 2),
    margin: theme.spacing(1, 0, 0),
    color: theme.colors.text.secondary,
    dt: { whiteSpace: 'nowrap' },
    dd: { margin: 0, color: theme.colors.text.primary, textAlign: 'right', whiteSpace: 'nowrap' },
  }),
  exhaustion: css({ color: theme.colors.text.primary, marginTop: theme.spacing(0.5) }),
});
