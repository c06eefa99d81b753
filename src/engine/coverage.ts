import type { IncrementSeries } from './series';

/**
 * The fraction of (start, end] that has samples: a step between two samples covers its span when
 * it is at most twice the series' median step (a longer one is a scrape gap); an increment series'
 * first sample covers the median step before it. Spans of several series are united.
 */
export function coverage(series: IncrementSeries[], start: number, end: number): number {
  if (!(end > start)) {
    return 0;
  }
  const spans = series.map((one) => coveredSpans(one, start, end));
  let covered = 0;
  if (spans.length === 1) {
    const { starts, ends, count } = spans[0];
    for (let i = 0; i < count; i++) {
      covered += ends[i] - starts[i];
    }
  } else {
    // Each series' spans are ascending and disjoint; merge the series by always taking the earliest.
    const next = spans.map(() => 0);
    let reach = -Infinity;
    for (;;) {
      let pick = -1;
      for (let s = 0; s < spans.length; s++) {
        if (next[s] < spans[s].count && (pick < 0 || spans[s].starts[next[s]] < spans[pick].starts[next[pick]])) {
          pick = s;
        }
      }
      if (pick < 0) {
        break;
      }
      const i = next[pick]++;
      const from = Math.max(spans[pick].starts[i], reach);
      const to = spans[pick].ends[i];
      if (to > from) {
        covered += to - from;
        reach = to;
      }
    }
  }
  return Math.min(1, covered / (end - start));
}

/** The spans one series covers within (start, end], ascending and disjoint. */
function coveredSpans({ kind, times }: IncrementSeries, start: number, end: number) {
  const starts = new Float64Array(times.length);
  const ends = new Float64Array(times.length);
  let count = 0;
  if (times.length >= 2) {
    const step = medianStep(times);
    for (let i = kind === 'increment' ? 0 : 1; i < times.length; i++) {
      const from = i === 0 ? times[0] - step : times[i - 1];
      if (times[i] - from <= 2 * step) {
        starts[count] = from > start ? from : start;
        ends[count] = times[i] < end ? times[i] : end;
        count += ends[count] > starts[count] ? 1 : 0;
      }
    }
  }
  return { starts, ends, count };
}

/** The lower median of the steps between samples, by quickselect (O(n) on average). */
export function medianStep(times: ArrayLike<number>): number {
  const steps = new Float64Array(times.length - 1);
  for (let i = 1; i < times.length; i++) {
    steps[i - 1] = times[i] - times[i - 1];
  }
  const k = Math.floor((steps.length - 1) / 2);
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const pivot = steps[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (steps[i] < pivot) {
        i++;
      }
      while (steps[j] > pivot) {
        j--;
      }
      if (i <= j) {
        const swap = steps[i];
        steps[i++] = steps[j];
        steps[j--] = swap;
      }
    }
    if (k <= j) {
      hi = j;
    } else if (k >= i) {
      lo = i;
    } else {
      break;
    }
  }
  return steps[k];
}
