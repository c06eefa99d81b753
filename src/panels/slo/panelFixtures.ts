/** Panel data made in code with known numbers, for the panel's tests. */
import {
  EventBusSrv,
  FieldType,
  LoadingState,
  dateTime,
  toDataFrame,
  type DataFrame,
  type PanelData,
  type PanelProps,
} from '@grafana/data';
import { defaultSloPanelOptions, type SloPanelOptions } from './types';

export const AT = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Hourly increments ending at AT: `hours` samples of `total` requests, with the bad ones where `badAt(k)` says (k hours before AT). */
export function hourlyFrames(hours: number, total: number, badAt: (hoursAgo: number) => number): DataFrame[] {
  const times: number[] = [];
  const good: number[] = [];
  const totals: number[] = [];
  for (let hoursAgo = hours - 1; hoursAgo >= 0; hoursAgo--) {
    times.push(AT - hoursAgo * HOUR);
    good.push(total - badAt(hoursAgo));
    totals.push(total);
  }
  const frame = (refId: string, values: number[]) =>
    toDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: times },
        { name: 'Value', type: FieldType.number, values },
      ],
    });
  return [frame('A', good), frame('B', totals)];
}

/**
 * 30 days of 1,000 requests an hour (720,000) with 360 bad ones: SLI 99.95%, and against 99.9%
 * half of the 720 allowed bad events are spent. Calm: 12 bad events a day, none in the last hour.
 */
export const calm = () => hourlyFrames(720, 1000, (hoursAgo) => (hoursAgo % 24 === 5 ? 12 : 0));

/** The same 360 bad events, all in the last hour: a burn rate of 360x, so every tier fires. */
export const burning = () => hourlyFrames(720, 1000, (hoursAgo) => (hoursAgo === 0 ? 360 : 0));

export function panelData(series: DataFrame[], patch: Partial<PanelData> = {}, from = AT - 30 * DAY): PanelData {
  return {
    state: LoadingState.Done,
    series,
    timeRange: { from: dateTime(from), to: dateTime(AT), raw: { from: 'now-30d', to: 'now' } },
    ...patch,
  };
}

export function withOptions(patch: {
  view?: SloPanelOptions['view'];
  objective?: Partial<SloPanelOptions['objective']>;
  queries?: Partial<SloPanelOptions['queries']>;
  alerting?: Partial<SloPanelOptions['alerting']>;
  sloUid?: string;
}): SloPanelOptions {
  const defaults = defaultSloPanelOptions;
  return {
    ...defaults,
    view: patch.view ?? defaults.view,
    sloUid: patch.sloUid ?? defaults.sloUid,
    objective: { ...defaults.objective, ...patch.objective },
    // The fixtures carry increments per hour.
    queries: { ...defaults.queries, valueKind: 'increment', ...patch.queries },
    alerting: { ...defaults.alerting, ...patch.alerting },
  };
}

export function panelProps(
  options: SloPanelOptions,
  data: PanelData,
  size: { width: number; height: number } = { width: 800, height: 400 }
): PanelProps<SloPanelOptions> {
  return {
    id: 1,
    data,
    timeRange: data.timeRange,
    timeZone: 'utc',
    options,
    transparent: false,
    ...size,
    fieldConfig: { defaults: {}, overrides: [] },
    renderCounter: 0,
    title: 'Checkout availability',
    eventBus: new EventBusSrv(),
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (value) => value,
    onChangeTimeRange: jest.fn(),
  };
}
