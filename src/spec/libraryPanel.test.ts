import fc from 'fast-check';

import { sloSpec } from './arbitraries';
import { libraryPanelToSlo, sloToLibraryPanel, timeFromOf } from './libraryPanel';
import { latencySlo, ratioSlo, rawSlo, thresholdSlo } from './testing';

/** The library element as Grafana's GET answers: the body plus id, version and meta, in `result`. */
function stored(body: unknown) {
  return {
    result: {
      ...(typeof body === 'object' ? body : {}),
      id: 7,
      orgId: 1,
      version: 3,
      meta: { folderName: 'Payments', folderUid: 'slo-payments', connectedDashboards: 2 },
    },
  };
}

/** A deep copy of the body, as JSON would give it back. */
const viaJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('sloToLibraryPanel', () => {
  it('makes a Nines SLO panel whose targets are the ratio queries', () => {
    const body = sloToLibraryPanel(ratioSlo());
    const datasource = { uid: 'prometheus-main', type: 'prometheus' };
    expect(body).toMatchObject({
      uid: 'checkout-availability',
      folderUid: 'slo-payments',
      name: 'Checkout availability',
      kind: 1,
    });
    expect(body.model).toMatchObject({
      type: 'nines-slo-panel',
      title: 'Checkout availability',
      description: 'Checkout requests that do not fail with a server error.',
      datasource,
      // 30 days in 5-minute steps: 8,640 points, under Prometheus' 11,000 (src/query/intervalPlan.ts).
      maxDataPoints: 8640,
      interval: '5m',
      timeFrom: '30d',
    });
    expect(body.model.targets).toEqual([
      {
        refId: 'bad',
        datasource,
        expr: 'http_requests_total{job="checkout",code=~"5.."}',
        range: true,
        instant: false,
        interval: '5m',
        legendFormat: '__auto',
      },
      {
        refId: 'total',
        datasource,
        expr: 'http_requests_total{job="checkout"}',
        range: true,
        instant: false,
        interval: '5m',
        legendFormat: '__auto',
      },
    ]);
    expect(body.model.options).toEqual({
      view: 'summary',
      objective: {
        target: 99.9,
        window: '30d',
        budgetingMethod: 'Occurrences',
        timeSliceWindow: '5m',
        timeSliceTarget: 0,
      },
      queries: { eventKind: 'bad', eventRefId: 'bad', totalRefId: 'total', valueKind: 'counter' },
      alerting: ratioSlo().alerting,
      sloUid: 'checkout-availability',
    });
    expect(body.model.nines).toEqual({
      schemaVersion: 1,
      spec: {
        service: 'checkout',
        team: 'payments',
        labels: { tier: '1', env: 'prod' },
        runbookUrl: 'https://runbooks.example.com/checkout',
        timeZone: 'UTC',
        source: ratioSlo().sli.source,
      },
    });
  });

  it('puts raw queries into the targets as they are', () => {
    const { model } = sloToLibraryPanel(rawSlo(), { view: 'trend' });
    const datasource = { uid: 'loki-main', type: 'loki' };
    expect(model.targets).toEqual([
      {
        refId: 'good',
        datasource,
        expr: 'sum(count_over_time({app="search"} |= "ok" [$__interval]))',
        queryType: 'range',
      },
      { refId: 'total', datasource, expr: 'sum(count_over_time({app="search"} [$__interval]))', queryType: 'range' },
    ]);
    expect(model.nines.spec.source).toEqual({ kind: 'raw' });
    expect(model.options.view).toBe('trend');
  });

  it('makes the targets of a threshold SLI count good points and all points per step, read as increments', () => {
    const { model } = sloToLibraryPanel(thresholdSlo());
    const p99 =
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))';
    expect(model.targets.map(({ refId, expr, interval }) => ({ refId, expr, interval }))).toEqual([
      { refId: 'good', expr: `sum((${p99}) <= bool 0.3)`, interval: '1m' },
      { refId: 'total', expr: `count((${p99}))`, interval: '1m' },
    ]);
    expect(model.options.queries).toMatchObject({ eventKind: 'good', valueKind: 'increment' });
    expect(model.nines.spec.source).toEqual(thresholdSlo().sli.source);
  });

  it("asks for the interval plan's step: 1-minute data for a week, coarser for longer windows", () => {
    const week = sloToLibraryPanel({ ...ratioSlo(), objective: { ...ratioSlo().objective, window: '7d' } }).model;
    expect([week.interval, week.maxDataPoints]).toEqual(['1m', 10_080]);
    expect(week.targets.map((target) => target.interval)).toEqual(['1m', '1m']);
    const quarter = sloToLibraryPanel({
      ...latencySlo(),
      objective: { ...latencySlo().objective, window: 'calendar:quarter' },
    }).model;
    expect([quarter.interval, quarter.maxDataPoints]).toEqual(['15m', 8836]);
  });

  it('queries the calendar period so far', () => {
    expect(sloToLibraryPanel(latencySlo()).model.timeFrom).toBe('now/M');
    expect(timeFromOf('calendar:week')).toBe('now/w');
    expect(timeFromOf('calendar:quarter')).toBe('now/fQ');
    expect(timeFromOf('28d')).toBe('28d');
    expect(timeFromOf('1h30m')).toBe('90m');
  });
});

describe('libraryPanelToSlo', () => {
  it.each([
    ['ratio', ratioSlo()],
    ['latency', latencySlo()],
    ['raw', rawSlo()],
    ['threshold', thresholdSlo()],
  ])('reads back the %s SLO from what Grafana stores', (_, slo) => {
    expect(libraryPanelToSlo(viaJson(stored(sloToLibraryPanel(slo))))).toEqual({ ok: true, slo });
  });

  it('is the inverse of sloToLibraryPanel for every valid spec', () => {
    fc.assert(
      fc.property(sloSpec, (slo) => {
        expect(libraryPanelToSlo(viaJson(sloToLibraryPanel(slo)))).toEqual({ ok: true, slo });
      }),
      { numRuns: 300 }
    );
  });

  it('keeps queries edited in a dashboard, as raw queries', () => {
    const body = sloToLibraryPanel(ratioSlo());
    body.model.targets[0].expr = 'http_requests_total{job="checkout",code=~"5..|429"}';
    const result = libraryPanelToSlo(body);
    expect(result.ok && result.slo.sli.source).toEqual({
      kind: 'raw',
      eventQuery: {
        expr: 'http_requests_total{job="checkout",code=~"5..|429"}',
        range: true,
        instant: false,
        interval: '5m',
        legendFormat: '__auto',
      },
      totalQuery: {
        expr: 'http_requests_total{job="checkout"}',
        range: true,
        instant: false,
        interval: '5m',
        legendFormat: '__auto',
      },
    });
  });

  it('keeps a threshold query edited in a dashboard as raw queries that still count points', () => {
    const body = sloToLibraryPanel(thresholdSlo());
    body.model.targets[0].expr = 'sum((my_p99) <= bool 0.5)';
    const result = libraryPanelToSlo(body);
    expect(result.ok && result.slo.sli).toMatchObject({
      valueKind: 'increment',
      eventKind: 'good',
      source: { kind: 'raw', eventQuery: { expr: 'sum((my_p99) <= bool 0.5)' } },
    });
  });

  it('keeps objective and alerting edited in the panel options', () => {
    const body = sloToLibraryPanel(ratioSlo());
    body.model.options.objective.target = 99.5;
    body.model.options.alerting.tiers[0].enabled = false;
    const result = libraryPanelToSlo(body);
    expect(result.ok && result.slo.objective.target).toBe(99.5);
    expect(result.ok && result.slo.alerting.tiers[0].enabled).toBe(false);
  });

  it('names the fields of the element that are wrong', () => {
    const body = viaJson(sloToLibraryPanel(ratioSlo()));
    const element = {
      ...(typeof body === 'object' ? body : {}),
      uid: 'no spaces please',
      model: {
        ...sloToLibraryPanel(ratioSlo()).model,
        options: {
          ...sloToLibraryPanel(ratioSlo()).model.options,
          objective: { ...ratioSlo().objective, target: 120 },
        },
        nines: {
          schemaVersion: 1,
          spec: { ...sloToLibraryPanel(ratioSlo()).model.nines.spec, labels: { 'a-b': 'x' }, timeZone: 'Nowhere' },
        },
      },
    };
    const result = libraryPanelToSlo(element);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([
      'uid',
      'model.nines.spec.labels.a-b',
      'model.options.objective.target',
      'model.nines.spec.timeZone',
    ]);
  });

  it('names wrong raw targets by their index', () => {
    const body = sloToLibraryPanel(rawSlo());
    body.model.targets.reverse();
    body.model.targets[1].apiKey = 'x';
    const result = libraryPanelToSlo(body);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['model.targets[1].apiKey']);
  });

  it('rejects elements that are not Nines SLO panels', () => {
    expect(
      libraryPanelToSlo({ uid: 'x', kind: 2, model: { type: 'timeseries', targets: [], options: {}, datasource: {} } })
    ).toEqual({
      ok: false,
      errors: [
        { path: 'kind', message: 'must be 1 (a library panel), got 2' },
        { path: 'model.type', message: 'must be nines-slo-panel, got "timeseries"' },
        {
          path: 'model.targets',
          message: 'has no event query: a target with refId good or bad, or the one the options name',
        },
        {
          path: 'model.targets',
          message: 'has no total query: a target with refId total, or the one the options name',
        },
      ],
    });
    expect(libraryPanelToSlo(null)).toEqual({
      ok: false,
      errors: [
        { path: '', message: 'must be an object, got null' },
        { path: 'model', message: 'is required' },
        { path: 'model.options', message: 'is required' },
        { path: 'model.datasource', message: 'is required' },
        { path: 'model.targets', message: 'is required' },
        {
          path: 'model.targets',
          message: 'has no event query: a target with refId good or bad, or the one the options name',
        },
        {
          path: 'model.targets',
          message: 'has no total query: a target with refId total, or the one the options name',
        },
      ],
    });
  });

  it('refuses a model written by a newer Nines and targets of another datasource', () => {
    const body = sloToLibraryPanel(ratioSlo());
    body.model.nines.schemaVersion = 2;
    body.model.targets[1].datasource = { uid: 'other', type: 'prometheus' };
    const result = libraryPanelToSlo(body);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'model.nines.schemaVersion', message: 'is 2: the SLO was saved by a newer version of Nines' },
      {
        path: 'model.targets[1].datasource.uid',
        message: 'must be the panel\'s datasource "prometheus-main", got "other"',
      },
    ]);
  });

  it('reads a Nines panel without a nines block, reporting the details it lacks', () => {
    const { nines, ...model } = sloToLibraryPanel(ratioSlo()).model;
    const result = libraryPanelToSlo({ ...sloToLibraryPanel(ratioSlo()), model });
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'model.nines.spec.service', message: 'is required' }]);
    expect(nines.schemaVersion).toBe(1);
  });
});
