import { medianStep, type IncrementSeries } from './series';

/**
 * The fraction of (start, end] that has samples: a step between two samples covers its span when
 * it is at most twice the series' median step (a longer one is a scrape gap); an increment series'
 * first sample covers the median step before it. Spans of several series are united.
 */
export function coverage(series: IncrementSeries[], start: number, end: number): number {
  if (!(end > start)) {
    return 0;
  }
  const covered = series.length === 1 ? coveredLength(series[0], start, end) : unitedLength(series, start, end);
  return Math.min(1, covered / (end - start));
}

/** Whether the step from `from` to `to` is no scrape gap, for a series whose median step is `step`. */
function covers(from: number, to: number, step: number): boolean {
  return to - from <= 2 * step;
}

/**
 * The length one series covers within (start, end]: the span from its first covered time to its
 * last sample, less the scrape gaps, which are rare enough to visit one by one.
 */
function coveredLength({ kind, times }: IncrementSeries, start: number, end: number): number {
  if (times.length < 2) {
    return 0;
  }
  const step = medianStep(times);
  const first = kind === 'increment' ? times[0] - step : times[0];
  let length = clippedLength(first, times[times.length - 1], start, end);
  for (let i = 1; i < times.length; i++) {
    if (!covers(times[i - 1], times[i], step)) {
      length -= clippedLength(times[i - 1], times[i], start, end);
    }
  }
  return length;
}

function clippedLength(from: number, to: number, start: number, end: number): number {
  const length = (to < end ? to : end) - (from > start ? from : start);
  return length > 0 ? length : 0;
}

/** The length of the union of several series' spans within (start, end]. */
function unitedLength(series: IncrementSeries[], start: number, end: number): number {
  const spans: Array<[number, number]> = [];
  for (const { kind, times } of series) {
    if (times.length < 2) {
      continue;
    }
    const step = medianStep(times);
    if (kind === 'increment') {
      spans.push([times[0] - step, times[0]]);
    }
    for (let i = 1; i < times.length; i++) {
      if (covers(times[i - 1], times[i], step)) {
        spans.push([times[i - 1], times[i]]);
      }
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let length = 0;
  let reach = start;
  for (const [from, to] of spans) {
    const clippedFrom = from > reach ? from : reach;
    const clippedTo = to < end ? to : end;
    if (clippedTo > clippedFrom) {
      length += clippedTo - clippedFrom;
      reach = clippedTo;
    }
  }
  return length;
}
