/**
 * Seeded demo traffic for Nines: Prometheus-style counters sampled every minute, together with the
 * exact ground truth they were sampled from. Pure and deterministic: the same { seed, end, days }
 * gives the same data on every machine, so tools regenerate the truth from traffic.json instead of
 * storing it.
 *
 * Grid: times[k] = start + k minutes, k = 0..days*1440, with start = end - days. The counters exist
 * before `start` (processes were already up); increments[k] counts the events in
 * (times[k-1], times[k]], and increments[0] is 0 because nothing before `start` is part of the data.
 */
import { Random } from './random';

/** Module-level aliases: inside jest's vm context every lookup of the global `Math` is ~30x slower. */
const { PI, abs, cos, exp, floor, max, min, pow, round } = Math;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Scrape interval of every target. */
export const STEP = MINUTE;
export const DEFAULT_SEED = 999;

export const METRICS = {
  requests: 'nines_demo_http_requests_total',
  durationBucket: 'nines_demo_http_request_duration_seconds_bucket',
  durationCount: 'nines_demo_http_request_duration_seconds_count',
  durationSum: 'nines_demo_http_request_duration_seconds_sum',
} as const;

/** OpenMetrics families, in the order they are written; `samples` are the names their lines carry. */
export const FAMILIES = [
  {
    name: 'nines_demo_http_requests',
    type: 'counter',
    help: 'HTTP requests served, by status code.',
    samples: [METRICS.requests],
  },
  {
    name: 'nines_demo_http_request_duration_seconds',
    type: 'histogram',
    help: 'HTTP request latency.',
    samples: [METRICS.durationBucket, METRICS.durationCount, METRICS.durationSum],
  },
] as const;

export const CODES = ['200', '404', '500', '503'] as const;
/** `le` labels as Prometheus' Go client writes them (so "1", not "1.0"). */
export const LATENCY_BUCKETS = ['0.05', '0.1', '0.25', '0.5', '1', '2.5', '+Inf'] as const;

/** The SLO's good events: every response that is not a server error. */
export function isGoodCode(code: string): boolean {
  return !code.startsWith('5');
}

export type IncidentKind = 'fast-burn' | 'slow-burn' | 'outage';

export interface Incident {
  service: string;
  kind: IncidentKind;
  /** The incident covers the scrape intervals in (start, end]. */
  start: number;
  end: number;
  /** Fraction of requests answered with a 5xx during the incident. */
  errorRatio: number;
  /** Whether requests are also slow (the latency histogram shows it). */
  slow: boolean;
  description: string;
}

/** A process restart: the sample at `time` counts from 0 (the restart happened in the minute before). */
export interface Restart {
  service: string;
  instance: string;
  time: number;
}

/** A target that was not scraped: no samples at the grid times in [start, end]; requests still happened. */
export interface ScrapeGap {
  service: string;
  instance: string;
  start: number;
  end: number;
}

export interface ServiceInfo {
  name: string;
  instances: string[];
  /** Requests per second over all instances at the daily peak of a weekday. */
  peakRps: number;
  /** 5xx ratio outside incidents. */
  baseErrorRatio: number;
  /** Whether the latency histogram exists for this service. */
  histogram: boolean;
  description: string;
}

/** What a data set holds: written to traffic.json, and enough to regenerate it (seed, end, days). */
export interface TrafficIndex {
  seed: number;
  days: number;
  start: number;
  end: number;
  startIso: string;
  endIso: string;
  /** Milliseconds between samples. */
  step: number;
  metrics: typeof METRICS;
  codes: readonly string[];
  /** PromQL label matcher that selects the bad events of the SLO (good = the rest). */
  badMatcher: string;
  latencyBuckets: readonly string[];
  services: ServiceInfo[];
  incidents: Incident[];
  restarts: Restart[];
  gaps: ScrapeGap[];
}

export interface TrafficSeries {
  /** Sample name, e.g. nines_demo_http_requests_total. */
  name: string;
  /** Labels without __name__, in the order they are written. */
  labels: Readonly<Record<string, string>>;
  service: string;
  instance: string;
  /** Counter value at every grid time, also where the target was not scraped. */
  values: Float64Array;
  /** increments[k]: events in (times[k-1], times[k]]; increments[0] = 0. */
  increments: Float64Array;
  /** 1 where a sample exists; shared by all series of one target. */
  scraped: Uint8Array;
}

export interface Traffic {
  index: TrafficIndex;
  times: Float64Array;
  series: TrafficSeries[];
}

export interface TrafficOptions {
  seed: number;
  /** Time of the last sample, in ms, on a whole minute. */
  end: number;
  days: number;
}

type HoursPattern = 'consumer' | 'office';

interface ServiceProfile {
  name: string;
  instances: number;
  peakRps: number;
  baseErrorRatio: number;
  hours: HoursPattern;
  histogram: boolean;
  description: string;
}

const PROFILES: readonly ServiceProfile[] = [
  {
    name: 'checkout',
    instances: 2,
    peakRps: 50,
    baseErrorRatio: 0.0003,
    hours: 'consumer',
    histogram: true,
    description: 'Shop checkout; a fast-burn incident (15% errors, slow responses, 40 min) in the last 2 days.',
  },
  {
    name: 'search',
    instances: 2,
    peakRps: 30,
    baseErrorRatio: 0.0002,
    hours: 'consumer',
    histogram: false,
    description: 'Product search; a slow burn (0.6% errors for 2 days) within the last 5 days.',
  },
  {
    name: 'payments',
    instances: 2,
    peakRps: 10,
    baseErrorRatio: 0.0003,
    hours: 'consumer',
    histogram: false,
    description: 'Payment API; a total outage (every request fails, 8 min) about 10 days ago, then a rollback.',
  },
  {
    name: 'admin',
    instances: 1,
    peakRps: 0.8,
    baseErrorRatio: 0.0004,
    hours: 'office',
    histogram: false,
    description: 'Back-office admin; low traffic (under 1 request/s, often none in a minute at night).',
  },
];

/** Share of 404s among the good responses. */
const NOT_FOUND_RATIO = 0.01;
/** Cumulative share of requests at or below each finite `le`, for quiet and busy hours and incidents. */
const LATENCY_CDF_QUIET = [0.55, 0.84, 0.97, 0.995, 0.999, 0.9998];
const LATENCY_CDF_BUSY = [0.48, 0.78, 0.955, 0.992, 0.998, 0.9996];
const LATENCY_CDF_INCIDENT = [0.08, 0.18, 0.38, 0.58, 0.78, 0.92];
/** Mean latency of a request inside each bucket (the last one is above 2.5 s). */
const BUCKET_MEAN_SECONDS = [0.03, 0.072, 0.16, 0.35, 0.7, 1.6, 4];
/** _sum is kept on multiples of 2^-10 s: such values and their differences are exact in float64. */
const SUM_QUANTUM = 1024;
/** Restarts of one instance are at least this far apart, so counters are large before each reset. */
const RESTART_SPACING = 6 * HOUR;

function checkOptions({ seed, end, days }: TrafficOptions): number {
  if (!Number.isInteger(seed)) {
    throw new Error(`seed: must be an integer, got ${seed}`);
  }
  if (!Number.isFinite(end) || end % MINUTE !== 0) {
    throw new Error(`end: must be a time in ms on a whole minute, got ${end}`);
  }
  const minutes = days * 1440;
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new Error(`days: must be a positive number of whole minutes, got ${days}`);
  }
  return minutes;
}

function hourOfDay(time: number): number {
  return (((time % DAY) + DAY) % DAY) / HOUR;
}

/** 0 = Sunday (1970-01-01 was a Thursday). */
function dayOfWeek(time: number): number {
  return (((floor(time / DAY) + 4) % 7) + 7) % 7;
}

/** Load relative to the weekday peak, in (0, 1], from the UTC time of day and day of week. */
function loadShape(hours: HoursPattern, time: number): number {
  const hour = hourOfDay(time);
  const weekday = dayOfWeek(time);
  if (hours === 'office') {
    // Working hours around 13:00; almost nothing at night and on weekends.
    const bump = pow((1 - cos((2 * PI * (hour - 1)) / 24)) / 2, 6);
    const week = weekday === 0 || weekday === 6 ? 0.1 : 1;
    return (0.02 + 0.98 * bump) * week;
  }
  // Consumers: lowest around 04:00, peak around 16:00, quieter weekends.
  const bump = pow((1 - cos((2 * PI * (hour - 4)) / 24)) / 2, 1.5);
  const week = weekday === 6 ? 0.8 : weekday === 0 ? 0.75 : weekday === 5 ? 0.95 : 1;
  return (0.3 + 0.7 * bump) * week;
}

/** What the live exposition (live.ts) needs of an instance to carry its counters on past the data. */
export interface InstanceModel {
  service: string;
  instance: string;
  /** Share of the service's requests this instance serves. */
  weight: number;
  peakRps: number;
  baseErrorRatio: number;
  histogram: boolean;
}

/** The instances of every service with their load-balancer weights, as generateTraffic draws them. */
export function instanceModels(seed: number): InstanceModel[] {
  return PROFILES.flatMap((profile) => {
    const instances = instanceNames(profile);
    const balance = new Random(seed, `balance/${profile.name}`);
    const skew = instances.length > 1 ? 0.06 * (balance.next() - 0.5) : 0;
    return instances.map((instance, i) => ({
      service: profile.name,
      instance,
      weight: 1 / instances.length + (i === 0 ? skew : -skew),
      peakRps: profile.peakRps,
      baseErrorRatio: profile.baseErrorRatio,
      histogram: profile.histogram,
    }));
  });
}

/** Load of a service relative to its weekday peak at a time (without the random drift). */
export function serviceLoad(service: string, time: number): number {
  const profile = PROFILES.find((candidate) => candidate.name === service);
  if (!profile) {
    throw new Error(`no demo service named ${service}`);
  }
  return loadShape(profile.hours, time);
}

/** The shares the generator splits requests with, for the live exposition. */
export const SHARES = {
  notFound: NOT_FOUND_RATIO,
  /** Share of the 5xx answered with 500 outside incidents (the rest are 503). */
  serverError500: 0.6,
  latencyQuiet: LATENCY_CDF_QUIET,
  latencyBusy: LATENCY_CDF_BUSY,
  bucketMeanSeconds: BUCKET_MEAN_SECONDS,
  sumQuantum: SUM_QUANTUM,
} as const;

function planIncidents(seed: number, start: number, end: number): Incident[] {
  const random = new Random(seed, 'incidents');
  const incidents: Incident[] = [];

  // Checkout: at a busy hour (14:00-17:00 UTC) between 20 h and 45 h before the end.
  const latestEnd = end - 20 * HOUR;
  let fastStart = floor(latestEnd / DAY) * DAY + 14 * HOUR + random.int(0, 180) * MINUTE;
  if (fastStart + 40 * MINUTE > latestEnd) {
    fastStart -= DAY;
  }
  incidents.push({
    service: 'checkout',
    kind: 'fast-burn',
    start: fastStart,
    end: fastStart + 40 * MINUTE,
    errorRatio: 0.15,
    slow: true,
    description: 'Bad deploy: 15% of checkouts fail and responses are slow for 40 minutes.',
  });

  const slowStart = end - 4.5 * DAY + random.int(0, 12 * 60) * MINUTE;
  incidents.push({
    service: 'search',
    kind: 'slow-burn',
    start: slowStart,
    end: slowStart + 2 * DAY,
    errorRatio: 0.006,
    slow: false,
    description: 'Index shard degraded: 0.6% of searches fail for 2 days.',
  });

  const outageStart = end - 10 * DAY + random.int(-360, 360) * MINUTE;
  incidents.push({
    service: 'payments',
    kind: 'outage',
    start: outageStart,
    end: outageStart + 8 * MINUTE,
    errorRatio: 1,
    slow: false,
    description: 'Database failover: every payment request fails for 8 minutes; fixed by a rollback (restart).',
  });

  // Keep what falls inside the data, clipped to it.
  return incidents
    .filter((incident) => incident.end > start && incident.start < end)
    .map((incident) => ({ ...incident, start: max(incident.start, start), end: min(incident.end, end) }));
}

function instanceNames(profile: ServiceProfile): string[] {
  return Array.from({ length: profile.instances }, (_, i) => `${profile.name}-${i + 1}:8080`);
}

function planRestarts(seed: number, start: number, minutes: number, days: number, incidents: Incident[]): Restart[] {
  const restarts: Restart[] = [];
  for (const profile of PROFILES) {
    for (const instance of instanceNames(profile)) {
      const random = new Random(seed, `restarts/${instance}`);
      const times: number[] = [];
      // The payments rollback restarts every payments instance right after the outage.
      const outage = incidents.find((incident) => incident.service === profile.name && incident.kind === 'outage');
      if (outage && outage.end + MINUTE < start + minutes * MINUTE) {
        times.push(outage.end + MINUTE);
      }
      const wanted = min(4, max(1, round(days / 12) + random.int(0, 1)));
      for (let attempt = 0; attempt < 50 && times.length < wanted; attempt++) {
        if (minutes < 240) {
          break;
        }
        const time = start + random.int(60, minutes - 60) * MINUTE;
        if (times.every((other) => abs(other - time) >= RESTART_SPACING)) {
          times.push(time);
        }
      }
      times.sort((a, b) => a - b);
      restarts.push(...times.map((time) => ({ service: profile.name, instance, time })));
    }
  }
  return restarts;
}

function planGaps(
  seed: number,
  start: number,
  minutes: number,
  days: number,
  incidents: Incident[],
  restarts: Restart[]
): ScrapeGap[] {
  const gaps: ScrapeGap[] = [];
  for (const profile of PROFILES) {
    for (const instance of instanceNames(profile)) {
      const random = new Random(seed, `gaps/${instance}`);
      const restartTimes = restarts.filter((restart) => restart.instance === instance).map((restart) => restart.time);
      const mine: ScrapeGap[] = [];
      const wanted = min(3, max(1, round(days / 15) + random.int(0, 1)));
      for (let attempt = 0; attempt < 50 && mine.length < wanted; attempt++) {
        const length = random.int(3, 20);
        if (minutes < length + 240) {
          break;
        }
        const first = start + random.int(60, minutes - 60 - length) * MINUTE;
        const last = first + (length - 1) * MINUTE;
        // A restart inside a gap, or at the sample right after it, would hide events from any
        // reset-aware reader; keep gaps away from incidents too, so the incidents read cleanly.
        const clear =
          restartTimes.every((time) => time < first || time > last + MINUTE) &&
          incidents.every((incident) => incident.end + 30 * MINUTE < first || incident.start - 30 * MINUTE > last) &&
          mine.every((gap) => gap.end + 30 * MINUTE < first || gap.start - 30 * MINUTE > last);
        if (clear) {
          mine.push({ service: profile.name, instance, start: first, end: last });
        }
      }
      mine.sort((a, b) => a.start - b.start);
      gaps.push(...mine);
    }
  }
  return gaps;
}

/** The services, incidents, restarts and gaps of a data set, without generating its samples. */
export function planTraffic(options: TrafficOptions): TrafficIndex {
  const minutes = checkOptions(options);
  const { seed, end, days } = options;
  const start = end - minutes * MINUTE;
  const incidents = planIncidents(seed, start, end);
  const restarts = planRestarts(seed, start, minutes, days, incidents);
  const gaps = planGaps(seed, start, minutes, days, incidents, restarts);
  return {
    seed,
    days,
    start,
    end,
    startIso: new Date(start).toISOString(),
    endIso: new Date(end).toISOString(),
    step: STEP,
    metrics: METRICS,
    codes: CODES,
    badMatcher: 'code=~"5.."',
    latencyBuckets: LATENCY_BUCKETS,
    services: PROFILES.map((profile) => ({
      name: profile.name,
      instances: instanceNames(profile),
      peakRps: profile.peakRps,
      baseErrorRatio: profile.baseErrorRatio,
      histogram: profile.histogram,
      description: profile.description,
    })),
    incidents,
    restarts,
    gaps,
  };
}

function quantizeSeconds(seconds: number): number {
  return round(seconds * SUM_QUANTUM) / SUM_QUANTUM;
}

function newSeries(
  name: string,
  labels: Record<string, string>,
  service: string,
  instance: string,
  points: number,
  scraped: Uint8Array
): TrafficSeries {
  return {
    name,
    labels,
    service,
    instance,
    values: new Float64Array(points),
    increments: new Float64Array(points),
    scraped,
  };
}

/** Per-minute state of a service shared by its instances: load, error ratio, incident flags. */
interface ServiceMinutes {
  load: Float64Array;
  errorRatio: Float64Array;
  /** Share of the 5xx answered with 500 (the rest are 503). */
  share500: Float64Array;
  slow: Uint8Array;
}

function serviceMinutes(
  seed: number,
  profile: ServiceProfile,
  times: Float64Array,
  incidents: Incident[]
): ServiceMinutes {
  const points = times.length;
  const random = new Random(seed, `load/${profile.name}`);
  const load = new Float64Array(points);
  const errorRatio = new Float64Array(points).fill(profile.baseErrorRatio);
  const share500 = new Float64Array(points).fill(0.6);
  const slow = new Uint8Array(points);
  // Slow random drift of the load (about ±10%), shared by the instances behind one load balancer.
  let drift = 0;
  for (let k = 1; k < points; k++) {
    drift = 0.995 * drift + 0.01 * random.gaussian();
    load[k] = loadShape(profile.hours, times[k] - MINUTE / 2) * exp(drift);
  }
  const start = times[0];
  for (const incident of incidents) {
    if (incident.service !== profile.name) {
      continue;
    }
    const first = max(1, (incident.start - start) / MINUTE + 1);
    const last = min(points - 1, (incident.end - start) / MINUTE);
    for (let k = first; k <= last; k++) {
      errorRatio[k] = incident.errorRatio;
      share500[k] = incident.kind === 'outage' ? 0 : 0.7;
      slow[k] = incident.slow ? 1 : 0;
    }
  }
  return { load, errorRatio, share500, slow };
}

function generateInstance(
  seed: number,
  profile: ServiceProfile,
  instance: string,
  weight: number,
  minutesOf: ServiceMinutes,
  restartAt: Uint8Array,
  scraped: Uint8Array
): TrafficSeries[] {
  const points = scraped.length;
  const random = new Random(seed, `traffic/${instance}`);
  const service = profile.name;
  const codeSeries = CODES.map((code) =>
    newSeries(METRICS.requests, { service, instance, code }, service, instance, points, scraped)
  );
  const buckets = profile.histogram
    ? LATENCY_BUCKETS.map((le) =>
        newSeries(METRICS.durationBucket, { service, instance, le }, service, instance, points, scraped)
      )
    : [];
  const count = profile.histogram
    ? newSeries(METRICS.durationCount, { service, instance }, service, instance, points, scraped)
    : null;
  const sum = profile.histogram
    ? newSeries(METRICS.durationSum, { service, instance }, service, instance, points, scraped)
    : null;

  // Counters at `start`: the process has been up for 1 to 96 hours.
  const initial = round((1 + 95 * random.next()) * 3600 * profile.peakRps * 0.55 * weight);
  const initialBad = round(initial * profile.baseErrorRatio);
  const initial500 = round(initialBad * 0.6);
  const initial404 = round((initial - initialBad) * NOT_FOUND_RATIO);
  const initialCodes = [initial - initialBad - initial404, initial404, initial500, initialBad - initial500];
  codeSeries.forEach((series, j) => (series.values[0] = initialCodes[j]));
  if (count && sum) {
    LATENCY_CDF_QUIET.forEach((share, i) => (buckets[i].values[0] = round(initial * share)));
    buckets[LATENCY_BUCKETS.length - 1].values[0] = initial;
    count.values[0] = initial;
    sum.values[0] = quantizeSeconds(initial * 0.06);
  }

  const codes = [0, 0, 0, 0];
  const cdf = new Float64Array(LATENCY_CDF_QUIET.length);
  for (let k = 1; k < points; k++) {
    const restart = restartAt[k] === 1;
    // A restart costs about half a minute of traffic on this instance.
    const mean = profile.peakRps * minutesOf.load[k] * weight * 60 * (restart ? 0.5 : 1);
    const requests = random.poisson(mean);
    const bad = random.binomial(requests, minutesOf.errorRatio[k]);
    codes[2] = random.binomial(bad, minutesOf.share500[k]);
    codes[3] = bad - codes[2];
    codes[1] = random.binomial(requests - bad, NOT_FOUND_RATIO);
    codes[0] = requests - bad - codes[1];
    let served = 0;
    for (let j = 0; j < codeSeries.length; j++) {
      const series = codeSeries[j];
      const previous = series.values[k - 1];
      // A reset is visible only when the new value is below the old one: drop the few events that
      // would hide it (rare: only near-empty series such as the admin 5xx ever need it).
      if (restart && previous > 0 && codes[j] >= previous) {
        codes[j] = previous - 1;
      }
      series.increments[k] = codes[j];
      series.values[k] = restart ? codes[j] : previous + codes[j];
      served += codes[j];
    }
    if (count && sum) {
      const load = min(1, minutesOf.load[k]);
      for (let i = 0; i < cdf.length; i++) {
        cdf[i] = minutesOf.slow[k]
          ? LATENCY_CDF_INCIDENT[i]
          : LATENCY_CDF_QUIET[i] + (LATENCY_CDF_BUSY[i] - LATENCY_CDF_QUIET[i]) * load;
      }
      let remaining = served;
      let below = 0;
      let cumulative = 0;
      let seconds = 0;
      for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
        const last = i === LATENCY_BUCKETS.length - 1;
        // Multinomial draw as a chain of binomials: the share of what is left that lands in bucket i.
        const inBucket = last ? remaining : random.binomial(remaining, (cdf[i] - below) / (1 - below));
        remaining -= inBucket;
        below = last ? 1 : cdf[i];
        cumulative += inBucket;
        seconds += inBucket * BUCKET_MEAN_SECONDS[i];
        const bucket = buckets[i];
        bucket.increments[k] = cumulative;
        bucket.values[k] = restart ? cumulative : bucket.values[k - 1] + cumulative;
      }
      count.increments[k] = served;
      count.values[k] = restart ? served : count.values[k - 1] + served;
      const spent = quantizeSeconds(seconds * (0.9 + 0.2 * random.next()));
      sum.increments[k] = spent;
      sum.values[k] = restart ? spent : sum.values[k - 1] + spent;
    }
  }
  return [...codeSeries, ...buckets, ...(count && sum ? [count, sum] : [])];
}

/** Throws when a restart would not be visible as a counter decrease (a reader would miss events). */
function checkResetsVisible(series: TrafficSeries, restartAt: Uint8Array): void {
  for (let k = 1; k < restartAt.length; k++) {
    if (restartAt[k] === 1 && series.values[k - 1] > 0 && series.values[k] >= series.values[k - 1]) {
      throw new Error(
        `generator: restart at sample ${k} of ${series.name} ${JSON.stringify(series.labels)} is not visible`
      );
    }
  }
}

/** Generates the whole data set: every series with its samples and its exact increments. */
export function generateTraffic(options: TrafficOptions): Traffic {
  const index = planTraffic(options);
  const points = index.days * 1440 + 1;
  const times = new Float64Array(points);
  for (let k = 0; k < points; k++) {
    times[k] = index.start + k * MINUTE;
  }
  const series: TrafficSeries[] = [];
  for (const profile of PROFILES) {
    const minutesOf = serviceMinutes(index.seed, profile, times, index.incidents);
    const balance = new Random(index.seed, `balance/${profile.name}`);
    const instances = instanceNames(profile);
    // Load balancers are rarely exactly even.
    const skew = instances.length > 1 ? 0.06 * (balance.next() - 0.5) : 0;
    instances.forEach((instance, i) => {
      const weight = 1 / instances.length + (i === 0 ? skew : -skew);
      const restartAt = new Uint8Array(points);
      for (const restart of index.restarts) {
        if (restart.instance === instance) {
          restartAt[(restart.time - index.start) / MINUTE] = 1;
        }
      }
      const scraped = new Uint8Array(points).fill(1);
      for (const gap of index.gaps) {
        if (gap.instance === instance) {
          scraped.fill(0, (gap.start - index.start) / MINUTE, (gap.end - index.start) / MINUTE + 1);
        }
      }
      const generated = generateInstance(index.seed, profile, instance, weight, minutesOf, restartAt, scraped);
      generated.forEach((one) => checkResetsVisible(one, restartAt));
      series.push(...generated);
    });
  }
  return { index, times, series };
}

/** Grid index of a time; throws for a time that is not a sample time of the data set. */
export function gridIndex(traffic: Traffic, time: number): number {
  const k = (time - traffic.index.start) / traffic.index.step;
  if (!Number.isInteger(k) || k < 0 || k >= traffic.times.length) {
    throw new Error(
      `time ${new Date(time).toISOString()} is not a whole minute within ${traffic.index.startIso}..${traffic.index.endIso}`
    );
  }
  return k;
}

/** Exact number of events a series counted in (from, to]; both on the grid. */
export function seriesIncrease(traffic: Traffic, series: TrafficSeries, from: number, to: number): number {
  const first = gridIndex(traffic, from);
  const last = gridIndex(traffic, to);
  let total = 0;
  for (let k = first + 1; k <= last; k++) {
    total += series.increments[k];
  }
  return total;
}

/** Series with this sample name whose labels include every given label. */
export function selectSeries(traffic: Traffic, name: string, match: Record<string, string> = {}): TrafficSeries[] {
  return traffic.series.filter(
    (series) => series.name === name && Object.entries(match).every(([key, value]) => series.labels[key] === value)
  );
}

export interface EventCounts {
  good: number;
  bad: number;
  total: number;
}

/**
 * Exact request counts of a service in (from, to] (times on the grid): good = not 5xx. This is
 * what a reader of the scraped counters must find, whatever the gaps and restarts.
 */
export function eventCounts(
  traffic: Traffic,
  service: string,
  from: number,
  to: number,
  match: { instance?: string } = {}
): EventCounts {
  let good = 0;
  let bad = 0;
  for (const series of selectSeries(traffic, METRICS.requests, { service, ...match })) {
    const events = seriesIncrease(traffic, series, from, to);
    if (isGoodCode(series.labels.code)) {
      good += events;
    } else {
      bad += events;
    }
  }
  return { good, bad, total: good + bad };
}

/** Exact latency counts of a service in (from, to]: requests at or below `le` seconds, and all requests. */
export function latencyCounts(
  traffic: Traffic,
  service: string,
  le: string,
  from: number,
  to: number,
  match: { instance?: string } = {}
): { fast: number; total: number } {
  let fast = 0;
  let total = 0;
  for (const series of selectSeries(traffic, METRICS.durationBucket, { service, le, ...match })) {
    fast += seriesIncrease(traffic, series, from, to);
  }
  for (const series of selectSeries(traffic, METRICS.durationCount, { service, ...match })) {
    total += seriesIncrease(traffic, series, from, to);
  }
  return { fast, total };
}

/** The samples a scraper would have stored for a series: the grid less the scrape gaps. */
export function sampledPoints(traffic: Traffic, series: TrafficSeries): { times: Float64Array; values: Float64Array } {
  let count = 0;
  for (let k = 0; k < series.scraped.length; k++) {
    count += series.scraped[k];
  }
  const times = new Float64Array(count);
  const values = new Float64Array(count);
  let j = 0;
  for (let k = 0; k < series.scraped.length; k++) {
    if (series.scraped[k] === 1) {
      times[j] = traffic.times[k];
      values[j] = series.values[k];
      j++;
    }
  }
  return { times, values };
}
