import { ratioSlo } from '../spec/testing';
import { previewFigures, previewModel, previewSlo, previewTimeRange } from './sliPreview';

describe('the SLI preview', () => {
  it("evaluates the SLO's SLI and target over the preview range, counting occurrences, without alert tiers", () => {
    const slo = ratioSlo();
    const preview = previewSlo(
      { ...slo, objective: { ...slo.objective, budgetingMethod: 'Timeslices', timeSliceWindow: '1d' } },
      '24h'
    );
    expect(preview.objective).toMatchObject({ window: '24h', budgetingMethod: 'Occurrences', target: 99.9 });
    expect(preview.alerting).toEqual({ tiers: [], minEvents: slo.alerting.minEvents });
    expect(preview.sli).toBe(slo.sli);
  });

  it("runs the library panel's targets over the range, also for an SLO without uid or name", () => {
    const model = previewModel({ ...ratioSlo(), uid: '', name: '' }, '7d');
    expect(model.targets.map((target) => target.expr)).toEqual([
      'http_requests_total{job="checkout",code=~"5.."}',
      'http_requests_total{job="checkout"}',
    ]);
    expect(model.timeFrom).toBe('7d');
    expect(model.options.objective.window).toBe('7d');
  });

  it('ends the range now and starts it 24 hours or 7 days before', () => {
    const now = Date.parse('2026-03-02T10:30:00Z');
    const day = previewTimeRange('24h', 'UTC', now);
    expect(day.to.valueOf()).toBe(now);
    expect(day.from.valueOf()).toBe(now - 86_400_000);
    expect(previewTimeRange('7d', 'Europe/Berlin', now).from.valueOf()).toBe(now - 7 * 86_400_000);
  });

  it('never shows a number that is not finite', () => {
    expect(previewFigures({ good: 990, bad: 10, total: 1000 }, 0.99)).toEqual({
      sli: 0.99,
      good: 990,
      bad: 10,
      total: 1000,
    });
    expect(previewFigures({ good: Number.NaN, bad: Infinity, total: 0 }, Number.NaN)).toEqual({
      sli: null,
      good: null,
      bad: null,
      total: 0,
    });
  });
});
