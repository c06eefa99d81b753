/**
 * Measures the recorded windows against the ground truth over 35 days of demo traffic and prints
 * the table in docs/prometheus.md. Takes a few minutes:
 *
 *   npx esbuild scripts/measure-recording-accuracy.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=.data/.build/measure-recording-accuracy.mjs && node .data/.build/measure-recording-accuracy.mjs
 *
 * Options: --days 35 --end 2025-06-10T09:00Z --seed 999 --keep (keeps the temporary TSDB).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { measureRecordingAccuracy, summarize, type ErrorSummary } from './recordingAccuracy';
import { parseEnd } from './traffic/backfill';
import { DAY, HOUR } from './traffic/generate';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function percent(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(value < 0.001 ? 4 : 2)}%`;
}

function row(summary: ErrorSummary): string {
  const pair = ({ median, max }: { median: number; max: number }) => `${percent(median)} / ${percent(max)}`;
  const burn = ({ median, max }: { median: number; max: number }) => `${median.toFixed(3)} / ${max.toFixed(3)}`;
  return `| ${summary.window} | ${summary.samples} | ${pair(summary.ratio)} | ${pair(summary.rawRatio)} | ${burn(summary.burnRate)} | ${burn(summary.rawBurnRate)} | ${pair(summary.total)} | ${pair(summary.rawTotal)} |`;
}

async function main(): Promise<void> {
  const days = Number(option('days') ?? 35);
  const end = parseEnd(option('end') ?? '2025-06-10T09:00Z');
  const seed = Number(option('seed') ?? 999);
  const dataDir = mkdtempSync(join(tmpdir(), 'nines-recording-accuracy-'));
  const began = Date.now();
  try {
    const longest = 30 * DAY;
    const comparisons = await measureRecordingAccuracy({
      dataDir,
      days,
      end,
      seed,
      sloWindow: '30d',
      windows: ['1h', '6h', '1d', '3d', '30d'],
      checkEvery: HOUR,
      checkSpan: days * DAY - longest - 2 * HOUR,
      log: (line) => console.log(line),
    });
    console.log(`\n${comparisons.length} comparisons, ${((Date.now() - began) / 1000).toFixed(0)} s in all`);
    console.log(
      `${days} days ending ${new Date(end).toISOString()}, seed ${seed}; 5 SLOs, every hour of the last ${((days * DAY - longest - 2 * HOUR) / DAY).toFixed(1)} days`
    );
    console.log(
      '\nmedian / max of |measured - truth|: error ratio and events relative to the truth, burn rate absolute (99.9%)\n'
    );
    console.log(
      '| window | n | ratio, recorded | ratio, raw increase | burn rate, recorded | burn rate, raw | events, recorded | events, raw |'
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const summary of summarize(comparisons)) {
      console.log(row(summary));
    }
    const windows = [...new Set(comparisons.map((comparison) => comparison.window))];
    console.log('\nmax burn-rate error per SLO, recorded / raw increase\n');
    console.log(`| SLO | ${windows.join(' | ')} |`);
    console.log(`| --- |${windows.map(() => ' --- |').join('')}`);
    for (const slo of [...new Set(comparisons.map((comparison) => comparison.slo))]) {
      const cells = summarize(comparisons.filter((comparison) => comparison.slo === slo)).map(
        (summary) => `${summary.burnRate.max.toFixed(3)} / ${summary.rawBurnRate.max.toFixed(3)}`
      );
      console.log(`| ${slo} | ${cells.join(' | ')} |`);
    }
  } finally {
    if (!process.argv.includes('--keep')) {
      rmSync(dataDir, { recursive: true, force: true });
    } else {
      console.log(`kept ${dataDir}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
