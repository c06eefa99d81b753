/**
 * Benchmark of `evaluateSlo` on 30 days of 1-minute data (part of `npm run bench`). Targets: at
 * most 5 ms per SLO, and at least 50x faster than the naive reference (src/engine/reference.ts),
 * which also checks that the two agree on the headline numbers.
 */
import { performance } from 'node:perf_hooks';

import { evaluateSlo } from '../src/engine/index';
import { referenceEvaluate } from '../src/engine/reference';
import { SloEvaluation, SloInput } from '../src/engine/types';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const SAMPLES = 30 * 1440;
const AT = Date.UTC(2025, 0, 31, 0, 0);
const TARGET_MS_PER_SLO = 5;
const TARGET_SPEEDUP = 50;

/** mulberry32: a small seeded PRNG, so every run measures the same data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Good and total request counters for one service: diurnal traffic, a background error rate, an
 * error burst on day 20 and a smaller one in the last 40 minutes (so short burn rates are not 0),
 * and a few process restarts that reset both counters.
 */
function serviceData(seed: number): SloInput {
  const random = seededRandom(seed);
  const times = new Float64Array(SAMPLES);
  const good = new Float64Array(SAMPLES);
  const total = new Float64Array(SAMPLES);
  const peakRate = 200 + random() * 800;
  const restarts = new Set([1, 2, 3].map(() => Math.floor(random() * SAMPLES)));
  const burstStart = 20 * 1440 + Math.floor(random() * 600);
  let goodCount = 0;
  let totalCount = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const time = AT - (SAMPLES - 1 - i) * MINUTE;
    const hourOfDay = (time % DAY) / (60 * MINUTE);
    const rate = peakRate * (0.55 + 0.45 * Math.sin((2 * Math.PI * (hourOfDay - 9)) / 24));
    const requests = Math.max(0, Math.round(rate * (0.9 + 0.2 * random())));
    const inBurst = (i >= burstStart && i < burstStart + 120) || i >= SAMPLES - 40;
    const errorRatio = inBurst ? (i >= SAMPLES - 40 ? 0.004 : 0.08) : 0.0003;
    // Stochastic rounding keeps the mean error ratio even when a minute expects under one error.
    const errors = Math.min(requests, Math.floor(requests * errorRatio * (0.5 + random()) + random()));
    if (restarts.has(i)) {
      goodCount = 0;
      totalCount = 0;
    }
    goodCount += requests - errors;
    totalCount += requests;
    times[i] = time;
    good[i] = goodCount;
    total[i] = totalCount;
  }
  return {
    good: [{ times, values: good, kind: 'counter' }],
    total: [{ times, values: total, kind: 'counter' }],
    objective: { target: 0.999, window: '30d' },
    at: AT,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median wall time of one pass over all inputs. */
function timePasses(inputs: SloInput[], passes: number): number {
  const durations: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const begin = performance.now();
    for (const input of inputs) {
      evaluateSlo(input);
    }
    durations.push(performance.now() - begin);
  }
  return median(durations);
}

function headlineDifferences(engine: SloEvaluation, reference: SloEvaluation): string[] {
  const pairs: Array<[string, number | null, number | null]> = [
    ['events.good', engine.events.good, reference.events.good],
    ['events.bad', engine.events.bad, reference.events.bad],
    ['events.total', engine.events.total, reference.events.total],
    ['sli', engine.sli, reference.sli],
    ['errorBudget.remaining', engine.errorBudget.remaining, reference.errorBudget.remaining],
    ...Object.keys(reference.burnRate).map((key): [string, number | null, number | null] => [
      `burnRate['${key}']`,
      engine.burnRate[key] ?? null,
      reference.burnRate[key],
    ]),
  ];
  return pairs
    .filter(([, a, b]) =>
      a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9
    )
    .map(([name, a, b]) => `${name}: engine ${a}, reference ${b}`);
}

function formatRow(cells: Array<string | number>): string {
  const widths = [10, 6, 20, 18, 12, 24];
  return cells.map((cell, i) => String(cell).padEnd(widths[i])).join('');
}

/** Prints the engine's figures and returns the targets it missed (none: all met). */
export function runEngineBench(): string[] {
  console.log('Generating data: 101 services, 30 days of 1-minute samples...');
  const single = [serviceData(1)];
  const fleet = Array.from({ length: 100 }, (_, i) => serviceData(1000 + i));

  // Warm up until the JIT has compiled the hot loops for both workloads' shapes of data.
  timePasses(fleet, 1);
  timePasses(single, 30);
  const fleetMs = timePasses(fleet, 5);
  const singleMs = timePasses(single, 51);

  const engineResult = evaluateSlo(single[0]);
  const grid = {
    resolution: engineResult.resolution,
    chartTimes: engineResult.series.times,
    chartStep: engineResult.series.step,
  };
  const referenceDurations: number[] = [];
  let referenceResult: SloEvaluation | null = null;
  for (let run = 0; run < 2; run++) {
    const begin = performance.now();
    referenceResult = referenceEvaluate(single[0], grid);
    referenceDurations.push(performance.now() - begin);
  }
  const referenceMs = median(referenceDurations);
  const speedup = referenceMs / singleMs;

  console.log('');
  console.log(
    formatRow(['workload', 'SLOs', 'samples per series', 'ms per SLO (med)', 'total ms', 'reference / engine'])
  );
  console.log(formatRow(['single', 1, SAMPLES, singleMs.toFixed(2), singleMs.toFixed(1), `${speedup.toFixed(0)}x`]));
  console.log(formatRow(['fleet', 100, SAMPLES, (fleetMs / 100).toFixed(2), fleetMs.toFixed(1), '']));
  console.log(formatRow(['reference', 1, SAMPLES, referenceMs.toFixed(0), referenceMs.toFixed(0), '']));
  console.log('');

  const failures: string[] = [];
  const worstPerSlo = Math.max(singleMs, fleetMs / 100);
  const speedOk = worstPerSlo <= TARGET_MS_PER_SLO;
  const speedupOk = speedup >= TARGET_SPEEDUP;
  console.log(
    `${speedOk ? 'PASS' : 'FAIL'}  at most ${TARGET_MS_PER_SLO} ms per SLO: worst ${worstPerSlo.toFixed(2)} ms`
  );
  console.log(
    `${speedupOk ? 'PASS' : 'FAIL'}  at least ${TARGET_SPEEDUP}x faster than the reference: ${speedup.toFixed(0)}x`
  );
  if (!speedOk) {
    failures.push('ms per SLO');
  }
  if (!speedupOk) {
    failures.push('speedup over the reference');
  }

  const differences =
    referenceResult === null ? ['no reference result'] : headlineDifferences(engineResult, referenceResult);
  const headline = engineResult;
  console.log(
    `${differences.length === 0 ? 'PASS' : 'FAIL'}  engine and reference agree on the headline numbers: ` +
      `events ${headline.events.good}/${headline.events.total} (bad ${headline.events.bad}), sli ${headline.sli?.toFixed(6)}, ` +
      `remaining ${headline.errorBudget.remaining?.toFixed(4)}, burn rates ` +
      Object.entries(headline.burnRate)
        .map(([key, value]) => `${key} ${value === null ? 'null' : value.toFixed(3)}`)
        .join(', ')
  );
  for (const difference of differences) {
    console.log(`      ${difference}`);
  }
  if (differences.length > 0) {
    failures.push('agreement with the reference');
  }

  return failures;
}
