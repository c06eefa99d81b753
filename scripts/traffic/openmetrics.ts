/**
 * OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`. promtool drops out-of-order
 * samples and misreads millisecond timestamps without a word, so: one series at a time, its samples
 * in time order, timestamps in seconds, families contiguous, `# EOF` last.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

import { FAMILIES, TrafficSeries } from './generate';

/** What the writer needs: the grid and the series (a Traffic fits). */
export interface OpenMetricsInput {
  times: ArrayLike<number>;
  series: readonly TrafficSeries[];
}

export interface OpenMetricsStats {
  bytes: number;
  series: number;
  samples: number;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

function formatSeconds(time: number): string {
  if (time % 1000 !== 0) {
    throw new Error(`OpenMetrics: sample time ${time} ms is not a whole second`);
  }
  return String(time / 1000);
}

/**
 * The file as text chunks: the family headers, then one chunk per series. Each chunk is a few MB
 * at most, so a writer never holds the whole file (hundreds of MB for 35 days).
 */
export function* openMetricsChunks(input: OpenMetricsInput): Generator<string> {
  for (const family of FAMILIES) {
    const members = input.series.filter((series) => (family.samples as readonly string[]).includes(series.name));
    if (members.length === 0) {
      continue;
    }
    yield `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} ${family.type}\n`;
    for (const series of members) {
      const prefix = `${series.name}${formatLabels(series.labels)} `;
      const lines: string[] = [];
      for (let k = 0; k < input.times.length; k++) {
        if (series.scraped[k] === 1) {
          // String(number) is the shortest text that parses back to the same float64.
          lines.push(`${prefix}${series.values[k]} ${formatSeconds(input.times[k])}\n`);
        }
      }
      yield lines.join('');
    }
  }
  yield '# EOF\n';
}

/** The whole file as one string: for small data sets and tests. */
export function openMetricsText(input: OpenMetricsInput): string {
  return Array.from(openMetricsChunks(input)).join('');
}

/** Writes the file chunk by chunk and returns its size. */
export function writeOpenMetrics(input: OpenMetricsInput, path: string): OpenMetricsStats {
  const stats: OpenMetricsStats = { bytes: 0, series: 0, samples: 0 };
  for (const series of input.series) {
    stats.series++;
    for (let k = 0; k < series.scraped.length; k++) {
      stats.samples += series.scraped[k];
    }
  }
  const fd = openSync(path, 'w');
  try {
    for (const chunk of openMetricsChunks(input)) {
      const buffer = Buffer.from(chunk, 'utf8');
      for (let offset = 0; offset < buffer.length;) {
        offset += writeSync(fd, buffer, offset);
      }
      stats.bytes += buffer.length;
    }
  } finally {
    closeSync(fd);
  }
  return stats;
}
