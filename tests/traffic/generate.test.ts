/**
 * @jest-environment node
 */
import {
  DAY,
  DEFAULT_SEED,
  eventCounts,
  generateTraffic,
  gridIndex,
  HOUR,
  latencyCounts,
  LATENCY_BUCKETS,
  METRICS,
  MINUTE,
  sampledPoints,
  selectSeries,
  Traffic,
} from '../../scripts/traffic/generate';

const END = Date.UTC(2025, 5, 10, 9, 0);
let traffic: Traffic;

beforeAll(() => {
  traffic = generateTraffic({ seed: DEFAULT_SEED, end: END, days: 35 });
});

function sameSeries(a: Traffic, b: Traffic): boolean {
  return (
    a.series.length === b.series.length &&
    a.series.every(
      (series, i) =>
        JSON.stringify(series.labels) === JSON.stringify(b.series[i].labels) &&
        Buffer.from(series.values.buffer).equals(Buffer.from(b.series[i].values.buffer)) &&
        Buffer.from(series.increments.buffer).equals(Buffer.from(b.series[i].increments.buffer)) &&
        Buffer.from(series.scraped.buffer).equals(Buffer.from(b.series[i].scraped.buffer))
    )
  );
}

function errorRatio(service: string, from: number, to: number): number {
  const counts = eventCounts(traffic, service, from, to);
  return counts.bad / counts.total;
}

describe('generateTraffic', () => {
  it('is deterministic in its seed', () => {
    const options = { seed: 7, end: END, days: 3 };
    const first = generateTraffic(options);
    const second = generateTraffic(options);
    expect(second.index).toEqual(first.index);
    expect(sameSeries(first, second)).toBe(true);
    const other = generateTraffic({ ...options, seed: 8 });
    expect(sameSeries(first, other)).toBe(false);
    expect(other.index.restarts).not.toEqual(first.index.restarts);
  });

  it('rejects an end off the minute and an empty span', () => {
    expect(() => generateTraffic({ seed: 1, end: END + 1000, days: 1 })).toThrow(/end/);
    expect(() => generateTraffic({ seed: 1, end: END, days: 0 })).toThrow(/days/);
  });

  it('has the services, instances and series the index lists', () => {
    const { index } = traffic;
    expect(index.services.map((service) => service.name)).toEqual(['checkout', 'search', 'payments', 'admin']);
    expect(index.start).toBe(END - 35 * DAY);
    expect(traffic.times.length).toBe(35 * 1440 + 1);
    for (const service of index.services) {
      for (const instance of service.instances) {
        expect(selectSeries(traffic, METRICS.requests, { service: service.name, instance })).toHaveLength(4);
        const buckets = selectSeries(traffic, METRICS.durationBucket, { service: service.name, instance });
        expect(buckets.map((series) => series.labels.le)).toEqual(service.histogram ? [...LATENCY_BUCKETS] : []);
      }
    }
    expect(index.services.find((service) => service.name === 'admin')?.instances).toHaveLength(1);
  });

  it('samples counters whose reset-aware increments equal the ground truth, gaps and restarts included', () => {
    for (const series of traffic.series) {
      const { times, values } = sampledPoints(traffic, series);
      let k = 0;
      for (let i = 1; i < times.length; i++) {
        const next = gridIndex(traffic, times[i]);
        let truth = 0;
        for (k++; k <= next; k++) {
          truth += series.increments[k];
        }
        k = next;
        const observed = values[i] >= values[i - 1] ? values[i] - values[i - 1] : values[i];
        if (observed !== truth) {
          throw new Error(`${series.name} ${JSON.stringify(series.labels)} at ${times[i]}: ${observed} != ${truth}`);
        }
      }
    }
  });

  it('resets counters exactly at the listed restarts', () => {
    const { index } = traffic;
    expect(index.restarts.length).toBeGreaterThanOrEqual(7);
    for (const series of traffic.series) {
      const restarts = new Set(
        index.restarts
          .filter((restart) => restart.instance === series.instance)
          .map((restart) => gridIndex(traffic, restart.time))
      );
      for (let k = 1; k < series.values.length; k++) {
        if (restarts.has(k)) {
          expect(series.values[k]).toBe(series.increments[k]);
          if (series.values[k - 1] > 0) {
            expect(series.values[k]).toBeLessThan(series.values[k - 1]);
          }
          expect(series.values[k - 1]).toBeGreaterThan(0);
        } else if (series.values[k] !== series.values[k - 1] + series.increments[k]) {
          throw new Error(`${series.name} ${JSON.stringify(series.labels)} changes without a restart at ${k}`);
        }
      }
    }
  });

  it('has scrape gaps of 3 to 20 minutes where the index says, away from restarts', () => {
    const { index } = traffic;
    expect(index.gaps.length).toBeGreaterThanOrEqual(7);
    for (const series of traffic.series) {
      const expected = new Uint8Array(series.scraped.length).fill(1);
      for (const gap of index.gaps.filter((item) => item.instance === series.instance)) {
        const minutes = (gap.end - gap.start) / MINUTE + 1;
        expect(minutes).toBeGreaterThanOrEqual(3);
        expect(minutes).toBeLessThanOrEqual(20);
        expected.fill(0, gridIndex(traffic, gap.start), gridIndex(traffic, gap.end) + 1);
        for (const restart of index.restarts.filter((item) => item.instance === series.instance)) {
          expect(restart.time < gap.start || restart.time > gap.end + MINUTE).toBe(true);
        }
      }
      expect(Buffer.from(series.scraped).equals(Buffer.from(expected))).toBe(true);
    }
  });

  it('keeps the low-traffic service under 1 request per second, with empty minutes', () => {
    const admin = selectSeries(traffic, METRICS.requests, { service: 'admin' });
    const counts = eventCounts(traffic, 'admin', traffic.index.start, END);
    expect(counts.total / (35 * 86_400)).toBeLessThan(1);
    let emptyMinutes = 0;
    for (let k = 1; k < traffic.times.length; k++) {
      emptyMinutes += admin.every((series) => series.increments[k] === 0) ? 1 : 0;
    }
    expect(emptyMinutes).toBeGreaterThan(1000);
  });

  it('puts the incidents where the index says', () => {
    const incidents = traffic.index.incidents;
    expect(incidents.map((incident) => incident.kind)).toEqual(['fast-burn', 'slow-burn', 'outage']);
    const [fast, slow, outage] = incidents;
    expect(fast.start).toBeGreaterThanOrEqual(END - 2 * DAY);
    expect(fast.end - fast.start).toBe(40 * MINUTE);
    expect(slow.start).toBeGreaterThanOrEqual(END - 5 * DAY);
    expect(slow.end - slow.start).toBe(2 * DAY);
    expect(Math.abs(outage.start - (END - 10 * DAY))).toBeLessThanOrEqual(6 * HOUR);
    expect(outage.end - outage.start).toBe(8 * MINUTE);

    expect(errorRatio('checkout', fast.start, fast.end)).toBeGreaterThan(0.13);
    expect(errorRatio('checkout', fast.start, fast.end)).toBeLessThan(0.17);
    expect(errorRatio('checkout', fast.start - HOUR, fast.start)).toBeLessThan(0.002);
    expect(errorRatio('checkout', fast.end, fast.end + HOUR)).toBeLessThan(0.002);
    expect(errorRatio('search', slow.start, slow.end)).toBeGreaterThan(0.005);
    expect(errorRatio('search', slow.start, slow.end)).toBeLessThan(0.007);
    expect(errorRatio('search', slow.start - DAY, slow.start)).toBeLessThan(0.001);
    expect(errorRatio('payments', outage.start, outage.end)).toBe(1);
    expect(errorRatio('payments', outage.start - DAY, outage.start)).toBeLessThan(0.001);
    // Outside incidents every service meets 99.9%.
    for (const service of ['checkout', 'search', 'payments', 'admin']) {
      expect(errorRatio(service, traffic.index.start, traffic.index.start + 20 * DAY)).toBeLessThan(0.001);
    }
  });

  it('leaves checkout 30% to 70% of its 30-day budget at 99.9%, whatever the seed and time of day', () => {
    const cases = [
      { seed: DEFAULT_SEED, end: END },
      { seed: 1, end: Date.UTC(2025, 5, 14, 22, 7) },
      { seed: 2, end: Date.UTC(2025, 0, 4, 3, 0) },
    ];
    for (const { seed, end } of cases) {
      const data = seed === DEFAULT_SEED && end === END ? traffic : generateTraffic({ seed, end, days: 30 });
      const counts = eventCounts(data, 'checkout', end - 30 * DAY, end);
      const remaining = 1 - counts.bad / (0.001 * counts.total);
      expect(remaining).toBeGreaterThan(0.3);
      expect(remaining).toBeLessThan(0.7);
    }
  });

  it('has cumulative histogram buckets that match the request counts, and slow requests in the incident', () => {
    for (const instance of ['checkout-1:8080', 'checkout-2:8080']) {
      const buckets = selectSeries(traffic, METRICS.durationBucket, { instance });
      const [count] = selectSeries(traffic, METRICS.durationCount, { instance });
      const [sum] = selectSeries(traffic, METRICS.durationSum, { instance });
      const requests = selectSeries(traffic, METRICS.requests, { instance });
      for (let k = 0; k < count.values.length; k++) {
        for (let i = 1; i < buckets.length; i++) {
          if (
            buckets[i].values[k] < buckets[i - 1].values[k] ||
            buckets[i].increments[k] < buckets[i - 1].increments[k]
          ) {
            throw new Error(
              `${instance}: bucket le=${buckets[i].labels.le} below le=${buckets[i - 1].labels.le} at ${k}`
            );
          }
        }
        const requestCount = requests.reduce((total, series) => total + series.values[k], 0);
        // _sum stays on multiples of 2^-10 s, so its differences are exact.
        if (
          buckets[buckets.length - 1].values[k] !== count.values[k] ||
          requestCount !== count.values[k] ||
          !Number.isInteger(sum.values[k] * 1024)
        ) {
          throw new Error(
            `${instance} at ${k}: +Inf ${buckets[buckets.length - 1].values[k]}, _count ${count.values[k]}, requests ${requestCount}, _sum ${sum.values[k]}`
          );
        }
      }
    }
    const fast = traffic.index.incidents[0];
    const during = latencyCounts(traffic, 'checkout', '0.25', fast.start, fast.end);
    const before = latencyCounts(traffic, 'checkout', '0.25', fast.start - DAY, fast.start);
    expect(during.fast / during.total).toBeLessThan(0.5);
    expect(before.fast / before.total).toBeGreaterThan(0.9);
  });

  it('adds event counts over adjacent intervals and rejects times off the grid', () => {
    const { start } = traffic.index;
    const middle = start + 17 * DAY + 13 * MINUTE;
    const left = eventCounts(traffic, 'checkout', start, middle);
    const right = eventCounts(traffic, 'checkout', middle, END);
    const whole = eventCounts(traffic, 'checkout', start, END);
    expect(left.total + right.total).toBe(whole.total);
    expect(left.good + right.good).toBe(whole.good);
    expect(eventCounts(traffic, 'checkout', middle, middle).total).toBe(0);
    expect(() => eventCounts(traffic, 'checkout', start, middle + 1)).toThrow(/whole minute/);
    expect(() => eventCounts(traffic, 'checkout', start - MINUTE, middle)).toThrow(/whole minute/);
  });
});
