/**
 * The demo traffic carried on past the backfill, for a live `/metrics` (live.ts). Each series starts
 * at the generator's last value (the backfill's end) and gains, minute by minute, events drawn from
 * the same model (load shape, instance weights, error and latency shares) with a seeded stream. The
 * value at a time is therefore a function of that time alone: a restarted exposition continues the
 * same counters, and Prometheus never sees a reset or a jump.
 */
import {
  FAMILIES,
  instanceModels,
  type InstanceModel,
  MINUTE,
  serviceLoad,
  SHARES,
  type Traffic,
  type TrafficSeries,
} from './generate';
import { formatLabels } from './openmetrics';
import { Random } from './random';

const { floor, min, round } = Math;

export interface LiveSample {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

interface LiveInstance {
  model: InstanceModel;
  random: Random;
  /** The instance's series, in the generator's order: codes, then buckets, _count, _sum. */
  series: TrafficSeries[];
}

interface Cursor {
  /** Grid time the values hold at. */
  time: number;
  values: Float64Array;
  /** Events in the minute after `time`, drawn ahead so a time inside the minute can interpolate. */
  next: Float64Array;
}

export interface LiveTraffic {
  /** When the generated data ends: values at or before it are the generator's last values. */
  readonly start: number;
  samples(time: number): LiveSample[];
  /** Prometheus text exposition (0.0.4) of the values at a time. */
  exposition(time: number): string;
}

function quantize(seconds: number): number {
  return round(seconds * SHARES.sumQuantum) / SHARES.sumQuantum;
}

/** Events of every series of one instance in the minute ending at `time`. */
function drawMinute(instance: LiveInstance, time: number, into: Float64Array, offset: number): void {
  const { model, random, series } = instance;
  const load = serviceLoad(model.service, time - MINUTE / 2);
  const requests = random.poisson(model.peakRps * load * model.weight * 60);
  const bad = random.binomial(requests, model.baseErrorRatio);
  const code500 = random.binomial(bad, SHARES.serverError500);
  const notFound = random.binomial(requests - bad, SHARES.notFound);
  const byCode: Record<string, number> = {
    '200': requests - bad - notFound,
    '404': notFound,
    '500': code500,
    '503': bad - code500,
  };
  let remaining = requests;
  let below = 0;
  let cumulative = 0;
  let seconds = 0;
  const busy = min(1, load);
  let bucket = 0;
  series.forEach((one, j) => {
    if (one.labels.code !== undefined) {
      into[offset + j] = byCode[one.labels.code] ?? 0;
    } else if (one.labels.le !== undefined) {
      const last = one.labels.le === '+Inf';
      const quiet = SHARES.latencyQuiet[bucket] ?? 1;
      const cdf = last ? 1 : quiet + ((SHARES.latencyBusy[bucket] ?? 1) - quiet) * busy;
      const inBucket = last ? remaining : random.binomial(remaining, (cdf - below) / (1 - below));
      remaining -= inBucket;
      below = cdf;
      cumulative += inBucket;
      seconds += inBucket * SHARES.bucketMeanSeconds[bucket];
      into[offset + j] = cumulative;
      bucket++;
    } else if (one.name.endsWith('_count')) {
      into[offset + j] = requests;
    } else {
      into[offset + j] = quantize(seconds * (0.9 + 0.2 * random.next()));
    }
  });
}

/** The live counters of a generated data set (typically loadTraffic of the backfill). */
export function liveTraffic(traffic: Traffic): LiveTraffic {
  const start = traffic.index.end;
  const last = traffic.times.length - 1;
  const models = instanceModels(traffic.index.seed);
  const ordered: TrafficSeries[] = [];
  const instances: LiveInstance[] = models.map((model) => {
    const series = traffic.series.filter((one) => one.instance === model.instance);
    ordered.push(...series);
    return { model, random: new Random(traffic.index.seed, `live/${model.instance}`), series };
  });
  const width = ordered.length;
  const initial = Float64Array.from(ordered, (one) => one.values[last]);

  const fresh = (): Cursor => {
    instances.forEach(
      (instance) => (instance.random = new Random(traffic.index.seed, `live/${instance.model.instance}`))
    );
    const cursor = { time: start, values: initial.slice(), next: new Float64Array(width) };
    drawAll(cursor.next, start + MINUTE);
    return cursor;
  };
  const drawAll = (into: Float64Array, time: number) => {
    let offset = 0;
    for (const instance of instances) {
      drawMinute(instance, time, into, offset);
      offset += instance.series.length;
    }
  };
  let cursor = fresh();

  const samples = (time: number): LiveSample[] => {
    const at = Math.max(time, start);
    if (at < cursor.time) {
      cursor = fresh(); // an earlier time than asked before: replay from the start
    }
    while (cursor.time + MINUTE <= at) {
      for (let i = 0; i < width; i++) {
        cursor.values[i] += cursor.next[i];
      }
      cursor.time += MINUTE;
      drawAll(cursor.next, cursor.time + MINUTE);
    }
    // Inside a minute the counters take their share of that minute's events, rounded down, so
    // they never decrease and buckets stay cumulative.
    const share = (at - cursor.time) / MINUTE;
    return ordered.map((one, i) => {
      const events = cursor.next[i] * share;
      const gained = one.name.endsWith('_sum') ? floor(events * SHARES.sumQuantum) / SHARES.sumQuantum : floor(events);
      return { name: one.name, labels: one.labels, value: cursor.values[i] + gained };
    });
  };

  const exposition = (time: number): string => {
    const all = samples(time);
    const lines: string[] = [];
    for (const family of FAMILIES) {
      const names: readonly string[] = family.samples;
      const members = all.filter((sample) => names.includes(sample.name));
      if (members.length === 0) {
        continue;
      }
      // The text format names a counter by its sample (…_total); OpenMetrics names the family without it.
      const name = family.type === 'counter' ? family.samples[0] : family.name;
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
      for (const sample of members) {
        lines.push(`${sample.name}${formatLabels(sample.labels)} ${sample.value}`);
      }
    }
    return `${lines.join('\n')}\n`;
  };

  return { start, samples, exposition };
}
