/**
 * Checks a Prometheus holding the backfill against the generator's ground truth, exactly: every raw
 * sample, the reset-aware increase of every series, and a query_range read of one day.
 */
import {
  DAY,
  eventCounts,
  isGoodCode,
  METRICS,
  MINUTE,
  sampledPoints,
  seriesIncrease,
  Traffic,
  TrafficSeries,
} from './generate';

/** Every demo series. */
const ALL_DEMO = '{__name__=~"nines_demo_.+"}';
/** Prometheus' default query.lookback-delta. */
const LOOKBACK = 5 * MINUTE;

/** Events a counter counted between its first and last value: a decrease is a reset to 0. */
export function resetAwareIncrease(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 1; i < values.length; i++) {
    total += values[i] >= values[i - 1] ? values[i] - values[i - 1] : values[i];
  }
  return total;
}

interface PromSeries {
  metric: Record<string, string>;
  values?: Array<[number, string]>;
  value?: [number, string];
}

export function seriesKey(name: string, labels: Readonly<Record<string, string>>): string {
  const sorted = Object.keys(labels)
    .filter((key) => key !== '__name__')
    .sort()
    .map((key) => `${key}=${JSON.stringify(labels[key])}`);
  return `${name}{${sorted.join(',')}}`;
}

function isPromSeriesList(value: unknown): value is PromSeries[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'metric' in item);
}

/** GET a Prometheus API path; returns `data.result`. */
export async function prometheusQuery(
  url: string,
  path: string,
  params: Record<string, string>
): Promise<PromSeries[]> {
  const response = await fetch(`${url}${path}?${new URLSearchParams(params)}`);
  const body: unknown = await response.json();
  if (
    typeof body !== 'object' ||
    body === null ||
    !('status' in body) ||
    body.status !== 'success' ||
    !('data' in body) ||
    typeof body.data !== 'object' ||
    body.data === null ||
    !('result' in body.data) ||
    !isPromSeriesList(body.data.result)
  ) {
    throw new Error(`${path} ${JSON.stringify(params)}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body.data.result;
}

export interface VerifyReport {
  series: number;
  samples: number;
  /** One line per check that passed. */
  checks: string[];
}

function seconds(time: number): string {
  return String(time / 1000);
}

/** Throws an Error listing what differs (at most 20 lines). */
export async function verifyPrometheus(url: string, traffic: Traffic): Promise<VerifyReport> {
  const { start, end } = traffic.index;
  const problems: string[] = [];
  const checks: string[] = [];
  const byKey = new Map<string, TrafficSeries>();
  for (const series of traffic.series) {
    byKey.set(seriesKey(series.name, series.labels), series);
  }

  // 1. The earliest sample is the first one generated: retention deleted nothing, no stray data.
  const earliest = await prometheusQuery(url, '/api/v1/query', {
    // timestamp() drops __name__; keep it in a label so _count and _sum stay distinct series.
    query: `min(timestamp(label_replace(${ALL_DEMO}, "name", "$1", "__name__", "(.+)")))`,
    time: seconds(start),
  });
  const earliestTime = earliest.length === 1 && earliest[0].value ? Number(earliest[0].value[1]) * 1000 : NaN;
  const before = await prometheusQuery(url, '/api/v1/query', {
    query: `count(${ALL_DEMO})`,
    time: seconds(start - MINUTE),
  });
  if (earliestTime !== start || before.length !== 0) {
    problems.push(`earliest sample: expected ${traffic.index.startIso}, got ${new Date(earliestTime).toISOString()}`);
  } else {
    checks.push(`earliest sample at ${traffic.index.startIso}, none before`);
  }

  // 2. Every raw sample (range selectors return stored samples, no lookback or extrapolation).
  const stored = new Map<string, { times: number[]; values: number[] }>();
  for (let windowEnd = Math.min(end, start + DAY); ; windowEnd = Math.min(end, windowEnd + DAY)) {
    const windowStart = windowEnd - DAY;
    const result = await prometheusQuery(url, '/api/v1/query', {
      // A minute more than the window, so its first sample is inside whatever the boundary rule.
      query: `${ALL_DEMO}[${(DAY + MINUTE) / 1000}s]`,
      time: seconds(windowEnd),
    });
    for (const item of result) {
      const key = seriesKey(item.metric.__name__, item.metric);
      const collected = stored.get(key) ?? { times: [], values: [] };
      stored.set(key, collected);
      for (const [time, value] of item.values ?? []) {
        const ms = Math.round(time * 1000);
        // Windows are (windowStart, windowEnd]; the very first sample belongs to the first one.
        if (ms > windowStart || ms === start) {
          collected.times.push(ms);
          collected.values.push(Number(value));
        }
      }
    }
    if (windowEnd >= end) {
      break;
    }
  }
  let samples = 0;
  for (const key of stored.keys()) {
    if (!byKey.has(key)) {
      problems.push(`unexpected series in Prometheus: ${key}`);
    }
  }
  for (const [key, series] of byKey) {
    const expected = sampledPoints(traffic, series);
    const got = stored.get(key) ?? { times: [], values: [] };
    samples += got.times.length;
    let mismatch = got.times.length === expected.times.length ? -1 : Math.min(got.times.length, expected.times.length);
    for (let i = 0; mismatch === -1 && i < expected.times.length; i++) {
      if (got.times[i] !== expected.times[i] || got.values[i] !== expected.values[i]) {
        mismatch = i;
      }
    }
    if (mismatch !== -1) {
      problems.push(
        `${key}: ${got.times.length} samples, expected ${expected.times.length}; first difference at #${mismatch}: ` +
          `got ${got.values[mismatch]} @ ${got.times[mismatch]}, expected ${expected.values[mismatch]} @ ${expected.times[mismatch]}`
      );
      continue;
    }
    const increase = resetAwareIncrease(got.values);
    const truth = seriesIncrease(traffic, series, start, end);
    if (increase !== truth) {
      problems.push(`${key}: reset-aware increase ${increase}, ground truth ${truth}`);
    }
  }
  if (problems.length === 0) {
    checks.push(
      `${samples} raw samples of ${byKey.size} series identical; reset-aware increases equal the ground truth`
    );
  }

  // 3. query_range at step 60 s over a day, the way a panel reads counters: over the fast-burn
  // incident, and over the longest scrape gap (its points stop after the 5 min lookback).
  const incident = traffic.index.incidents.find((item) => item.kind === 'fast-burn');
  const longestGap = [...traffic.index.gaps].sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  const dayEnds = [
    incident ? incident.end + 12 * 60 * MINUTE : end,
    longestGap ? longestGap.end + 12 * 60 * MINUTE : end,
  ];
  for (const dayEnd of new Set(dayEnds.map((time) => Math.min(end, time)))) {
    const checked = await checkQueryRange(url, traffic, dayEnd, problems);
    if (checked !== null) {
      checks.push(checked);
    }
  }

  if (problems.length > 0) {
    throw new Error(`Prometheus at ${url} differs from the ground truth:\n${problems.slice(0, 20).join('\n')}`);
  }
  return { series: byKey.size, samples, checks };
}

/**
 * query_range of the request counters over the day before `dayEnd` (moved back until every target
 * was scraped at both ends): every point must be the latest sample within the lookback, and per
 * service the reset-aware increments between points must give the exact good and total events.
 * Returns a description of what passed, or null after adding to `problems`.
 */
async function checkQueryRange(url: string, traffic: Traffic, end: number, problems: string[]): Promise<string | null> {
  const { start } = traffic.index;
  const scrapedAt = (time: number) => traffic.series.every((series) => series.scraped[(time - start) / MINUTE] === 1);
  let dayEnd = end;
  let dayStart = Math.max(start, dayEnd - DAY);
  while (!scrapedAt(dayEnd) || !scrapedAt(dayStart)) {
    dayEnd -= MINUTE;
    dayStart = Math.max(start, dayEnd - DAY);
  }
  const label = `query_range ${new Date(dayStart).toISOString()} .. ${new Date(dayEnd).toISOString()} step 60s`;
  const result = await prometheusQuery(url, '/api/v1/query_range', {
    query: METRICS.requests,
    start: seconds(dayStart),
    end: seconds(dayEnd),
    step: '60',
  });
  const returned = new Map(result.map((item) => [seriesKey(item.metric.__name__, item.metric), item.values ?? []]));
  const before = problems.length;
  const totals = new Map<string, { good: number; total: number }>();
  let pointCount = 0;
  let missingPoints = 0;
  for (const series of traffic.series.filter((item) => item.name === METRICS.requests)) {
    const key = seriesKey(series.name, series.labels);
    const points = returned.get(key) ?? [];
    returned.delete(key);
    const expected: Array<{ time: number; k: number }> = [];
    for (let time = dayStart; time <= dayEnd; time += MINUTE) {
      const k = latestSampleIndex(traffic, series, time);
      if (k === -1) {
        missingPoints++;
      } else {
        expected.push({ time, k });
      }
    }
    pointCount += points.length;
    const differs =
      points.length !== expected.length ||
      expected.some(
        ({ time, k }, i) => Math.round(points[i][0] * 1000) !== time || Number(points[i][1]) !== series.values[k]
      );
    if (differs) {
      problems.push(`${label} ${key}: ${points.length} points, expected ${expected.length}, or their values differ`);
      continue;
    }
    const increase = resetAwareIncrease(points.map(([, value]) => Number(value)));
    const first = traffic.times[expected[0].k];
    const last = traffic.times[expected[expected.length - 1].k];
    const truth = seriesIncrease(traffic, series, first, last);
    if (increase !== truth) {
      problems.push(`${label} ${key}: reset-aware increase ${increase}, ground truth ${truth}`);
    }
    const service = totals.get(series.service) ?? { good: 0, total: 0 };
    totals.set(series.service, service);
    service.total += increase;
    service.good += isGoodCode(series.labels.code) ? increase : 0;
  }
  for (const key of returned.keys()) {
    problems.push(`${label}: unexpected series ${key}`);
  }
  for (const [service, counted] of totals) {
    const truth = eventCounts(traffic, service, dayStart, dayEnd);
    if (counted.good !== truth.good || counted.total !== truth.total) {
      problems.push(
        `${label} ${service}: good/total ${counted.good}/${counted.total}, truth ${truth.good}/${truth.total}`
      );
    }
  }
  if (problems.length > before) {
    return null;
  }
  return `${label}: ${pointCount} points exact (${missingPoints} absent past the lookback, as expected); every service's good/total events exact`;
}

/** Index of the sample an instant query at `time` sees: the latest one within the lookback, or -1. */
function latestSampleIndex(traffic: Traffic, series: TrafficSeries, time: number): number {
  for (let k = Math.floor((time - traffic.index.start) / MINUTE); k >= 0; k--) {
    if (time - traffic.times[k] > LOOKBACK) {
      return -1;
    }
    if (series.scraped[k] === 1) {
      return k;
    }
  }
  return -1;
}
