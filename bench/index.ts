/**
 * `npm run bench [-- options]`: the engine benchmark (bench/engine.ts), then the overview
 * workloads in Chromium against the test host and a real Prometheus (bench/overview.ts). Exits
 * non-zero when a target is missed.
 *
 *   --engine             only the engine benchmark (also BENCH_SKIP_OVERVIEW=1)
 *   --overview           only the overview workloads
 *   --sizes 20,200,1000  SLO counts of the overview workloads
 *   --runs 3             measured loads per workload and mode (median; after one warm-up)
 */
import os from 'node:os';

import { runEngineBench } from './engine';
import { runOverviewBench } from './overview';
import { formatResults, targetChecks } from './overviewReport';

interface BenchArgs {
  engine: boolean;
  overview: boolean;
  sizes: number[];
  runs: number;
}

function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    engine: true,
    overview: process.env.BENCH_SKIP_OVERVIEW !== '1',
    sizes: [20, 200, 1000],
    runs: 3,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--engine') {
      args.overview = false;
    } else if (flag === '--overview') {
      args.engine = false;
    } else if (flag === '--sizes') {
      args.sizes = (argv[++i] ?? '').split(',').map(Number);
    } else if (flag === '--runs') {
      args.runs = Number(argv[++i]);
    } else {
      throw new Error(`bench: unknown option ${flag}`);
    }
  }
  if (args.sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(args.runs) || args.runs < 1) {
    throw new Error('bench: --sizes takes positive whole numbers separated by commas, --runs a positive whole number');
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const failures: string[] = [];
  console.log(`${new Date().toISOString()}: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
  if (args.engine) {
    failures.push(...runEngineBench());
  }
  if (args.overview) {
    console.log(
      `\nOverview: ${args.sizes.join(', ')} SLOs, batched (default) and batch=1 (baseline), median of ${args.runs} ` +
        `load(s) after a warm-up; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the start`
    );
    const results = await runOverviewBench({
      sizes: args.sizes,
      runs: args.runs,
      loadTimeoutMs: 180_000,
      log: (line) => process.stderr.write(`bench: ${line}\n`),
    });
    console.log(
      `\nLoad average at the end: ${os.loadavg()[0].toFixed(1)} (other work on the machine slows every figure)`
    );
    console.log(formatResults(results));
    console.log('');
    for (const check of targetChecks(results)) {
      console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${check.line}`);
      if (!check.ok) {
        failures.push('overview of 200 SLOs');
      }
    }
  }
  if (failures.length > 0) {
    console.log(`\nTargets missed: ${[...new Set(failures)].join(', ')}`);
    return 1;
  }
  console.log('\nAll targets met.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
);
