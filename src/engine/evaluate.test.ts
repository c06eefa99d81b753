import { evaluateSlo } from './index';
import { DAY, HOUR, increments, MINUTE, repeat } from './testing';
import type { SloInput } from './types';

const AT = Date.parse('2026-11-26T12:00:00Z');

describe('evaluateSlo: counting events', () => {
  it('counts a counter reset as a restart from zero', () => {
    const times = [0, 1, 2, 3, 4].map((i) => AT - (4 - i) * MINUTE);
    const result = evaluateSlo({
      total: [{ kind: 'counter', times, values: [0, 10, 20, 5, 15] }],
      good: [{ kind: 'counter', times, values: [0, 10, 19, 4, 14] }],
      objective: { target: 0.9, window: '1h' },
      at: AT,
    });
    // Increments: total 10 + 10 + 5 + 10 = 35, good 10 + 9 + 4 + 10 = 33.
    expect(result.events).toEqual({ good: 33, bad: 2, total: 35 });
    expect(result.sli).toBeCloseTo(33 / 35, 12);
    expect(result.errorBudget.allowed).toBeCloseTo(3.5, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(2 / 3.5, 12);
    expect(result.errorBudget.remaining).toBeCloseTo(1 - 2 / 3.5, 12);
  });

  it('excludes the increment at the window start and includes the one at its end', () => {
    const result = evaluateSlo({
      total: [
        { kind: 'increment', times: [AT - HOUR - 1, AT - HOUR, AT - HOUR + 1, AT, AT + 1], values: [1, 2, 4, 8, 16] },
      ],
      bad: [{ kind: 'increment', times: [AT - HOUR], values: [2] }],
      objective: { target: 0.99, window: '1h' },
      at: AT,
    });
    expect(result.events).toEqual({ good: 12, bad: 0, total: 12 });
    expect(result.window).toMatchObject({ start: AT - HOUR, end: AT, length: HOUR, key: '1h', calendar: false });
  });

  it('sums several series of one role and reads bad events directly', () => {
    const result = evaluateSlo({
      total: [increments(repeat(60, 60), AT), increments(repeat(40, 60), AT)],
      bad: [increments(repeat(1, 60), AT)],
      objective: { target: 0.999, window: '1h' },
      at: AT,
    });
    expect(result.events).toEqual({ good: 5940, bad: 60, total: 6000 });
    expect(result.sli).toBeCloseTo(0.99, 12);
    // 1% bad against 0.1% allowed: ten times the budget, a burn rate of 10.
    expect(result.errorBudget.consumed).toBeCloseTo(10, 9);
    expect(result.errorBudget.remaining).toBeCloseTo(-9, 9);
    expect(result.burnRate['1h']).toBeCloseTo(10, 9);
  });

  it('treats missing samples as gaps, not zeros', () => {
    const times = [0, 1, 2, 3].map((i) => AT - (3 - i) * MINUTE);
    const result = evaluateSlo({
      total: [{ kind: 'counter', times, values: [100, NaN, 130, 140] }],
      good: [{ kind: 'counter', times, values: [100, 110, NaN, 139] }],
      objective: { target: 0.9, window: '1h' },
      at: AT,
    });
    expect(result.events).toEqual({ good: 39, bad: 1, total: 40 });
  });

  it('reports no data as null, never as a number', () => {
    const result = evaluateSlo({ total: [], good: [], objective: { target: 0.999, window: '30d' }, at: AT });
    expect(result.events).toEqual({ good: 0, bad: 0, total: 0 });
    expect(result.sli).toBeNull();
    expect(result.errorBudget).toEqual({ allowed: 0, consumed: null, remaining: null });
    expect(Object.values(result.burnRate).every((rate) => rate === null)).toBe(true);
    expect(result.timeToExhaustion).toBeNull();
    expect(result.coverage).toBe(0);
    expect(result.alerts.some((alert) => alert.firing)).toBe(false);
    expect(result.series.sli.every((value) => value === null)).toBe(true);
  });
});

describe('evaluateSlo: burn rates and alert tiers', () => {
  it('reports every standard window and the SLO window', () => {
    const result = evaluateSlo({
      total: [increments(repeat(100, 60 * 24 * 7), AT)],
      bad: [increments(repeat(0.5, 60 * 24 * 7), AT)],
      objective: { target: 0.99, window: '7d' },
      at: AT,
    });
    expect(Object.keys(result.burnRate).sort()).toEqual(['1d', '1h', '2h', '30m', '3d', '5m', '6h', '7d'].sort());
    for (const rate of Object.values(result.burnRate)) {
      expect(rate).toBeCloseTo(0.5, 9);
    }
  });

  it('scales the default tiers with the window so each keeps its budget share', () => {
    const thirty = evaluateSlo({ total: [], good: [], objective: { target: 0.999, window: '30d' }, at: AT });
    expect(thirty.alerts.map((tier) => [tier.severity, tier.longWindow, tier.shortWindow])).toEqual([
      ['page', '1h', '5m'],
      ['page', '6h', '30m'],
      ['ticket', '1d', '2h'],
      ['ticket', '3d', '6h'],
    ]);
    expect(thirty.alerts.map((tier) => tier.factor)).toEqual([14.4, 6, 3, 1].map((f) => expect.closeTo(f, 9)));
    const week = evaluateSlo({ total: [], good: [], objective: { target: 0.999, window: '7d' }, at: AT });
    expect(week.alerts.map((tier) => tier.factor)).toEqual(
      [0.02 * 168, (0.05 * 168) / 6, (0.1 * 168) / 24, (0.1 * 168) / 72].map((f) => expect.closeTo(f, 9))
    );
    expect(week.alerts.map((tier) => tier.budgetShare)).toEqual([0.02, 0.05, 0.1, 0.1]);
  });

  it('fires a tier only when both windows burn faster than its factor', () => {
    const minutes = 6 * 60;
    // 0.1% allowed. The hour fails 2%, its last 5 minutes 2.5%: 1h ≈ 20.4x, 5m = 25x.
    const bad = [...repeat(0, minutes - 60), ...repeat(2, 55), ...repeat(2.5, 5)];
    const input: SloInput = {
      total: [increments(repeat(100, minutes), AT)],
      bad: [increments(bad, AT)],
      objective: { target: 0.999, window: '30d' },
      at: AT,
    };
    const result = evaluateSlo(input);
    const page = result.alerts[0];
    expect(page.longBurnRate).toBeCloseTo((55 * 2 + 5 * 2.5) / 6000 / 0.001, 9);
    expect(page.shortBurnRate).toBeCloseTo(25, 9);
    expect(page.firing).toBe(true);
    // The 6h tier (6x): 6h holds 122.5 bad of 36,000, a 3.4x burn: not firing.
    expect(result.alerts[1].longBurnRate).toBeCloseTo(122.5 / 36, 9);
    expect(result.alerts[1].firing).toBe(false);

    // Same hour, but the last 5 minutes are clean: the short window vetoes the page.
    const recovered = evaluateSlo({ ...input, bad: [increments([...bad.slice(0, -5), ...repeat(0, 5)], AT)] });
    expect(recovered.alerts[0].longBurnRate).toBeGreaterThan(14.4);
    expect(recovered.alerts[0].firing).toBe(false);
  });

  it('keeps a tier quiet below the minimum number of events', () => {
    const input: SloInput = {
      total: [increments(repeat(1, 60), AT)],
      bad: [increments(repeat(1, 60), AT)],
      objective: { target: 0.999, window: '30d' },
      at: AT,
    };
    expect(evaluateSlo(input).alerts[0].firing).toBe(true);
    expect(evaluateSlo({ ...input, minEvents: 61 }).alerts[0].firing).toBe(false);
    expect(evaluateSlo({ ...input, minEvents: 60 }).alerts[0].firing).toBe(true);
  });

  it('uses custom tiers with a factor or a budget share', () => {
    const result = evaluateSlo({
      total: [increments(repeat(100, 120), AT)],
      bad: [increments(repeat(1, 120), AT)],
      objective: { target: 0.99, window: '28d' },
      at: AT,
      alertTiers: [
        { severity: 'page', longWindow: '1h', shortWindow: '10m', factor: 0.5 },
        { severity: 'ticket', longWindow: '2h', shortWindow: '15m', budgetShare: 0.5 },
      ],
    });
    expect(result.alerts[0]).toMatchObject({ factor: 0.5, longBurnRate: expect.closeTo(1, 9), firing: true });
    expect(result.alerts[0].budgetShare).toBeCloseTo((0.5 * 1) / (28 * 24), 12);
    expect(result.alerts[1]).toMatchObject({ factor: expect.closeTo(0.5 * 28 * 12, 9), firing: false });
    expect(result.burnRate['10m']).toBeCloseTo(1, 9);
    expect(result.burnRate['15m']).toBeCloseTo(1, 9);
  });

  it('records when each tier fired', () => {
    // A 30-minute total outage ending 2 hours before the evaluation.
    const minutes = 12 * 60;
    const bad = repeat(0, minutes).map((_, i) => (i >= minutes - 150 && i < minutes - 120 ? 100 : 0));
    const result = evaluateSlo({
      total: [increments(repeat(100, minutes), AT)],
      bad: [increments(bad, AT)],
      objective: { target: 0.999, window: '30d' },
      at: AT,
    });
    const [page] = result.series.firing;
    const outageStart = AT - 150 * MINUTE;
    // One failed minute already burns the 1h window at 16.7x (and the 5m one at 200x), so the page
    // fires from the first failed sample; it stops when the 5m window holds no failure any more.
    expect(page).toEqual([{ start: outageStart + MINUTE, end: outageStart + 35 * MINUTE }]);
    // The 6h tier (6x) needs 0.6% of 360 minutes of traffic to fail: 2.16 minutes, so from the third
    // failed minute; its 30m window keeps a failed minute until 30 minutes after the outage.
    expect(result.series.firing[1]).toEqual([{ start: outageStart + 3 * MINUTE, end: outageStart + 60 * MINUTE }]);
    expect(result.alerts[0].firing).toBe(false);
  });
});

describe('evaluateSlo: the SRE Workbook', () => {
  const minutes = 30 * 24 * 60;

  it('spends 2% of a 99.9% 30-day budget with a 14.4x burn over one hour', () => {
    const bad = [...repeat(0, minutes - 60), ...repeat(14.4, 60)];
    const result = evaluateSlo({
      total: [increments(repeat(1000, minutes), AT)],
      bad: [increments(bad, AT)],
      objective: { target: 0.999, window: '30d' },
      at: AT,
    });
    expect(result.burnRate['1h']).toBeCloseTo(14.4, 9);
    expect(result.errorBudget.consumed).toBeCloseTo(0.02, 9);
    expect(result.errorBudget.remaining).toBeCloseTo(0.98, 9);
  });

  it('exhausts the budget in about 43 minutes at a 1000x burn', () => {
    const burn = (failedMinutes: number) =>
      evaluateSlo({
        total: [increments(repeat(1000, minutes), AT)],
        // A 1000x burn of a 0.1% budget fails every request.
        bad: [increments([...repeat(0, minutes - failedMinutes), ...repeat(1000, failedMinutes)], AT)],
        objective: { target: 0.999, window: '30d' },
        at: AT,
      });
    expect(burn(43).errorBudget.remaining).toBeGreaterThan(0);
    expect(burn(44).errorBudget.remaining).toBeLessThan(0);
    expect(burn(60).burnRate['1h']).toBeCloseTo(1000, 9);
    expect(burn(44).timeToExhaustion).toBe(0);
  });

  it('projects the time to exhaustion at the 1h burn rate', () => {
    // Half the budget spent evenly over 30 days: a steady 0.5x burn... then a 2x last hour.
    const bad = [...repeat(0.5, minutes - 60), ...repeat(2, 60)];
    const result = evaluateSlo({
      total: [increments(repeat(1000, minutes), AT)],
      bad: [increments(bad, AT)],
      objective: { target: 0.999, window: '30d' },
      at: AT,
    });
    const remaining = 1 - ((minutes - 60) * 0.5 + 60 * 2) / (0.001 * 1000 * minutes);
    expect(result.errorBudget.remaining).toBeCloseTo(remaining, 9);
    expect(result.timeToExhaustion).toBeCloseTo((remaining * 30 * DAY) / 2, 0);
  });
});
