/**
 * Command line of the demo traffic (bundled by `npm run data` / `npm run prometheus`):
 *
 *   traffic backfill   [--days 35] [--end ISO|now] [--seed N] [--data .data] [--keep-openmetrics]
 *   traffic prometheus [--data .data] [--port 9090] [--host 127.0.0.1]
 *       backfills first when the data directory holds none, then runs Prometheus until Ctrl-C
 *   traffic verify     [--data .data] [--url URL]
 *       compares a Prometheus (default: one started on a free port) with the ground truth
 */
import { parseArgs } from 'node:util';

import {
  backfill,
  DEFAULT_DATA_DIR,
  DEFAULT_DAYS,
  defaultEnd,
  hasBackfill,
  loadTraffic,
  parseEnd,
  readTrafficIndex,
} from './backfill';
import { DEFAULT_SEED } from './generate';
import { startPrometheus } from './prometheus';
import { verifyPrometheus } from './verify';

const log = (line: string) => process.stderr.write(`${line}\n`);

function integer(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value)) {
    throw new Error(`--${name}: expected an integer, got ${text}`);
  }
  return value;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      days: { type: 'string' },
      end: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      'keep-openmetrics': { type: 'boolean', default: false },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      url: { type: 'string' },
    },
  });
  const command = positionals[0];
  const dataDir = values.data;
  const backfillHere = async () => {
    const end = parseEnd(values.end);
    if (end > defaultEnd()) {
      log(`warning: --end is within the last 2 hours; Prometheus may not accept the newest samples as expected`);
    }
    await backfill({
      dataDir,
      days: integer(values.days, 'days', DEFAULT_DAYS),
      end,
      seed: integer(values.seed, 'seed', DEFAULT_SEED),
      keepOpenMetrics: values['keep-openmetrics'],
      log,
    });
  };

  if (command === 'backfill') {
    await backfillHere();
  } else if (command === 'prometheus') {
    if (hasBackfill(dataDir)) {
      const index = readTrafficIndex(dataDir);
      log(`using the backfill in ${dataDir}: seed ${index.seed}, ${index.startIso} .. ${index.endIso}`);
    } else {
      log(`no backfill in ${dataDir}: generating one`);
      await backfillHere();
    }
    const prometheus = await startPrometheus({
      dataDir,
      port: integer(values.port, 'port', 9090),
      host: values.host,
      output: 'inherit',
    });
    log(`Prometheus ready at ${prometheus.url} (Ctrl-C stops it)`);
    await new Promise<void>((resolvePromise) => {
      const shutdown = () => void prometheus.stop().then(resolvePromise);
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
  } else if (command === 'verify') {
    const traffic = loadTraffic(dataDir);
    const report = (checks: string[]) => checks.forEach((check) => log(`ok: ${check}`));
    if (values.url) {
      report((await verifyPrometheus(values.url, traffic)).checks);
    } else {
      const prometheus = await startPrometheus({ dataDir, port: 0, host: values.host });
      try {
        report((await verifyPrometheus(prometheus.url, traffic)).checks);
      } finally {
        await prometheus.stop();
      }
    }
  } else {
    throw new Error(`usage: traffic backfill|prometheus|verify [options] (see scripts/traffic/cli.ts)`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
