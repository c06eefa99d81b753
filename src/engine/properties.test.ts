/**
 * Property tests: the engine against the naive reference (src/engine/reference.ts) on random
 * inputs, field by field. The reference is written from docs/engine.md alone, so a mismatch is a
 * bug in one of them or an ambiguity in the contract. Inputs are small so the suite runs fast.
 * Counts are whole numbers, so both sides sum exactly and no threshold (factor, minEvents,
 * timeSliceTarget) can flip on rounding; non-integer counts differ at the 1e-16 level by design.
 */
import fc from 'fast-check';

import { evaluateSlo } from './index';
import { referenceEvaluate, referenceGrid } from './reference';
import { AlertTier, BudgetingMethod, DataProblem, Objective, SeriesInput, SloEvaluation, SloInput } from './types';

// Fixed so that failures reproduce; PROPERTY_SEED and PROPERTY_RUNS_SCALE explore further.
const SEED = Number(process.env.PROPERTY_SEED ?? 20240331);
const RUNS_SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);
const runs = (count: number) => Math.max(1, Math.round(count * RUNS_SCALE));
// Shrinking a failure re-runs thousands of cases; bound it (a run cut short still fails).
const BOUNDED = { interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One base step of the generated traffic; the bit masks pick series (bit j: total j, bit 3 + j: given j). */
interface StepDraw {
  spacing: number;
  total: number;
  bad: number;
  badRoll: number;
  independentGiven: number;
  owner: number;
  givenOwner: number;
  holes: number;
  nans: number;
  resets: number;
  negatives: number;
}

interface SeriesDraw {
  kind: SeriesInput['kind'];
  counterStart: number;
  shift: number;
}

type Timing = 'regular' | 'jittered' | 'irregular';

interface Scenario {
  role: 'good' | 'bad';
  totalSeries: SeriesDraw[];
  givenSeries: SeriesDraw[];
  independentGiven: boolean;
  /** Percent of the steps that have bad events. */
  errorPercent: number;
  step: number;
  timing: Timing;
  anchor: number;
  leadSteps: number;
  steps: StepDraw[];
  quiet: { from: number; length: number };
  at: { onSample: boolean; position: number };
  objective: Objective;
  alertTiers?: AlertTier[];
  minEvents?: number;
  chartPoints?: number;
}

/** Times near DST changes and period boundaries in the zones below. */
const ANCHORS = [
  Date.UTC(2024, 2, 31, 0, 30), // Berlin DST starts at 01:00Z
  Date.UTC(2024, 9, 27, 0, 0), // Berlin DST ends at 01:00Z
  Date.UTC(2024, 2, 10, 6, 0), // New York DST starts at 07:00Z
  Date.UTC(2024, 10, 3, 5, 0), // New York DST ends at 06:00Z
  Date.UTC(2024, 2, 31, 21, 0), // April (and Q2) starts in Berlin at 22:00Z
  Date.UTC(2024, 5, 30, 18, 0), // Q3 starts in Kolkata at 18:30Z
  Date.UTC(2024, 11, 31, 22, 0), // the year changes in UTC and Berlin
  Date.UTC(2024, 8, 29, 21, 0), // Monday starts in Berlin at 22:00Z
  Date.UTC(2025, 1, 28, 23, 0),
];
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
const ROLLING_WINDOWS = ['1h', '45m', '90m', '1h30m', '2h', '6h', '12h', '1d', '3d', '7d', '30d'];
const CALENDAR_WINDOWS = ['calendar:week', 'calendar:month', 'calendar:quarter'];
const TARGETS = [0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 0.999];

const rareMask = fc.oneof({ arbitrary: fc.constant(0), weight: 12 }, { arbitrary: fc.nat(31), weight: 1 });

const stepDraw: fc.Arbitrary<StepDraw> = fc.record({
  spacing: fc.oneof(
    { arbitrary: fc.nat(999), weight: 20 },
    { arbitrary: fc.integer({ min: 1000, max: 8000 }), weight: 1 }
  ),
  total: fc.oneof(
    { arbitrary: fc.constant(0), weight: 3 },
    { arbitrary: fc.nat(3), weight: 6 },
    { arbitrary: fc.nat(40), weight: 1 }
  ),
  bad: fc.integer({ min: 1, max: 3 }),
  badRoll: fc.nat(99),
  independentGiven: fc.nat(3),
  owner: fc.nat(2),
  givenOwner: fc.nat(1),
  holes: rareMask,
  nans: rareMask,
  resets: rareMask,
  negatives: rareMask,
});

const seriesDraw: fc.Arbitrary<SeriesDraw> = fc.record({
  kind: fc.constantFrom<SeriesInput['kind']>('counter', 'increment'),
  counterStart: fc.nat(1000),
  shift: fc.nat(999),
});

const customTier: fc.Arbitrary<AlertTier> = fc
  .record({
    severity: fc.constantFrom<AlertTier['severity']>('page', 'ticket'),
    // The engine rejects a short window that is not shorter than the long one.
    windows: fc.constantFrom<[string, string]>(
      ['5m', '1m'],
      ['30m', '5m'],
      ['30m', '15m'],
      ['1h', '5m'],
      ['2h', '15m'],
      ['2h', '1h'],
      ['6h', '30m']
    ),
    useFactor: fc.boolean(),
    factor: fc.constantFrom(0.5, 1, 1.7, 2, 3.3, 6, 14.4),
    budgetShare: fc.constantFrom(0.01, 0.02, 0.05, 0.1, 0.3),
  })
  .map(({ useFactor, factor, budgetShare, severity, windows: [longWindow, shortWindow] }) =>
    useFactor ? { severity, longWindow, shortWindow, factor } : { severity, longWindow, shortWindow, budgetShare }
  );

interface ScenarioOptions {
  windows: fc.Arbitrary<{ window: string; timeZone?: string }>;
  methods: BudgetingMethod[];
  customTiers: boolean;
  maxSteps: number;
  /** Long calendar windows have ~100k one-minute slices, which makes the reference slow. */
  sliceWindows?: Array<string | undefined>;
}

const rollingWindows = fc.record({ window: fc.constantFrom(...ROLLING_WINDOWS) });
const calendarWindows = fc.record({
  window: fc.constantFrom(...CALENDAR_WINDOWS),
  timeZone: fc.constantFrom(...ZONES),
});

function scenario(options: ScenarioOptions): fc.Arbitrary<Scenario> {
  const objective: fc.Arbitrary<Objective> = fc
    .record({
      where: options.windows,
      target: fc.constantFrom(...TARGETS),
      budgetingMethod: fc.constantFrom(...options.methods),
      timeSliceWindow: fc.constantFrom(...(options.sliceWindows ?? [undefined, '1m', '5m', '7m', '1h'])),
      timeSliceTarget: fc.constantFrom(undefined, 0.5, 0.8, 0.9, 0.99),
    })
    .map(({ where, budgetingMethod, timeSliceWindow, timeSliceTarget, target }) => {
      const result: Objective = { target, ...where };
      if (budgetingMethod !== 'Occurrences') {
        result.budgetingMethod = budgetingMethod;
        if (timeSliceWindow !== undefined) {
          result.timeSliceWindow = timeSliceWindow;
        }
        if (timeSliceTarget !== undefined) {
          result.timeSliceTarget = timeSliceTarget;
        }
      }
      return result;
    });
  return fc.record({
    role: fc.constantFrom<'good' | 'bad'>('good', 'bad'),
    totalSeries: fc.array(seriesDraw, { minLength: 1, maxLength: 3 }),
    givenSeries: fc.array(seriesDraw, { minLength: 1, maxLength: 2 }),
    independentGiven: fc.oneof(
      { arbitrary: fc.constant(false), weight: 8 },
      { arbitrary: fc.constant(true), weight: 1 }
    ),
    errorPercent: fc.constantFrom(0, 2, 10, 30, 80),
    step: fc.constantFrom(15_000, MINUTE, 5 * MINUTE, 10 * MINUTE, HOUR),
    timing: fc.constantFrom<Timing>('regular', 'jittered', 'irregular'),
    anchor: fc.constantFrom(...ANCHORS),
    leadSteps: fc.nat(options.maxSteps),
    steps: fc.oneof(
      fc.array(stepDraw, { maxLength: 10 }),
      fc.array(stepDraw, { maxLength: options.maxSteps, size: 'max' })
    ),
    quiet: fc.record({ from: fc.nat(options.maxSteps), length: fc.nat(options.maxSteps) }),
    at: fc.record({ onSample: fc.boolean(), position: fc.nat(10_000) }),
    objective,
    alertTiers: options.customTiers
      ? fc.option(fc.array(customTier, { minLength: 1, maxLength: 3 }), { nil: undefined })
      : fc.constant(undefined),
    minEvents: options.customTiers ? fc.option(fc.nat(20), { nil: undefined }) : fc.constant(undefined),
    chartPoints: fc.option(fc.constantFrom(1, 3, 24, 100, 720), { nil: undefined }),
  });
}

/** Turns the drawn traffic into series as a datasource would return them. */
function toInput(draw: Scenario): SloInput {
  const start = draw.anchor - draw.leadSteps * draw.step;
  const baseTimes: number[] = [];
  let time = start;
  draw.steps.forEach((step, k) => {
    if (draw.timing === 'regular') {
      time = start + k * draw.step;
    } else if (draw.timing === 'jittered') {
      time = start + k * draw.step + Math.floor(((step.spacing % 1000) / 2000) * draw.step);
    } else {
      time += k === 0 ? 0 : Math.max(1, Math.floor(((step.spacing + 1) / 400) * draw.step));
    }
    baseTimes.push(time);
  });

  const quiet = (k: number) => k >= draw.quiet.from && k < draw.quiet.from + draw.quiet.length;
  const totalAt = (k: number) => (quiet(k) ? 0 : draw.steps[k].total);
  const givenAt = (k: number): number => {
    const step = draw.steps[k];
    if (draw.independentGiven) {
      return step.independentGiven;
    }
    const bad = step.badRoll < draw.errorPercent ? Math.min(step.bad, totalAt(k)) : 0;
    return draw.role === 'bad' ? bad : totalAt(k) - bad;
  };

  const render = (series: SeriesDraw, bit: number, increments: number[]): SeriesInput => {
    const times: number[] = [];
    const values: number[] = [];
    const shift = draw.timing === 'regular' ? 0 : Math.floor((series.shift / 2000) * draw.step);
    let counter = series.counterStart;
    increments.forEach((increment, k) => {
      const step = draw.steps[k];
      const has = (mask: number) => (mask & (1 << bit)) !== 0;
      counter = has(step.resets) ? increment : counter + increment;
      if (has(step.holes)) {
        return;
      }
      times.push(baseTimes[k] + shift);
      if (has(step.nans)) {
        values.push(NaN);
      } else if (series.kind === 'counter') {
        values.push(counter);
      } else {
        values.push(has(step.negatives) ? -(increment + 1) : increment);
      }
    });
    return { times, values, kind: series.kind };
  };

  const total = draw.totalSeries.map((series, j) =>
    render(
      series,
      j,
      draw.steps.map((step, k) => (step.owner % draw.totalSeries.length === j ? totalAt(k) : 0))
    )
  );
  const given = draw.givenSeries.map((series, j) =>
    render(
      series,
      3 + j,
      draw.steps.map((step, k) => (step.givenOwner % draw.givenSeries.length === j ? givenAt(k) : 0))
    )
  );

  const last = baseTimes.length > 0 ? baseTimes[baseTimes.length - 1] : start;
  const at =
    draw.at.onSample && baseTimes.length > 0
      ? baseTimes[draw.at.position % baseTimes.length]
      : start - draw.step + Math.floor((draw.at.position / 10_000) * (last - start + 3 * draw.step));

  const input: SloInput = { total, objective: draw.objective, at };
  if (draw.role === 'good') {
    input.good = given;
  } else {
    input.bad = given;
  }
  if (draw.alertTiers !== undefined) {
    input.alertTiers = draw.alertTiers;
  }
  if (draw.minEvents !== undefined) {
    input.minEvents = draw.minEvents;
  }
  if (draw.chartPoints !== undefined) {
    input.chartPoints = draw.chartPoints;
  }
  return input;
}

// ---- Comparison ----

type Json = number | string | boolean | null | undefined | Json[] | { [key: string]: Json };

function close(engine: number, reference: number): boolean {
  return Math.abs(engine - reference) <= 1e-9 * Math.max(Math.abs(engine), Math.abs(reference)) + 1e-9;
}

/** Collects the paths where two results differ (numbers with a tolerance, null-ness exactly). */
function differences(engine: Json, reference: Json, path: string, found: string[]): void {
  if (found.length >= 12) {
    return;
  }
  if (typeof engine === 'number' && typeof reference === 'number') {
    if (!close(engine, reference)) {
      found.push(`${path}: engine ${engine}, reference ${reference}`);
    }
    return;
  }
  if (Array.isArray(engine) && Array.isArray(reference)) {
    if (engine.length !== reference.length) {
      const shown = (items: Json[]) => JSON.stringify(items).slice(0, 400);
      found.push(`${path}: engine ${shown(engine)}, reference ${shown(reference)}`);
      return;
    }
    engine.forEach((item, i) => differences(item, reference[i], `${path}[${i}]`, found));
    return;
  }
  if (isRecord(engine) && isRecord(reference)) {
    const keys = new Set([...Object.keys(engine), ...Object.keys(reference)]);
    for (const key of keys) {
      if (!(key in engine) || !(key in reference)) {
        found.push(`${path}.${key}: only in ${key in engine ? 'engine' : 'reference'}`);
      } else {
        differences(engine[key], reference[key], `${path}.${key}`, found);
      }
    }
    return;
  }
  if (engine !== reference) {
    found.push(`${path}: engine ${JSON.stringify(engine)}, reference ${JSON.stringify(reference)}`);
  }
}

function isRecord(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain-data copy, with data problems in a fixed order (the contract gives none). */
function comparable(result: SloEvaluation): Json {
  const order = (problem: DataProblem) => JSON.stringify(problem);
  const sorted = [...result.dataProblems].sort((x, y) => (order(x) < order(y) ? -1 : 1));
  const copy: Json = JSON.parse(JSON.stringify({ ...result, dataProblems: sorted }));
  return copy;
}

function nonFinitePaths(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      found.push(`${path} = ${value}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nonFinitePaths(item, `${path}[${i}]`, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      nonFinitePaths(item, `${path}.${key}`, found);
    }
  }
}

function agreeWithReference(draw: Scenario): void {
  inputAgreesWithReference(toInput(draw));
}

function inputAgreesWithReference(input: SloInput): void {
  const engine = evaluateSlo(input);
  const grid = { resolution: engine.resolution, chartTimes: engine.series.times, chartStep: engine.series.step };
  const reference = referenceEvaluate(input, grid);
  const found: string[] = [];
  differences(comparable(engine), comparable(reference), 'result', found);
  if (found.length > 0) {
    throw new Error(`engine and reference differ:\n  ${found.join('\n  ')}`);
  }
}

const PROPERTY_TIMEOUT = 120_000;

describe('evaluateSlo agrees with the naive reference', () => {
  it(
    'on rolling windows (Occurrences), default tiers',
    () => {
      const draws = scenario({ windows: rollingWindows, methods: ['Occurrences'], customTiers: false, maxSteps: 200 });
      fc.assert(fc.property(draws, agreeWithReference), { seed: SEED, numRuns: runs(200), ...BOUNDED });
    },
    PROPERTY_TIMEOUT
  );

  it(
    'with custom tiers, minEvents and chart points',
    () => {
      const draws = scenario({ windows: rollingWindows, methods: ['Occurrences'], customTiers: true, maxSteps: 200 });
      fc.assert(fc.property(draws, agreeWithReference), { seed: SEED + 1, numRuns: runs(200), ...BOUNDED });
    },
    PROPERTY_TIMEOUT
  );

  it(
    'on calendar windows in several time zones, across DST changes',
    () => {
      const draws = scenario({
        windows: calendarWindows,
        methods: ['Occurrences', 'Timeslices', 'RatioTimeslices'],
        customTiers: true,
        maxSteps: 120,
        sliceWindows: ['7m', '1h'],
      });
      fc.assert(fc.property(draws, agreeWithReference), { seed: SEED + 2, numRuns: runs(60), ...BOUNDED });
    },
    PROPERTY_TIMEOUT
  );

  it(
    'with the timeslice budgeting methods',
    () => {
      const draws = scenario({
        windows: fc.record({ window: fc.constantFrom('1h', '90m', '2h', '6h', '1d') }),
        methods: ['Timeslices', 'RatioTimeslices'],
        customTiers: true,
        maxSteps: 200,
      });
      fc.assert(fc.property(draws, agreeWithReference), { seed: SEED + 3, numRuns: runs(200), ...BOUNDED });
    },
    PROPERTY_TIMEOUT
  );
});

/** The smallest counterexamples the properties found, kept as plain examples. */
describe('evaluateSlo agrees with the reference on found counterexamples', () => {
  const T = Date.UTC(2024, 0, 1, 12);
  const counter = (seconds: number[]): SeriesInput => ({
    times: seconds.map((second) => T + second * 1000),
    values: seconds.map(() => 0),
    kind: 'counter',
  });

  it('ignores covered spans after at when there are several total series', () => {
    // Steps 60, 60, 180, 60, 60 s: the 180 s gap is not covered, and `at` lies inside it, so only
    // (T, T + 120 s] counts; the spans after `at` must add nothing.
    const samples = [0, 60, 120, 300, 360, 420];
    const total = [counter(samples), counter(samples)];
    inputAgreesWithReference({ total, good: total, objective: { target: 0.99, window: '1h' }, at: T + 200_000 });
  });

  it('reports a slice whose good events exceed a total of zero', () => {
    const total: SeriesInput[] = [{ times: [T], values: [0], kind: 'counter' }];
    const good: SeriesInput[] = [{ times: [T], values: [1], kind: 'increment' }];
    inputAgreesWithReference({
      total,
      good,
      objective: { target: 0.5, window: '1h', budgetingMethod: 'Timeslices' },
      at: T,
    });
  });
});

describe('evaluateSlo invariants', () => {
  const anyWindow = fc.oneof(rollingWindows, calendarWindows);
  const draws = scenario({
    windows: anyWindow,
    methods: ['Occurrences', 'Timeslices', 'RatioTimeslices'],
    customTiers: true,
    maxSteps: 150,
  });

  it(
    'chooses the resolution and the chart grid by the formulas in docs/engine.md',
    () => {
      fc.assert(
        fc.property(draws, (draw) => {
          const input = toInput(draw);
          const engine = evaluateSlo(input);
          const expected = referenceGrid(input);
          expect({ resolution: engine.resolution, step: engine.series.step, times: engine.series.times }).toEqual({
            resolution: expected.resolution,
            step: expected.chartStep,
            times: expected.chartTimes,
          });
        }),
        { seed: SEED + 4, numRuns: runs(100), ...BOUNDED }
      );
    },
    PROPERTY_TIMEOUT
  );

  it(
    'returns only finite numbers, an sli in [0, 1] and remaining = 1 - consumed',
    () => {
      fc.assert(
        fc.property(draws, (draw) => {
          const result = evaluateSlo(toInput(draw));
          const nonFinite: string[] = [];
          nonFinitePaths(result, 'result', nonFinite);
          expect(nonFinite).toEqual([]);
          for (const sli of [result.sli, ...result.series.sli]) {
            if (sli !== null) {
              expect(sli).toBeGreaterThanOrEqual(0);
              expect(sli).toBeLessThanOrEqual(1);
            }
          }
          const { consumed, remaining } = result.errorBudget;
          expect(consumed === null).toBe(remaining === null);
          if (consumed !== null && remaining !== null) {
            expect(close(remaining, 1 - consumed)).toBe(true);
          }
          expect(result.coverage).toBeGreaterThanOrEqual(0);
          expect(result.coverage).toBeLessThanOrEqual(1);
        }),
        { seed: SEED + 5, numRuns: runs(100), ...BOUNDED }
      );
    },
    PROPERTY_TIMEOUT
  );
});
