import React, { useState } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { testIds } from '../testIds';

export interface ChartLine {
  name: string;
  values: Array<number | null>;
  color: string;
}

/** A shaded time span: row 0 spans the plot (breaches); rows 1… are strips along its bottom (alert tiers). */
export interface ChartBand {
  start: number;
  end: number;
  color: string;
  label: string;
  row: number;
}

export interface TimeChartProps {
  /** End time of each bucket; bucket i covers (times[i] - step, times[i]]. */
  times: number[];
  step: number;
  lines: ChartLine[];
  yMin: number;
  yMax: number;
  formatY: (value: number) => string;
  reference?: { value: number; label: string; color: string };
  bands: ChartBand[];
  timeZone: string;
  width: number;
  height: number;
  ariaLabel: string;
  tooltipRows: (index: number) => Array<{ label: string; value: string }>;
  /** Called with the selected span after a drag over the plot. */
  onZoom?: (from: number, to: number) => void;
}

const TIME_STEPS = [1, 5, 15, 30, 60, 180, 360, 720, 1440, 2880, 10080, 20160].map((minutes) => minutes * 60_000);
const MIN_DRAG_PX = 4;

function timeTicks(from: number, to: number, count: number): { ticks: number[]; step: number } {
  const step = TIME_STEPS.find((candidate) => (to - from) / candidate <= count) ?? TIME_STEPS[TIME_STEPS.length - 1];
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) {
    ticks.push(tick);
  }
  return { ticks, step };
}

/** About `count` round values (steps of 1, 2 or 5 × 10^k) within [min, max], ends included when round. */
export function valueTicks(min: number, max: number, count: number): number[] {
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough * (1 - 1e-9)) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step - 1e-9) * step; tick <= max + step * 1e-9; tick += step) {
    // Multiples of 0.1 and friends are not exact in binary; round to the step's precision.
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}

/** An SVG time chart drawn with theme tokens: lines with gaps, a reference line, shaded spans, drag to zoom. */
export function TimeChart(props: TimeChartProps) {
  const { times, step, lines, yMin, yMax, formatY, reference, bands, timeZone, width, height, onZoom } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const [hover, setHover] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  const unit = theme.spacing.gridSize;
  const left = unit * 8;
  const bottom = unit * 3;
  const top = unit;
  const right = unit * 2;
  const plotWidth = Math.max(1, width - left - right);
  const plotHeight = Math.max(1, height - top - bottom);
  if (times.length === 0) {
    return null;
  }
  const start = times[0] - step;
  const end = times[times.length - 1];
  const span = Math.max(1, end - start);
  const x = (time: number) => left + ((time - start) / span) * plotWidth;
  const timeAt = (px: number) => start + ((Math.min(Math.max(px, left), left + plotWidth) - left) / plotWidth) * span;
  const yRange = yMax - yMin || 1;
  const y = (value: number) => top + (1 - (Math.min(Math.max(value, yMin), yMax) - yMin) / yRange) * plotHeight;

  const pathOf = (values: Array<number | null>) => {
    let path = '';
    let pen = false;
    values.forEach((value, index) => {
      if (value === null) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${x(times[index]).toFixed(1)},${y(value).toFixed(1)}`;
      pen = true;
    });
    return path;
  };

  const xTicks = timeTicks(start, end, Math.max(2, Math.floor(plotWidth / (unit * 14))));
  const tickFormat = xTicks.step >= 86_400_000 ? 'MM/DD' : 'MM/DD HH:mm';
  const yTicks = valueTicks(yMin, yMax, Math.max(2, Math.min(5, Math.floor(plotHeight / (unit * 5)))));
  const stripHeight = unit / 2;

  const pointerTime = (event: React.MouseEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return timeAt(left + event.clientX - box.left);
  };
  const nearest = (time: number) => {
    const index = Math.round((time - times[0]) / step);
    return Math.min(Math.max(index, 0), times.length - 1);
  };

  return (
    <div className={styles.container} style={{ width, height }}>
      <svg width={width} height={height} role="img" aria-label={props.ariaLabel} data-testid={testIds.timeChart.svg}>
        {bands.map((band, index) => {
          const bandStart = x(Math.max(band.start, start));
          const bandWidth = Math.max(1, x(Math.min(band.end, end)) - bandStart);
          const full = band.row === 0;
          return (
            <rect
              key={index}
              x={bandStart}
              width={bandWidth}
              y={full ? top : top + plotHeight - band.row * stripHeight}
              height={full ? plotHeight : stripHeight}
              fill={band.color}
              fillOpacity={full ? 0.15 : 0.9}
            >
              <title>{band.label}</title>
            </rect>
          );
        })}
        {yTicks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={left + plotWidth} y1={y(tick)} y2={y(tick)} className={styles.grid} />
            <text
              x={left - unit / 2}
              y={y(tick)}
              className={styles.axisLabel}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {formatY(tick)}
            </text>
          </g>
        ))}
        {xTicks.ticks.map((tick) => (
          <text key={tick} x={x(tick)} y={height - unit / 2} className={styles.axisLabel} textAnchor="middle">
            {dateTimeFormat(tick, { format: tickFormat, timeZone })}
          </text>
        ))}
        {reference && (
          <line
            x1={left}
            x2={left + plotWidth}
            y1={y(reference.value)}
            y2={y(reference.value)}
            stroke={reference.color}
            strokeDasharray="6 4"
            strokeWidth={1.5}
          >
            <title>{reference.label}</title>
          </line>
        )}
        {lines.map((line) => (
          <path key={line.name} d={pathOf(line.values)} fill="none" stroke={line.color} strokeWidth={1.5} />
        ))}
        {hover !== null && (
          <line x1={x(times[hover])} x2={x(times[hover])} y1={top} y2={top + plotHeight} className={styles.cursor} />
        )}
        {drag && (
          <rect
            x={x(Math.min(drag.from, drag.to))}
            width={Math.abs(x(drag.to) - x(drag.from))}
            y={top}
            height={plotHeight}
            className={styles.selection}
          />
        )}
        <rect
          x={left}
          y={top}
          width={plotWidth}
          height={plotHeight}
          fill="transparent"
          data-testid={testIds.timeChart.plot}
          onMouseMove={(event) => {
            const time = pointerTime(event);
            setHover(nearest(time));
            setDrag((current) => (current ? { ...current, to: time } : current));
          }}
          onMouseLeave={() => {
            setHover(null);
            setDrag(null);
          }}
          onMouseDown={(event) => {
            const time = pointerTime(event);
            setDrag({ from: time, to: time });
          }}
          onMouseUp={() => {
            if (drag && onZoom && Math.abs(x(drag.to) - x(drag.from)) >= MIN_DRAG_PX) {
              onZoom(Math.round(Math.min(drag.from, drag.to)), Math.round(Math.max(drag.from, drag.to)));
            }
            setDrag(null);
          }}
        />
      </svg>
      {hover !== null && !drag && (
        <div
          className={styles.tooltip}
          data-testid={testIds.timeChart.tooltip}
          style={{ left: Math.min(x(times[hover]) + unit, width - unit * 28), top }}
        >
          <div className={styles.tooltipTime}>{dateTimeFormat(times[hover], { timeZone })}</div>
          {props.tooltipRows(hover).map((row) => (
            <div key={row.label} className={styles.tooltipRow}>
              <span>{row.label}</span>
              <span>{row.value}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ position: 'relative', userSelect: 'none' }),
  grid: css({ stroke: theme.colors.border.weak, strokeWidth: 1 }),
  axisLabel: css({ fill: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  cursor: css({ stroke: theme.colors.text.secondary, strokeWidth: 1, strokeDasharray: '2 2' }),
  selection: css({ fill: theme.colors.primary.transparent, stroke: theme.colors.primary.border }),
  tooltip: css({
    position: 'absolute',
    pointerEvents: 'none',
    minWidth: theme.spacing(24),
    padding: theme.spacing(1),
    background: theme.colors.background.elevated,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z2,
    fontSize: theme.typography.bodySmall.fontSize,
    zIndex: theme.zIndex.tooltip,
  }),
  tooltipTime: css({ color: theme.colors.text.secondary, marginBottom: theme.spacing(0.5) }),
  tooltipRow: css({ display: 'flex', justifyContent: 'space-between', gap: theme.spacing(2) }),
});
