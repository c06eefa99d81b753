import { periodEvents } from './tiles';
import { HOUR } from './testing';

const T = Date.UTC(2026, 10, 1);
const hours = (n: number) => Array.from({ length: n }, (_, i) => T + (i + 1) * HOUR);

describe('periodEvents', () => {
  it('counts each increment in the period its time ends in, (start, end]', () => {
    const tiles = {
      good: [{ kind: 'increment' as const, times: hours(4), values: [1, 2, 3, 4] }],
      total: [{ kind: 'increment' as const, times: hours(4), values: [1, 2, 4, 8] }],
    };
    expect(periodEvents(tiles, [T, T + 2 * HOUR, T + 4 * HOUR])).toEqual([
      { good: 3, bad: 0, total: 3, consistent: true },
      { good: 7, bad: 5, total: 12, consistent: true },
    ]);
  });

  it('sums the series of a role and reads counters as the engine does, resets included', () => {
    const tiles = {
      bad: [
        { kind: 'counter' as const, times: hours(4), values: [10, 11, 2, 3] },
        { kind: 'increment' as const, times: hours(4), values: [0, 1, 0, 0] },
      ],
      total: [{ kind: 'counter' as const, times: hours(4), values: [100, 200, 300, 400] }],
    };
    // The counters' first samples only set the base; the bad counter resets to 2 in hour 3.
    expect(periodEvents(tiles, [T, T + 2 * HOUR, T + 4 * HOUR])).toEqual([
      { good: 98, bad: 2, total: 100, consistent: true },
      { good: 197, bad: 3, total: 200, consistent: true },
    ]);
  });

  it('flags a period with more good than total events, and refuses tiles with both good and bad', () => {
    const good = [{ kind: 'increment' as const, times: hours(1), values: [5] }];
    const total = [{ kind: 'increment' as const, times: hours(1), values: [1] }];
    expect(periodEvents({ good, total }, [T, T + HOUR])[0].consistent).toBe(false);
    expect(() => periodEvents({ good, bad: good, total }, [T, T + HOUR])).toThrow(/good and bad/);
  });
});
