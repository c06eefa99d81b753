import { ratioSlo } from '../spec/testing';
import { FieldType, LoadingState, toDataFrame, type PanelData } from '@grafana/data';
import { previewFigures, previewModel, previewSlo, previewTimeRange, silentQueries } from './sliPreview';

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

  it('names the queries that answered no samples while the others did', () => {
    const frame = (refId: string, values: number[]) =>
      toDataFrame({
        refId,
        fields: [
          { name: 'Time', type: FieldType.time, values: values.map((_, index) => index * 60_000) },
          { name: 'Value', type: FieldType.number, values },
        ],
      });
    const data = (series: PanelData['series']): PanelData => ({
      state: LoadingState.Done,
      series,
      timeRange: previewTimeRange('24h', 'UTC', 86_400_000),
    });
    expect(silentQueries(data([frame('total', [5, 6])]), ['bad', 'total'])).toEqual(['bad']);
    expect(silentQueries(data([frame('bad', []), frame('total', [5])]), ['bad', 'total'])).toEqual(['bad']);
    expect(silentQueries(data([frame('bad', [1]), frame('total', [5])]), ['bad', 'total'])).toEqual([]);
    // No samples at all is "No data", not a query to point at.
    expect(silentQueries(data([]), ['bad', 'total'])).toEqual([]);
  });
});
