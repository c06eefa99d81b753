import { parseWindow, resolveWindow } from './window';
import { DAY, HOUR } from './testing';

const utc = (text: string) => Date.parse(text);

describe('parseWindow', () => {
  it('reads rolling durations and calendar periods', () => {
    expect(parseWindow('30d')).toEqual({ kind: 'rolling', length: 30 * DAY });
    expect(parseWindow('calendar:month')).toEqual({ kind: 'calendar', period: 'month' });
    expect(parseWindow('calendar:year')).toBeNull();
    expect(parseWindow('month')).toBeNull();
  });
});

describe('resolveWindow', () => {
  it('ends a rolling window at the evaluation time', () => {
    const at = utc('2026-11-26T10:00:00Z');
    expect(resolveWindow({ kind: 'rolling', length: 7 * DAY }, at, 'UTC')).toEqual({
      start: at - 7 * DAY,
      length: 7 * DAY,
    });
  });

  it('starts a calendar week on Monday', () => {
    // 2026-11-26 is a Thursday.
    const window = resolveWindow({ kind: 'calendar', period: 'week' }, utc('2026-11-26T10:00:00Z'), 'UTC');
    expect(window).toEqual({ start: utc('2026-11-23T00:00:00Z'), length: 7 * DAY });
  });

  it('starts a calendar month at local midnight in the time zone', () => {
    const at = utc('2026-11-26T10:00:00Z');
    expect(resolveWindow({ kind: 'calendar', period: 'month' }, at, 'UTC')).toEqual({
      start: utc('2026-11-01T00:00:00Z'),
      length: 30 * DAY,
    });
    expect(resolveWindow({ kind: 'calendar', period: 'month' }, at, 'Europe/Berlin')).toEqual({
      start: utc('2026-10-31T23:00:00Z'),
      length: 30 * DAY,
    });
    expect(resolveWindow({ kind: 'calendar', period: 'month' }, at, 'Asia/Kolkata').start).toBe(
      utc('2026-10-31T18:30:00Z')
    );
  });

  it('gives a month with a DST change its real length', () => {
    // Berlin leaves summer time on 2026-10-25: October lasts 31 days and one hour.
    const window = resolveWindow({ kind: 'calendar', period: 'month' }, utc('2026-10-15T12:00:00Z'), 'Europe/Berlin');
    expect(window).toEqual({ start: utc('2026-09-30T22:00:00Z'), length: 31 * DAY + HOUR });
  });

  it('puts the instant of a period boundary at the end of the period before', () => {
    const window = resolveWindow({ kind: 'calendar', period: 'month' }, utc('2026-11-01T00:00:00Z'), 'UTC');
    expect(window).toEqual({ start: utc('2026-10-01T00:00:00Z'), length: 31 * DAY });
  });

  it('starts a quarter on its first month', () => {
    const window = resolveWindow({ kind: 'calendar', period: 'quarter' }, utc('2026-11-26T10:00:00Z'), 'UTC');
    expect(window).toEqual({ start: utc('2026-10-01T00:00:00Z'), length: 92 * DAY });
    const first = resolveWindow(
      { kind: 'calendar', period: 'quarter' },
      utc('2026-02-10T00:00:00Z'),
      'America/New_York'
    );
    expect(first).toEqual({ start: utc('2026-01-01T05:00:00Z'), length: 90 * DAY - HOUR });
  });

  it('crosses a year boundary for a week', () => {
    // 2027-01-01 is a Friday: its week started on Monday 2026-12-28.
    const window = resolveWindow({ kind: 'calendar', period: 'week' }, utc('2027-01-01T12:00:00Z'), 'UTC');
    expect(window.start).toBe(utc('2026-12-28T00:00:00Z'));
  });
});
