/**
 * How close the recorded long windows come to the truth. Backfills demo traffic, has promtool
 * evaluate the generated recording rules over it (`promtool tsdb create-blocks-from rules`, stage
 * by stage, because a backfilled rule cannot read rules backfilled in the same run), then compares
 * the recorded error ratios and event counts with the generator's exact counts and with raw
 * `increase(...[w])` queries at the same instants.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { RECORDED, ruleGroupsYaml, sloRecordingRules, type RecordingRule, type RuleGroup } from '../src/prometheus';
import { selector } from '../src/prometheus/promql';
import { defaultAlerting, defaultObjective } from '../src/spec/defaults';
import type { SloSpec } from '../src/spec/types';
import { backfill, promtoolBinary, tsdbPathOf } from './traffic/backfill';
import { eventCounts, latencyCounts, METRICS, MINUTE, type Traffic } from './traffic/generate';
import { startPrometheus, type RunningPrometheus } from './traffic/prometheus';
import { prometheusQuery } from './traffic/verify';

/** A demo SLO and how to count its events exactly. */
export interface AccuracySlo {
  slo: SloSpec;
  truth: (traffic: Traffic, from: number, to: number) => { bad: number; total: number };
}

function demoSlo(uid: string, service: string, window: string, source: SloSpec['sli']['source']): SloSpec {
  return {
    uid,
    name: uid,
    description: '',
    service,
    team: '',
    labels: {},
    runbookUrl: '',
    folderUid: '',
    sli: {
      datasource: { uid: 'prometheus', type: 'prometheus' },
      eventKind: source.kind === 'prometheusLatency' ? 'good' : 'bad',
      valueKind: 'counter',
      source,
    },
    objective: { ...defaultObjective(), window },
    alerting: defaultAlerting(),
  };
}

/** Availability of every demo service (bad = 5xx) and checkout latency (good = at most 1 s). */
export function demoSlos(window: string): AccuracySlo[] {
  const services = ['checkout', 'search', 'payments', 'admin'];
  const availability = services.map((service) => ({
    slo: demoSlo(`${service}-availability`, service, window, {
      kind: 'prometheusRatio',
      metric: METRICS.requests,
      matchers: [{ name: 'service', op: '=', value: service }],
      eventMatchers: [{ name: 'code', op: '=~', value: '5..' }],
      groupBy: [],
    }),
    truth: (traffic: Traffic, from: number, to: number) => eventCounts(traffic, service, from, to),
  }));
  const latency: AccuracySlo = {
    slo: demoSlo('checkout-latency', 'checkout', window, {
      kind: 'prometheusLatency',
      metric: 'nines_demo_http_request_duration_seconds',
      matchers: [{ name: 'service', op: '=', value: 'checkout' }],
      thresholdLe: '1',
    }),
    truth: (traffic, from, to) => {
      const { fast, total } = latencyCounts(traffic, 'checkout', '1', from, to);
      return { bad: total - fast, total };
    },
  };
  return [...availability, latency];
}

function recordingRules(slo: SloSpec): RuleGroup[] {
  const result = sloRecordingRules(slo);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.groups;
}

interface StagedRule {
  group: RuleGroup;
  rule: RecordingRule;
  /** Whether another rule reads a range of this one (so it must exist before the compared times). */
  readAsRange: boolean;
}

const RECORDED_SELECTOR = /(nines:[a-z_]+:[a-z_]+)\{nines_slo="([^"]+)",window="([^"]+)"\}(\[)?/g;

function outputKey(rule: RecordingRule): string {
  return `${rule.record}|${rule.labels.nines_slo}|${rule.labels.window ?? ''}`;
}

function inputsOf(rule: RecordingRule): Array<{ key: string; range: boolean }> {
  return [...rule.expr.matchAll(RECORDED_SELECTOR)].map(([, record, uid, window, range]) => ({
    key: `${record}|${uid}|${window}`,
    range: range === '[',
  }));
}

/**
 * The rules that the compared windows need, in evaluation stages: a rule's stage is one more than
 * the latest stage of the recorded series it reads (rules of raw series are stage 0).
 */
export function stages(groups: RuleGroup[], windows: readonly string[]): StagedRule[][] {
  const all = groups.flatMap((group) => group.rules.flatMap((rule) => ('record' in rule ? [{ group, rule }] : [])));
  const byKey = new Map(all.map((entry) => [outputKey(entry.rule), entry]));
  const needed = new Set<string>();
  const rangeRead = new Set<string>();
  const visit = (key: string) => {
    const entry = byKey.get(key);
    if (!entry) {
      throw new Error(`stages: no rule records ${key}`);
    }
    if (needed.has(key)) {
      return;
    }
    needed.add(key);
    for (const input of inputsOf(entry.rule)) {
      if (input.range) {
        rangeRead.add(input.key);
      }
      visit(input.key);
    }
  };
  for (const { rule } of all) {
    if (
      (rule.record === RECORDED.errorRatio || rule.record === RECORDED.total) &&
      windows.includes(rule.labels.window)
    ) {
      visit(outputKey(rule));
    }
  }
  const stageOf = new Map<string, number>();
  const staged: StagedRule[][] = [];
  for (const { group, rule } of all) {
    const key = outputKey(rule);
    if (!needed.has(key)) {
      continue;
    }
    const stage = Math.max(-1, ...inputsOf(rule).map((input) => stageOf.get(input.key) ?? NaN)) + 1;
    stageOf.set(key, stage);
    (staged[stage] ??= []).push({ group, rule, readAsRange: rangeRead.has(key) });
  }
  return staged;
}

function run(binary: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise(output) : reject(new Error(`${binary} ${args.join(' ')}: exit ${code}\n${output}`))
    );
  });
}

function groupsOf(rules: StagedRule[]): RuleGroup[] {
  const groups = new Map<RuleGroup, RecordingRule[]>();
  for (const { group, rule } of rules) {
    groups.set(group, [...(groups.get(group) ?? []), rule]);
  }
  return [...groups].map(([group, kept]) => ({ ...group, rules: kept }));
}

function seconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}

export interface AccuracyOptions {
  dataDir: string;
  days: number;
  end: number;
  seed?: number;
  /** The SLO window of the demo SLOs, e.g. '30d' (the longest window compared). */
  sloWindow: string;
  /** Windows to compare, e.g. ['1d', '3d', '30d']. */
  windows: string[];
  /** The uids of the demo SLOs to compare (default all; see demoSlos). */
  slos?: string[];
  /** The recording rules of an SLO; default sloRecordingRules (other rules: for experiments). */
  rules?: (slo: SloSpec) => RuleGroup[];
  /** Compare every `checkEvery` ms over the last `checkSpan` ms of the data. */
  checkEvery: number;
  checkSpan: number;
  log?: (line: string) => void;
}

export interface Comparison {
  slo: string;
  window: string;
  /** The recorded sample's own time. */
  time: number;
  truth: { bad: number; total: number };
  recorded: { ratio: number; total: number };
  raw: { ratio: number; total: number };
}

async function instant(url: string, query: string, time: number): Promise<Array<{ value: number }>> {
  const result = await prometheusQuery(url, '/api/v1/query', { query, time: String(time / 1000) });
  return result.map((item) => ({ value: Number(item.value?.[1]) }));
}

async function one(url: string, query: string, time: number): Promise<number> {
  const values = await instant(url, query, time);
  if (values.length !== 1) {
    throw new Error(`${query} at ${new Date(time).toISOString()}: ${values.length} series, expected 1`);
  }
  return values[0].value;
}

/** Backfills, records the rules stage by stage and compares; stops Prometheus before returning. */
export async function measureRecordingAccuracy(options: AccuracyOptions): Promise<Comparison[]> {
  const log = options.log ?? (() => undefined);
  const { traffic } = await backfill({
    dataDir: options.dataDir,
    days: options.days,
    end: options.end,
    seed: options.seed,
    log,
  });
  const { start, end } = traffic.index;
  const slos = demoSlos(options.sloWindow).filter(({ slo }) => !options.slos || options.slos.includes(slo.uid));
  const groups = slos.flatMap(({ slo }) => (options.rules ?? recordingRules)(slo));
  const tsdb = tsdbPathOf(options.dataDir);
  const out = join(options.dataDir, 'rule-blocks');
  const checkFrom = end - options.checkSpan;
  // Before that, a window would reach back past the data (and its 1h smoothing with it).
  const earliest = start + Math.max(...options.windows.map(windowMs)) + 2 * 60 * MINUTE;
  if (checkFrom < earliest) {
    throw new Error(`checkSpan: the first comparison must be at or after ${new Date(earliest).toISOString()}`);
  }
  let prometheus: RunningPrometheus = await startPrometheus({ dataDir: options.dataDir, port: 0 });
  try {
    for (const [index, rules] of stages(groups, options.windows).entries()) {
      // Series that others read over a range are needed over all the data; the rest only where compared.
      for (const full of [true, false]) {
        const stageGroups = groupsOf(rules.filter((entry) => entry.readAsRange === full));
        if (stageGroups.length === 0) {
          continue;
        }
        // One path for every stage: a group's evaluation offset hashes its name and file, and the
        // rules of one group must keep one offset, as they have in Prometheus.
        const file = join(options.dataDir, 'rules.yml');
        writeFileSync(file, ruleGroupsYaml(stageGroups));
        rmSync(out, { recursive: true, force: true });
        mkdirSync(out, { recursive: true });
        // promtool may leave out the first hours of a range (it works in 2h blocks): start early.
        const from = full ? start + 5 * MINUTE : checkFrom - 4 * 60 * MINUTE;
        const began = Date.now();
        await run(promtoolBinary(), [
          'tsdb',
          'create-blocks-from',
          'rules',
          '--quiet',
          `--url=${prometheus.url}`,
          `--start=${seconds(from)}`,
          `--end=${seconds(end)}`,
          `--output-dir=${out}`,
          file,
        ]);
        const count = stageGroups.reduce((total, group) => total + group.rules.length, 0);
        log(
          `stage ${index}: ${count} rules ${full ? 'over all the data' : 'where compared'} in ${seconds(Date.now() - began)} s`
        );
        // The next stage reads these series: hand the blocks to Prometheus, which loads them on start.
        await prometheus.stop();
        for (const entry of readdirSync(out)) {
          if (existsSync(join(out, entry, 'meta.json'))) {
            renameSync(join(out, entry), join(tsdb, entry));
          }
        }
        prometheus = await startPrometheus({ dataDir: options.dataDir, port: 0 });
      }
    }
    return await compare(prometheus.url, traffic, slos, options, checkFrom);
  } finally {
    await prometheus.stop();
  }
}

async function compare(
  url: string,
  traffic: Traffic,
  slos: AccuracySlo[],
  options: AccuracyOptions,
  checkFrom: number
): Promise<Comparison[]> {
  const comparisons: Comparison[] = [];
  for (let at = checkFrom; at <= traffic.index.end; at += options.checkEvery) {
    for (const { slo, truth } of slos) {
      for (const window of options.windows) {
        const ratioSeries = selector(RECORDED.errorRatio, [
          { name: 'nines_slo', op: '=', value: slo.uid },
          { name: 'window', op: '=', value: window },
        ]);
        const totalSeries = selector(RECORDED.total, [
          { name: 'nines_slo', op: '=', value: slo.uid },
          { name: 'window', op: '=', value: window },
        ]);
        // The rules were evaluated at their group's own offset: compare at the sample's time.
        const time = (await one(url, `timestamp(${ratioSeries})`, at)) * 1000;
        const minuteEnd = Math.floor(time / MINUTE) * MINUTE;
        const length = windowMs(window);
        const exact = truth(traffic, Math.max(traffic.index.start, minuteEnd - length), minuteEnd);
        const rawTotalQuery = rawIncrease(slo, 'total', window);
        const rawBadQuery = rawIncrease(slo, 'bad', window);
        const rawTotal = await one(url, rawTotalQuery, time);
        const rawBad = await one(url, rawBadQuery, time);
        comparisons.push({
          slo: slo.uid,
          window,
          time,
          truth: exact,
          recorded: { ratio: await one(url, ratioSeries, time), total: await one(url, totalSeries, time) },
          raw: { ratio: rawBad / rawTotal, total: rawTotal },
        });
      }
    }
  }
  return comparisons;
}

function windowMs(window: string): number {
  const match = /^(\d+)([mhd])$/.exec(window);
  if (!match) {
    throw new Error(`window ${window}: expected a number of m, h or d`);
  }
  return Number(match[1]) * { m: MINUTE, h: 60 * MINUTE, d: 1440 * MINUTE }[match[2] as 'm' | 'h' | 'd'];
}

/** The raw increase over the whole window, as one would query without recording rules. */
function rawIncrease(slo: SloSpec, which: 'bad' | 'total', window: string): string {
  const source = slo.sli.source;
  if (source.kind === 'raw' || source.kind === 'prometheusThreshold') {
    throw new Error('rawIncrease: a ratio or latency SLO');
  }
  if (source.kind === 'prometheusRatio') {
    const matchers = which === 'total' ? source.matchers : [...source.matchers, ...source.eventMatchers];
    return `sum(increase(${selector(source.metric, matchers)}[${window}]))`;
  }
  const count = `sum(increase(${selector(`${source.metric}_count`, source.matchers)}[${window}]))`;
  const fast = `sum(increase(${selector(`${source.metric}_bucket`, [...source.matchers, { name: 'le', op: '=', value: source.thresholdLe }])}[${window}]))`;
  return which === 'total' ? count : `${count} - ${fast}`;
}

export interface ErrorSummary {
  window: string;
  samples: number;
  /** |measured − truth| / truth of the error ratio, where the truth has bad events. */
  ratio: { median: number; max: number };
  rawRatio: { median: number; max: number };
  /** |measured − truth| of the error ratio over the error budget (0.1%): error in burn-rate units. */
  burnRate: { median: number; max: number };
  rawBurnRate: { median: number; max: number };
  /** |measured − truth| / truth of the event count. */
  total: { median: number; max: number };
  rawTotal: { median: number; max: number };
}

function stats(values: number[]): { median: number; max: number } {
  if (values.length === 0) {
    return { median: NaN, max: NaN };
  }
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], max: sorted[sorted.length - 1] };
}

/** Median and maximum errors per window, over every SLO and time compared. */
export function summarize(comparisons: Comparison[], budget = 0.001): ErrorSummary[] {
  const windows = [...new Set(comparisons.map((comparison) => comparison.window))];
  return windows.map((window) => {
    const mine = comparisons.filter((comparison) => comparison.window === window);
    const withBad = mine.filter((comparison) => comparison.truth.bad > 0);
    const truthRatio = (comparison: Comparison) => comparison.truth.bad / comparison.truth.total;
    const relative = (measured: number, truth: number) => Math.abs(measured - truth) / truth;
    return {
      window,
      samples: mine.length,
      ratio: stats(withBad.map((c) => relative(c.recorded.ratio, truthRatio(c)))),
      rawRatio: stats(withBad.map((c) => relative(c.raw.ratio, truthRatio(c)))),
      burnRate: stats(mine.map((c) => Math.abs(c.recorded.ratio - truthRatio(c)) / budget)),
      rawBurnRate: stats(mine.map((c) => Math.abs(c.raw.ratio - truthRatio(c)) / budget)),
      total: stats(mine.map((c) => relative(c.recorded.total, c.truth.total))),
      rawTotal: stats(mine.map((c) => relative(c.raw.total, c.truth.total))),
    };
  });
}
