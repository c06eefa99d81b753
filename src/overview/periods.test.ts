import { compliancePeriods } from './periods';
import { DAY, HOUR } from './testing';

const AT = Date.UTC(2026, 10, 26, 18);
const starts = (periods: Array<{ start: number }>) => periods.map((period) => new Date(period.start).toISOString());

describe('compliancePeriods', () => {
  it('gives the last 6 months in Berlin from local midnight, the current one last', () => {
    const periods = compliancePeriods(AT, 'Europe/Berlin', 'month');
    expect(starts(periods)).toEqual([
      '2026-05-31T22:00:00.000Z',
      '2026-06-30T22:00:00.000Z',
      '2026-07-31T22:00:00.000Z',
      '2026-08-31T22:00:00.000Z',
      '2026-09-30T22:00:00.000Z',
      '2026-10-31T23:00:00.000Z',
    ]);
    expect(periods.map((period) => period.current)).toEqual([false, false, false, false, false, true]);
    // Each period ends where the next starts; November ends at Berlin's 1 December.
    periods.slice(1).forEach((period, i) => expect(periods[i].end).toBe(period.start));
    expect(periods[5].end).toBe(Date.UTC(2026, 10, 30, 23));
    // October gains the hour that summer time gives back on 25 October.
    expect(periods[4].end - periods[4].start).toBe(31 * DAY + HOUR);
  });

  it('follows New York across both DST changes', () => {
    const november = compliancePeriods(AT, 'America/New_York', 'month', 1)[0];
    expect(november.start).toBe(Date.UTC(2026, 10, 1, 4));
    expect(november.end).toBe(Date.UTC(2026, 11, 1, 5));
    const march = compliancePeriods(Date.UTC(2026, 3, 10), 'America/New_York', 'month', 2)[0];
    expect(march.start).toBe(Date.UTC(2026, 2, 1, 5));
    expect(march.end - march.start).toBe(31 * DAY - HOUR);
  });

  it('gives 8 weeks from Monday by default, in the time zone', () => {
    const utc = compliancePeriods(AT, 'UTC', 'week');
    expect(utc).toHaveLength(8);
    expect(utc[7]).toEqual({ start: Date.UTC(2026, 10, 23), end: Date.UTC(2026, 10, 30), current: true });
    expect(utc[0].start).toBe(Date.UTC(2026, 9, 5));
    const berlin = compliancePeriods(AT, 'Europe/Berlin', 'week');
    const dstWeek = berlin.find((week) => week.start === Date.UTC(2026, 9, 18, 22));
    expect(dstWeek?.end).toBe(Date.UTC(2026, 9, 25, 23));
  });

  it('counts a period ending exactly at `at` as the current one', () => {
    const periods = compliancePeriods(Date.UTC(2026, 11, 1), 'UTC', 'month', 2);
    expect(periods[1]).toEqual({ start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1), current: true });
  });

  it('refuses an unknown time zone', () => {
    expect(() => compliancePeriods(AT, 'Mars/Olympus', 'month')).toThrow(RangeError);
  });
});
