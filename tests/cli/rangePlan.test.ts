/**
 * @jest-environment node
 */
import { earliestNeeded, MAX_POINTS_PER_SERIES, planRange } from '../../src/cli/rangePlan';
import { parseStep, parseTime } from '../../src/cli/time';
import { humanDuration } from '../../src/cli/report';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const AT = Date.UTC(2025, 5, 10, 9, 0);

describe('planRange', () => {
  it('reads 30 days and 3 of look-back at 1m in chunks of at most 11,000 points that continue one grid', () => {
    const plan = planRange(AT - 33 * DAY, AT, MINUTE);
    expect(plan.points).toBe(33 * 1440 + 1);
    expect(plan.chunks.map((chunk) => chunk.points)).toEqual([11_000, 11_000, 11_000, 11_000, 3521]);
    expect(plan.chunks[0].start).toBe(AT - 33 * DAY);
    expect(plan.chunks[plan.chunks.length - 1].end).toBe(AT);
    for (const [i, chunk] of plan.chunks.entries()) {
      expect(chunk.points).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
      expect((chunk.end - chunk.start) / MINUTE + 1).toBe(chunk.points);
      if (i > 0) {
        expect(chunk.start).toBe(plan.chunks[i - 1].end + MINUTE);
      }
    }
  });

  it('ends the grid exactly at the evaluation time and starts it at or before the first time needed', () => {
    const at = AT + 17_250;
    const plan = planRange(at - DAY - 30_000, at, MINUTE);
    expect(plan.end).toBe(at);
    expect(plan.start).toBe(at - DAY - MINUTE);
    expect(plan.chunks).toEqual([{ start: at - DAY - MINUTE, end: at, points: 1442 }]);
    expect(planRange(at, at, MINUTE).chunks).toEqual([{ start: at, end: at, points: 1 }]);
    expect(planRange(0, 10, 1, 3).chunks.map((chunk) => [chunk.start, chunk.end])).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
      [9, 10],
    ]);
  });

  it('rejects what is a bug of the caller', () => {
    expect(() => planRange(AT, AT - 1, MINUTE)).toThrow(/from <= end/);
    expect(() => planRange(AT, AT, 0)).toThrow(/positive step/);
  });
});

describe('earliestNeeded', () => {
  it('reaches a long tier window before the SLO window, and 3 days back for the reported burn rates', () => {
    expect(earliestNeeded(AT - 30 * DAY, AT, ['1h', '6h', '1d', '3d'])).toBe(AT - 33 * DAY);
    expect(earliestNeeded(AT - 30 * DAY, AT, [])).toBe(AT - 30 * DAY);
    // A short window still reads the 3-day burn rate.
    expect(earliestNeeded(AT - HOUR, AT, ['1h'])).toBe(AT - 3 * DAY);
  });
});

describe('flag values', () => {
  it('reads --at as ISO, epoch seconds or milliseconds, or now', () => {
    expect(parseTime('2025-06-10T09:00Z', 0)).toBe(AT);
    expect(parseTime('2025-06-10T11:00:00+02:00', 0)).toBe(AT);
    expect(parseTime(String(AT / 1000), 0)).toBe(AT);
    expect(parseTime('1749546000.5', 0)).toBe(AT + 500);
    expect(parseTime(String(AT), 0)).toBe(AT);
    expect(parseTime('now', 42)).toBe(42);
    expect(parseTime('yesterday', 0)).toBeNull();
    expect(parseTime('12', 0)).toBe(12_000);
    expect(parseTime('2025-13-45', 0)).toBeNull();
  });

  it('reads --step as a duration or seconds, whole seconds only', () => {
    expect(parseStep('60s')).toBe(MINUTE);
    expect(parseStep('1m')).toBe(MINUTE);
    expect(parseStep('15')).toBe(15_000);
    expect(parseStep('1.5s')).toBeNull();
    expect(parseStep('500ms')).toBeNull();
    expect(parseStep('0')).toBeNull();
  });

  it('says how long a budget lasts in its two largest units', () => {
    expect(humanDuration(37 * DAY + 5 * HOUR + 3 * MINUTE)).toBe('37d 5h');
    expect(humanDuration(2 * DAY)).toBe('2d');
    expect(humanDuration(5 * HOUR + 12 * MINUTE)).toBe('5h 12m');
    expect(humanDuration(40 * MINUTE + 59_000)).toBe('40m');
    expect(humanDuration(1000)).toBe('0m');
  });
});
