import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { SloEvaluation } from '../../engine';
import { testIds } from '../testIds';
import { breaches } from './firing';
import { formatEvents, formatObjective, formatSli } from './format';
import { TimeChart, type ChartBand } from './TimeChart';

export interface TrendViewProps {
  evaluation: SloEvaluation;
  /** Objective in percent. */
  target: number;
  timeZone: string;
  width: number;
  height: number;
  onZoom?: (from: number, to: number) => void;
}

/** The lowest SLI worth showing: the chart keeps the objective line off the floor. */
export function sliFloor(sli: Array<number | null>, target: number): number {
  const lowest = sli.reduce<number>((min, value) => (value === null ? min : Math.min(min, value)), 1);
  const floor = Math.min(lowest, 1 - 2 * (1 - target));
  return Math.max(0, Math.floor(floor * 1000) / 1000);
}

export function TrendView({ evaluation, target, timeZone, width, height, onZoom }: TrendViewProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const { series, alerts } = evaluation;
  const fraction = target / 100;
  const sliColor = theme.visualization.getColorByName('blue');
  const objectiveColor = theme.colors.text.secondary;
  const tierColor = (severity: string) => (severity === 'page' ? theme.colors.error.main : theme.colors.warning.main);

  const bands: ChartBand[] = [
    ...breaches(evaluation, fraction).map((span) => ({
      ...span,
      row: 0,
      color: theme.colors.error.main,
      label: 'SLI below the objective',
    })),
    ...alerts.flatMap((alert, index) =>
      (series.firing[index] ?? []).map((period) => ({
        ...period,
        row: index + 1,
        color: tierColor(alert.severity),
        label: `${alert.severity} ${alert.longWindow}/${alert.shortWindow} fired`,
      }))
    ),
  ];
  const legendHeight = theme.spacing.gridSize * 3;
  const floor = sliFloor(series.sli, fraction);

  return (
    <div className={styles.container} data-testid={testIds.trend.container}>
      <TimeChart
        times={series.times}
        step={series.step}
        lines={[{ name: 'SLI', values: series.sli, color: sliColor }]}
        yMin={floor}
        yMax={1}
        formatY={(value) => formatSli(value, target)}
        reference={{ value: fraction, label: `Objective ${formatObjective(target)}`, color: objectiveColor }}
        bands={bands}
        timeZone={timeZone}
        width={width}
        height={Math.max(0, height - legendHeight)}
        ariaLabel={`SLI over time against the objective ${formatObjective(target)}`}
        tooltipRows={(index) => {
          const good = series.events.good[index];
          const total = series.events.total[index];
          return [
            { label: 'SLI', value: formatSli(series.sli[index], target) },
            { label: 'Good events', value: formatEvents(good) },
            { label: 'Bad events', value: formatEvents(total - good) },
            { label: 'Total events', value: formatEvents(total) },
          ];
        }}
        onZoom={onZoom}
      />
      <div className={styles.legend} data-testid={testIds.trend.legend}>
        <span>
          <span className={styles.swatch} style={{ background: sliColor }} /> SLI
        </span>
        <span>
          <span className={styles.dash} style={{ borderColor: objectiveColor }} /> Objective {formatObjective(target)}
        </span>
        <span>
          <span className={styles.swatch} style={{ background: theme.colors.error.transparent }} /> Below objective
        </span>
        {alerts.map((alert) => (
          <span key={`${alert.longWindow}/${alert.shortWindow}`}>
            <span className={styles.swatch} style={{ background: tierColor(alert.severity) }} /> {alert.severity}{' '}
            {alert.longWindow}/{alert.shortWindow}
          </span>
        ))}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ display: 'flex', flexDirection: 'column', height: '100%' }),
  legend: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0, 2),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'hidden',
    height: theme.spacing(3),
    alignItems: 'center',
  }),
  swatch: css({
    display: 'inline-block',
    width: theme.spacing(1.5),
    height: theme.spacing(0.75),
    verticalAlign: 'middle',
    borderRadius: theme.shape.radius.default,
  }),
  dash: css({ display: 'inline-block', width: theme.spacing(2), borderTop: '2px dashed', verticalAlign: 'middle' }),
});
