/**
 * Backfills the generated traffic into a Prometheus TSDB with promtool, and writes traffic.json so
 * other tools can regenerate the exact ground truth (generateTraffic with the same seed, end, days).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import { DEFAULT_SEED, generateTraffic, HOUR, MINUTE, planTraffic, Traffic, TrafficIndex } from './generate';
import { writeOpenMetrics } from './openmetrics';

export const DEFAULT_DAYS = 35;
export const DEFAULT_DATA_DIR = '.data';
/**
 * promtool re-reads the whole input once per block; its default 2 h blocks make 420 passes over
 * 35 days (minutes of work). 486 h is the largest block Prometheus' own compactor makes with our
 * retention, so it also leaves the imported blocks alone.
 */
const MAX_BLOCK_DURATION = '486h';

export interface BackfillOptions {
  /** Directory for traffic.json and the TSDB (`<dataDir>/prometheus`). */
  dataDir: string;
  days?: number;
  /** Time of the last sample (ms, whole minute); default: defaultEnd(). */
  end?: number;
  seed?: number;
  /** promtool binary; default $PROMTOOL_BIN or /usr/bin/promtool. */
  promtool?: string;
  /** Keep `<dataDir>/traffic.om` (deleted by default: hundreds of MB). */
  keepOpenMetrics?: boolean;
  log?: (line: string) => void;
}

export interface BlockInfo {
  ulid: string;
  minTime: number;
  maxTime: number;
  numSamples: number;
  numSeries: number;
}

export interface BackfillResult {
  index: TrafficIndex;
  traffic: Traffic;
  tsdbPath: string;
  indexPath: string;
  blocks: BlockInfo[];
  samples: number;
  openMetricsBytes: number;
  tsdbBytes: number;
  millis: { generate: number; write: number; promtool: number; total: number };
}

export function tsdbPathOf(dataDir: string): string {
  return join(dataDir, 'prometheus');
}

export function indexPathOf(dataDir: string): string {
  return join(dataDir, 'traffic.json');
}

/** Now, on the minute, less 2 hours: the most recent hours must stay out of a backfill. */
export function defaultEnd(now = Date.now()): number {
  return Math.floor(now / MINUTE) * MINUTE - 2 * HOUR;
}

/** `--end`: an ISO time (floored to the minute), or `now` / nothing for defaultEnd(). */
export function parseEnd(text: string | undefined, now = Date.now()): number {
  if (text === undefined || text === 'now') {
    return defaultEnd(now);
  }
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new Error(`--end: not an ISO time or "now": ${text}`);
  }
  return Math.floor(time / MINUTE) * MINUTE;
}

export function promtoolBinary(): string {
  return process.env.PROMTOOL_BIN || '/usr/bin/promtool';
}

/** Process id of a running Prometheus whose TSDB is this directory, from /proc (Linux only). */
export function prometheusUsing(path: string): number | null {
  if (!existsSync('/proc')) {
    return null;
  }
  const wanted = resolve(path);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // the process ended meanwhile
    }
    for (let i = 0; i < args.length; i++) {
      const flag = args[i].replace(/^--?/, '');
      let value: string | undefined;
      if (flag.startsWith('storage.tsdb.path=')) {
        value = flag.slice('storage.tsdb.path='.length);
      } else if (flag === 'storage.tsdb.path') {
        value = args[i + 1];
      }
      if (value !== undefined && resolve(value) === wanted) {
        return Number(entry);
      }
    }
  }
  return null;
}

function readBlocks(path: string): BlockInfo[] {
  if (!existsSync(path)) {
    return [];
  }
  const blocks: BlockInfo[] = [];
  for (const entry of readdirSync(path)) {
    const metaPath = join(path, entry, 'meta.json');
    if (!existsSync(metaPath)) {
      continue;
    }
    const meta: unknown = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (
      typeof meta !== 'object' ||
      meta === null ||
      !('minTime' in meta) ||
      !('maxTime' in meta) ||
      !('stats' in meta)
    ) {
      throw new Error(`${metaPath}: not a TSDB block meta.json`);
    }
    const stats = meta.stats;
    const numSamples = typeof stats === 'object' && stats !== null && 'numSamples' in stats ? stats.numSamples : NaN;
    const numSeries = typeof stats === 'object' && stats !== null && 'numSeries' in stats ? stats.numSeries : NaN;
    blocks.push({
      ulid: entry,
      minTime: Number(meta.minTime),
      maxTime: Number(meta.maxTime),
      numSamples: Number(numSamples),
      numSeries: Number(numSeries),
    });
  }
  return blocks.sort((a, b) => a.minTime - b.minTime);
}

/** Whether `<dataDir>` holds backfilled blocks and the traffic.json that describes them. */
export function hasBackfill(dataDir: string): boolean {
  return existsSync(indexPathOf(dataDir)) && readBlocks(tsdbPathOf(dataDir)).length > 0;
}

function directoryBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    total += entry.isDirectory() ? directoryBytes(child) : statSync(child).size;
  }
  return total;
}

function runTool(binary: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`cannot run ${binary}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) {
        resolvePromise(output);
      } else {
        reject(new Error(`${binary} ${args.join(' ')} exited with ${code}:\n${output.trim()}`));
      }
    });
  });
}

/** Reads `<dataDir>/traffic.json`. */
export function readTrafficIndex(dataDir: string): TrafficIndex {
  const path = indexPathOf(dataDir);
  const index: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (
    typeof index !== 'object' ||
    index === null ||
    !('seed' in index && typeof index.seed === 'number') ||
    !('end' in index && typeof index.end === 'number') ||
    !('days' in index && typeof index.days === 'number')
  ) {
    throw new Error(`${path}: expected { seed, end, days, ... }`);
  }
  // Regenerating the plan both validates the file and gives it its exact type.
  return planTraffic({ seed: index.seed, end: index.end, days: index.days });
}

/** Regenerates the data set (samples and ground truth) that `<dataDir>` was backfilled with. */
export function loadTraffic(dataDir: string): Traffic {
  const { seed, end, days } = readTrafficIndex(dataDir);
  return generateTraffic({ seed, end, days });
}

/** Generates the traffic, replaces the blocks in `<dataDir>/prometheus` with it, writes traffic.json. */
export async function backfill(options: BackfillOptions): Promise<BackfillResult> {
  const log = options.log ?? (() => undefined);
  const began = performance.now();
  const dataDir = options.dataDir;
  const tsdbPath = tsdbPathOf(dataDir);
  const indexPath = indexPathOf(dataDir);
  const promtool = options.promtool ?? promtoolBinary();
  if (promtool.includes('/') && !existsSync(promtool)) {
    throw new Error(
      `promtool not found at ${promtool}: install Debian's prometheus package (apt-get install -y prometheus) or set PROMTOOL_BIN`
    );
  }
  const running = prometheusUsing(tsdbPath);
  if (running !== null) {
    throw new Error(`Prometheus (pid ${running}) is running on ${tsdbPath}: stop it before regenerating the data`);
  }

  const traffic = generateTraffic({
    seed: options.seed ?? DEFAULT_SEED,
    end: options.end ?? defaultEnd(),
    days: options.days ?? DEFAULT_DAYS,
  });
  const generated = performance.now();
  log(
    `generated ${traffic.series.length} series, ${traffic.index.startIso} .. ${traffic.index.endIso} (${ms(generated - began)})`
  );

  mkdirSync(dataDir, { recursive: true });
  const openMetricsPath = join(dataDir, 'traffic.om');
  const stats = writeOpenMetrics(traffic, openMetricsPath);
  const written = performance.now();
  log(`wrote ${openMetricsPath}: ${stats.samples} samples, ${mb(stats.bytes)} (${ms(written - generated)})`);

  // Old blocks would overlap the new ones, and a stale traffic.json would describe the wrong data.
  rmSync(tsdbPath, { recursive: true, force: true });
  rmSync(indexPath, { force: true });
  mkdirSync(tsdbPath, { recursive: true });
  await runTool(promtool, [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '--quiet',
    `--max-block-duration=${MAX_BLOCK_DURATION}`,
    openMetricsPath,
    tsdbPath,
  ]);
  const imported = performance.now();
  const blocks = readBlocks(tsdbPath);
  const importedSamples = blocks.reduce((total, block) => total + block.numSamples, 0);
  log(`promtool: ${blocks.length} blocks, ${importedSamples} samples (${ms(imported - written)})`);
  // promtool drops samples it dislikes without failing; the blocks must hold every one.
  if (importedSamples !== stats.samples) {
    throw new Error(`promtool imported ${importedSamples} samples, expected ${stats.samples}`);
  }
  if (!options.keepOpenMetrics) {
    rmSync(openMetricsPath, { force: true });
  }

  const temporary = `${indexPath}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(traffic.index, null, 2)}\n`);
  renameSync(temporary, indexPath);

  const tsdbBytes = directoryBytes(tsdbPath);
  const total = performance.now() - began;
  log(`backfill done: ${tsdbPath} is ${mb(tsdbBytes)}; ${indexPath} written (${ms(total)} in all)`);
  return {
    index: traffic.index,
    traffic,
    tsdbPath,
    indexPath,
    blocks,
    samples: stats.samples,
    openMetricsBytes: stats.bytes,
    tsdbBytes,
    millis: { generate: generated - began, write: written - generated, promtool: imported - written, total },
  };
}

function ms(millis: number): string {
  return `${(millis / 1000).toFixed(1)} s`;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
