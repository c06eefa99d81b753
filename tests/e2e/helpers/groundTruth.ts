/** The demo traffic's exact numbers, regenerated from the runner's data, to compare pages against. */
import path from 'node:path';
import { DEFAULT_DATA_DIR, loadTraffic } from '../../../scripts/traffic/backfill';
import { eventCounts } from '../../../scripts/traffic/generate';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** Where the runner's demo traffic lives. */
export const dataDir = () => path.resolve(__dirname, '../../..', process.env.E2E_DATA_DIR ?? DEFAULT_DATA_DIR);

let traffic: ReturnType<typeof loadTraffic> | undefined;

export interface Truth {
  good: number;
  bad: number;
  total: number;
  sli: number;
}

/** Exact good, bad and total events of a demo service in (from, to], good meaning not 5xx. */
export function serviceTruth(service: string, from: number, to: number): Truth {
  traffic ??= loadTraffic(dataDir());
  const { good, bad, total } = eventCounts(traffic, service, from, to);
  return { good, bad, total, sli: good / total };
}

/**
 * The least and most good, bad and total events a reader of the scraped samples at `step` may
 * count in (from, to]: each end may sit a step early or late (Grafana aligns queries to steps), and
 * an end inside a scrape gap of one of the service's instances moves back to the last scrape before
 * the gap, as the sample after the gap carries all of the gap's events. `to` stays within the traffic.
 */
export function observedTruth(
  service: string,
  from: number,
  to: number,
  step = MINUTE
): Record<'good' | 'bad' | 'total', { low: number; high: number }> {
  traffic ??= loadTraffic(dataDir());
  const { gaps, end } = traffic.index;
  const candidates = (edge: number) =>
    [-step, 0, step].flatMap((shift) => {
      const time = Math.min(end, edge + shift);
      const gapStarts = gaps
        .filter((gap) => gap.service === service && gap.start <= time && time <= gap.end)
        .map((gap) => gap.start - MINUTE);
      return [time, ...gapStarts];
    });
  const counts = candidates(from).flatMap((early) => candidates(to).map((late) => serviceTruth(service, early, late)));
  const range = (kind: 'good' | 'bad' | 'total') => {
    const values = counts.map((count) => count[kind]);
    return { low: Math.min(...values), high: Math.max(...values) };
  };
  return { good: range('good'), bad: range('bad'), total: range('total') };
}

/** The first number in a text: "73,459", "-25.0% budget left", "0.39x". */
export function numberIn(text: string | null): number {
  const match = /-?[\d,]+(\.\d+)?/.exec(text ?? '');
  return match ? Number(match[0].replace(/,/g, '')) : Number.NaN;
}

/**
 * `shown` is `truth` within 0.1% of it plus what the display's rounding takes away (`display`,
 * e.g. 0.00005 for a fraction shown as a percent with 2 decimals, rounded; twice that when floored).
 */
export function expectClose(what: string, shown: number, truth: number, display: number): void {
  const allowed = 0.001 * Math.abs(truth) + display;
  if (!(Math.abs(shown - truth) <= allowed)) {
    throw new Error(`${what}: shown ${shown}, the ground truth is ${truth} (allowed ±${allowed})`);
  }
}
