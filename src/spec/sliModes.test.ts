import { sloToLibraryPanel } from './libraryPanel';
import {
  builderAsRaw,
  builderQueries,
  hasQueryBuilders,
  remember,
  sliProblems,
  switchMode,
  usesExprField,
  withDatasource,
} from './sliModes';
import { newSloSpec } from './defaults';
import { latencySlo, ratioSlo, rawSlo, thresholdSlo } from './testing';
import type { RawSource, SloSpec } from './types';

/** A new SLO (no uid, name or service yet) with a complete ratio builder. */
function newRatio(): SloSpec {
  const slo = newSloSpec();
  return { ...slo, sli: { ...ratioSlo().sli, datasource: { uid: 'prom', type: 'prometheus' } } };
}

describe('sliProblems', () => {
  it("keeps only the SLI's problems, so a new SLO without uid or name has a complete SLI", () => {
    expect(sliProblems(newRatio())).toEqual([]);
  });

  it('names the field of an incomplete builder', () => {
    const paths = sliProblems(newSloSpec()).map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['sli.datasource.uid', 'sli.source.metric', 'sli.source.eventMatchers'])
    );
    expect(paths.every((path) => path.startsWith('sli.'))).toBe(true);
  });
});

describe('builderQueries', () => {
  it("writes the builder's PromQL", () => {
    expect(builderQueries(ratioSlo())).toEqual({
      event: 'http_requests_total{job="checkout",code=~"5.."}',
      total: 'http_requests_total{job="checkout"}',
    });
  });

  it('writes it before a datasource is chosen', () => {
    const slo = newRatio();
    expect(builderQueries({ ...slo, sli: { ...slo.sli, datasource: { uid: '', type: 'prometheus' } } })).not.toBeNull();
  });

  it('writes nothing while a name is invalid, and nothing for raw queries', () => {
    const slo = ratioSlo();
    const source = { ...slo.sli.source, metric: 'http requests' };
    expect(builderQueries({ ...slo, sli: { ...slo.sli, source } })).toBeNull();
    expect(builderQueries(rawSlo())).toBeNull();
  });
});

describe('switchMode', () => {
  it("starts raw queries from the builder's queries, as the library panel's targets hold them but for the window's interval", () => {
    const slo = ratioSlo();
    const sli = switchMode(slo, 'raw', {});
    const [event, total] = sloToLibraryPanel(slo).model.targets;
    const { refId, datasource, interval, ...eventQuery } = event;
    expect(sli.source).toEqual({
      kind: 'raw',
      eventQuery,
      totalQuery: { ...eventQuery, expr: total.expr },
    });
    expect(eventQuery).toEqual({
      expr: 'http_requests_total{job="checkout",code=~"5.."}',
      range: true,
      instant: false,
      legendFormat: '__auto',
    });
    expect(sli.valueKind).toBe('counter');
    expect(sli.datasource).toEqual(slo.sli.datasource);
  });

  it('keeps the raw queries the user had when the builder is incomplete', () => {
    const slo = newSloSpec();
    const raw: RawSource = { kind: 'raw', eventQuery: { expr: 'a' }, totalQuery: { expr: 'b' } };
    expect(switchMode(slo, 'raw', { raw }).source).toBe(raw);
    expect(switchMode(slo, 'raw', {}).source).toEqual({
      kind: 'raw',
      eventQuery: { expr: '' },
      totalQuery: { expr: '' },
    });
  });

  it('brings a builder back as the user left it', () => {
    const ratio = ratioSlo();
    const remembered = remember({}, ratio.sli);
    const raw = { ...ratio, sli: { ...ratio.sli, valueKind: 'increment' as const, source: rawSlo().sli.source } };
    const sli = switchMode(raw, 'prometheusRatio', remembered);
    expect(sli.source).toBe(ratio.sli.source);
    expect(sli.valueKind).toBe('counter');
  });

  it('brings a ratio back with the event kind of its condition after latency mode counted good events', () => {
    const ratio = ratioSlo();
    expect(ratio.sli.eventKind).toBe('bad');
    const remembered = remember({}, ratio.sli);
    const latency = switchMode(ratio, 'prometheusLatency', remembered);
    expect(latency.eventKind).toBe('good');
    const back = switchMode({ ...ratio, sli: latency }, 'prometheusRatio', remember(remembered, latency));
    expect(back).toEqual(ratio.sli);
  });

  it('moves from ratio to latency with the metric and matchers, counting good events', () => {
    const sli = switchMode(ratioSlo(), 'prometheusLatency', {});
    expect(sli.eventKind).toBe('good');
    expect(sli.source).toEqual({
      kind: 'prometheusLatency',
      metric: 'http_requests_total',
      matchers: [{ name: 'job', op: '=', value: 'checkout' }],
      thresholdLe: '',
    });
  });

  it('moves to threshold with the selector of the metric and matchers, counting good points as increments', () => {
    expect(switchMode(ratioSlo(), 'prometheusThreshold', {})).toEqual({
      ...ratioSlo().sli,
      eventKind: 'good',
      valueKind: 'increment',
      source: { kind: 'prometheusThreshold', query: 'http_requests_total{job="checkout"}', op: 'lte', threshold: 0 },
    });
    const unnamed = { ...ratioSlo(), sli: { ...ratioSlo().sli, source: { ...ratioSlo().sli.source, metric: '' } } };
    expect(switchMode(unnamed, 'prometheusThreshold', {}).source).toMatchObject({ query: '' });
  });

  it('keeps a threshold SLI read as increments in raw mode, and brings the threshold back', () => {
    const slo = thresholdSlo();
    const raw = switchMode(slo, 'raw', {});
    expect(raw.valueKind).toBe('increment');
    expect(raw.source).toMatchObject({ kind: 'raw', eventQuery: { expr: builderQueries(slo)?.event } });
    const remembered = remember({}, slo.sli);
    const back = switchMode({ ...slo, sli: raw }, 'prometheusThreshold', remembered);
    expect(back).toEqual(slo.sli);
    const ratio = switchMode(slo, 'prometheusRatio', remembered);
    expect(ratio).toMatchObject({ valueKind: 'counter', source: { kind: 'prometheusRatio', metric: '' } });
  });

  it('leaves the SLI as it is when the mode does not change', () => {
    const slo = latencySlo();
    expect(switchMode(slo, 'prometheusLatency', {})).toBe(slo.sli);
  });
});

describe('withDatasource', () => {
  it('changes only the uid within one plugin type', () => {
    const slo = ratioSlo();
    expect(withDatasource(slo, { uid: 'other', type: 'prometheus' })).toEqual({
      ...slo.sli,
      datasource: { uid: 'other', type: 'prometheus' },
    });
  });

  it('gives a non-Prometheus datasource empty raw queries of increments', () => {
    const sli = withDatasource(ratioSlo(), { uid: 'logs', type: 'loki' });
    expect(sli.datasource).toEqual({ uid: 'logs', type: 'loki' });
    expect(sli.source).toEqual({ kind: 'raw', eventQuery: { expr: '' }, totalQuery: { expr: '' } });
    expect(sli.valueKind).toBe('increment');
    expect(withDatasource(ratioSlo(), { uid: 'db', type: 'postgres' }).source).toEqual({
      kind: 'raw',
      eventQuery: {},
      totalQuery: {},
    });
  });

  it('starts Prometheus with the ratio builder', () => {
    const sli = withDatasource(rawSlo(), { uid: 'prom', type: 'prometheus' });
    expect(sli.source.kind).toBe('prometheusRatio');
    expect(sli.valueKind).toBe('counter');
  });

  it("keeps a threshold SLI's points as increments on a Prometheus fork", () => {
    const fork = { uid: 'amp', type: 'grafana-amazonprometheus-datasource' };
    expect(withDatasource(thresholdSlo(), fork)).toMatchObject({ datasource: fork, valueKind: 'increment' });
  });

  it("keeps PromQL between Prometheus and Grafana's Prometheus forks", () => {
    const amazon = { uid: 'amp', type: 'grafana-amazonprometheus-datasource' };
    const sli = withDatasource(ratioSlo(), amazon);
    expect(sli.source).toEqual(builderAsRaw(ratioSlo()));
    const back = withDatasource({ ...ratioSlo(), sli }, { uid: 'prom', type: 'prometheus' });
    expect(back.source).toBe(sli.source);
  });
});

describe('the query fields', () => {
  it('offers the builders for Prometheus only', () => {
    expect(hasQueryBuilders('prometheus')).toBe(true);
    expect(hasQueryBuilders('loki')).toBe(false);
    expect(hasQueryBuilders('grafana-amazonprometheus-datasource')).toBe(false);
  });

  it('edits expr-based query models as text and others as JSON', () => {
    expect(usesExprField('prometheus', {})).toBe(true);
    expect(usesExprField('loki', {})).toBe(true);
    expect(usesExprField('some-datasource', { expr: 'up' })).toBe(true);
    expect(usesExprField('postgres', { rawSql: 'select 1' })).toBe(false);
  });
});
