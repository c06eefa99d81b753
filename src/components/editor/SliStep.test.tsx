import React from 'react';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DataSourceApi, QueryEditorProps } from '@grafana/data';
import { FakeDatasource, installDatasource } from '../../pages/testing/fakeDatasource';
import { newSloSpec } from '../../spec/defaults';
import { ratioSlo, thresholdSlo } from '../../spec/testing';
import type { SloSpec } from '../../spec/types';
import { testIds } from '../testIds';
import { stubIntersectionObserver } from '../../pages/testing/jsdom';
import { choose, renderSliStep, type } from './sli/testing';

// CI runs suites side by side on two cores: @grafana/ui's menus can take more than a second there.
configure({ asyncUtilTimeout: 10_000 });

const ids = testIds.sliStep;
const noData = () => ({ data: [] });

function newPrometheusSlo(): SloSpec {
  const slo = newSloSpec();
  return { ...slo, sli: { ...slo.sli, datasource: { uid: 'prom', type: 'prometheus' } } };
}

/** Adds a matcher row to a list and fills it in. */
function addMatcher(list: 'matchers' | 'eventMatchers', row: string, label: string, op: string, value: string) {
  fireEvent.click(screen.getByTestId(ids.addMatcher(list)));
  const rows = screen.getByTestId(ids.matchers(list));
  type(within(rows).getByLabelText(`${row} label`), label);
  fireEvent.click(within(within(rows).getByLabelText(`${row} operator`)).getByLabelText(op));
  type(within(rows).getByLabelText(`${row} value`), value);
}

/** Picks an option of a @grafana/ui Select by its label. */
async function pick(label: string, option: string) {
  const input = screen.getByRole('combobox', { name: label });
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  const choice = await screen.findByText(option, { selector: '[role="option"] *, [role="option"]' });
  // The step then loads the datasource's frontend.
  await act(async () => {
    fireEvent.click(choice);
  });
}

describe('the SLI step', () => {
  beforeAll(stubIntersectionObserver);

  it('builds a ratio SLI from what the user types, and shows its PromQL', async () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', noData));
    const { lastSli } = await renderSliStep(newPrometheusSlo());

    expect(screen.getByTestId(ids.promql)).toHaveTextContent('Complete the fields above to see the queries.');
    type(screen.getByTestId(ids.metric), 'http_requests_total');
    addMatcher('matchers', 'Matcher 1', 'job', '=', 'checkout');
    addMatcher('eventMatchers', 'Condition 1', 'code', '=~', '5..');
    choose(ids.eventKind, 'Bad');
    const groupBy = within(screen.getByTestId(ids.groupBy)).getByPlaceholderText('Add a label');
    type(groupBy, 'route');
    fireEvent.keyDown(groupBy, { key: 'Enter' });

    expect(screen.getByTestId(ids.promqlEvent)).toHaveTextContent('http_requests_total{job="checkout",code=~"5.."}');
    expect(screen.getByTestId(ids.promqlTotal)).toHaveTextContent('http_requests_total{job="checkout"}');
    expect(screen.getByTestId(ids.promql)).toHaveTextContent('Bad events');
    expect(lastSli()).toEqual({
      datasource: { uid: 'prom', type: 'prometheus' },
      eventKind: 'bad',
      valueKind: 'counter',
      source: {
        kind: 'prometheusRatio',
        metric: 'http_requests_total',
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
        eventMatchers: [{ name: 'code', op: '=~', value: '5..' }],
        groupBy: ['route'],
      },
    });
  });

  it("keeps each matcher row's operator its own: rows' radios do not form one group", async () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', noData));
    await renderSliStep(newPrometheusSlo());

    addMatcher('matchers', 'Matcher 1', 'job', '!=', 'batch');
    addMatcher('matchers', 'Matcher 2', 'env', '=~', 'prod|staging');

    const rows = screen.getByTestId(ids.matchers('matchers'));
    const checked = (row: string) =>
      within(within(rows).getByLabelText(`${row} operator`)).getByLabelText<HTMLInputElement>;
    expect(checked('Matcher 1')('!=').checked).toBe(true);
    expect(checked('Matcher 2')('=~').checked).toBe(true);
    const names = [...rows.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map(
      (radio) => radio.name
    );
    expect(new Set(names).size).toBe(2);
  });

  it('removes a matcher row', async () => {
    installDatasource(new FakeDatasource('prometheus-main', 'prometheus', noData));
    const { lastSli } = await renderSliStep(ratioSlo());

    fireEvent.click(screen.getByRole('button', { name: 'Remove matcher 1' }));
    expect(lastSli()?.source).toMatchObject({ matchers: [] });
    expect(screen.getByTestId(ids.promqlTotal)).toHaveTextContent(/^http_requests_total$/);
  });

  it('builds a latency SLI of good requests from a histogram and a bucket', async () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', noData));
    const { lastSli } = await renderSliStep(newPrometheusSlo());

    choose(ids.mode, 'Latency');
    type(screen.getByTestId(ids.metric), 'http_request_duration_seconds');
    addMatcher('matchers', 'Matcher 1', 'job', '=', 'checkout');
    type(screen.getByTestId(ids.thresholdLe), '0.5');

    expect(screen.getByTestId(ids.promqlEvent)).toHaveTextContent(
      'http_request_duration_seconds_bucket{job="checkout",le="0.5"}'
    );
    expect(screen.getByTestId(ids.promqlTotal)).toHaveTextContent(
      'http_request_duration_seconds_count{job="checkout"}'
    );
    expect(lastSli()).toEqual({
      datasource: { uid: 'prom', type: 'prometheus' },
      eventKind: 'good',
      valueKind: 'counter',
      source: {
        kind: 'prometheusLatency',
        metric: 'http_request_duration_seconds',
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
        thresholdLe: '0.5',
      },
    });
  });

  it('builds a threshold SLI of good points from a query, a comparison and a number', async () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', noData));
    const { lastSli } = await renderSliStep(newPrometheusSlo());

    choose(ids.mode, 'Threshold');
    type(screen.getByTestId(ids.thresholdQuery), 'max(probe_duration_seconds{job="api"})');
    choose(ids.thresholdOp, 'lt');
    type(screen.getByTestId(ids.threshold), '0.');
    expect(screen.getByTestId(ids.threshold)).toHaveValue('0.');
    type(screen.getByTestId(ids.threshold), '0.25');

    expect(screen.getByTestId(ids.promqlEvent)).toHaveTextContent(
      'sum((max(probe_duration_seconds{job="api"})) < bool 0.25)'
    );
    expect(screen.getByTestId(ids.promqlTotal)).toHaveTextContent('count((max(probe_duration_seconds{job="api"})))');
    expect(screen.getByTestId(ids.promql)).toHaveTextContent('Good points');
    expect(lastSli()).toEqual({
      datasource: { uid: 'prom', type: 'prometheus' },
      eventKind: 'good',
      valueKind: 'increment',
      source: {
        kind: 'prometheusThreshold',
        query: 'max(probe_duration_seconds{job="api"})',
        op: 'lt',
        threshold: 0.25,
      },
    });
  });

  it('opens a threshold SLO as it is, and shows a threshold that is not a number at its field', async () => {
    installDatasource(new FakeDatasource('prometheus-main', 'prometheus', noData));
    const slo = thresholdSlo();
    const { onChange } = await renderSliStep(slo, [
      { path: 'sli.source.threshold', message: 'must be a number, got NaN' },
    ]);

    expect(within(screen.getByTestId(ids.mode)).getByLabelText('Threshold')).toBeChecked();
    expect(screen.getByTestId(ids.thresholdQuery)).toHaveValue(
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))'
    );
    expect(within(screen.getByTestId(ids.thresholdOp)).getByLabelText('lte')).toBeChecked();
    expect(screen.getByTestId(ids.threshold)).toHaveValue('0.3');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('must be a number, got NaN')).toBeInTheDocument();
    expect(screen.queryByTestId(ids.otherErrors)).toBeNull();
  });

  it("starts raw queries from the builder's queries, and brings the builder back", async () => {
    installDatasource(new FakeDatasource('prometheus-main', 'prometheus', noData));
    const { lastSli } = await renderSliStep(ratioSlo());

    choose(ids.mode, 'Raw queries');
    const event = within(screen.getByTestId(ids.rawQuery('event'))).getByLabelText('Bad events query');
    const total = within(screen.getByTestId(ids.rawQuery('total'))).getByLabelText('Total events query');
    expect(event).toHaveValue('http_requests_total{job="checkout",code=~"5.."}');
    expect(total).toHaveValue('http_requests_total{job="checkout"}');
    const panelQuery = { range: true, instant: false, legendFormat: '__auto' };
    expect(lastSli()?.source).toEqual({
      kind: 'raw',
      eventQuery: { ...panelQuery, expr: 'http_requests_total{job="checkout",code=~"5.."}' },
      totalQuery: { ...panelQuery, expr: 'http_requests_total{job="checkout"}' },
    });

    type(event, 'sum by (instance) (http_requests_total{code=~"5.."})');
    expect(lastSli()?.source).toMatchObject({
      eventQuery: { ...panelQuery, expr: 'sum by (instance) (http_requests_total{code=~"5.."})' },
    });
    choose(ids.valueKind, 'Counts per interval');
    expect(lastSli()?.valueKind).toBe('increment');

    choose(ids.mode, 'Ratio');
    expect(screen.getByTestId(ids.metric)).toHaveValue('http_requests_total');
    expect(lastSli()).toEqual(ratioSlo().sli);
  });

  it('gives a datasource that is not Prometheus raw queries only', async () => {
    installDatasource(new FakeDatasource('loki-main', 'loki', noData));
    const { lastSli } = await renderSliStep(ratioSlo());

    await pick('Select a data source', 'loki-main');
    expect(lastSli()).toEqual({
      datasource: { uid: 'loki-main', type: 'loki' },
      eventKind: 'bad',
      valueKind: 'increment',
      source: { kind: 'raw', eventQuery: { expr: '' }, totalQuery: { expr: '' } },
    });
    expect(screen.queryByTestId(ids.mode)).not.toBeInTheDocument();
    expect(screen.getByTestId(ids.rawOnly)).toHaveTextContent('Query builders are for Prometheus datasources');
    type(screen.getByLabelText('Total events query'), 'sum(count_over_time({app="checkout"}[$__interval]))');
    expect(lastSli()?.source).toMatchObject({
      totalQuery: { expr: 'sum(count_over_time({app="checkout"}[$__interval]))' },
    });
  });

  it('edits the query model of other datasources as JSON, and says where the JSON is wrong', async () => {
    installDatasource(new FakeDatasource('db', 'grafana-postgresql-datasource', noData));
    const slo = ratioSlo();
    const { onChange, lastSli } = await renderSliStep({
      ...slo,
      sli: {
        ...slo.sli,
        datasource: { uid: 'db', type: 'grafana-postgresql-datasource' },
        source: { kind: 'raw', eventQuery: { rawSql: 'select 1' }, totalQuery: { rawSql: 'select 2' } },
      },
    });

    const event = screen.getByLabelText('Bad events query');
    expect(event).toHaveValue('{\n  "rawSql": "select 1"\n}');
    type(event, '{"rawSql": ');
    expect(screen.getByTestId(ids.rawQuery('event'))).toHaveTextContent('is not JSON');
    expect(onChange).not.toHaveBeenCalled();
    type(event, '{"rawSql": "select count(*) from errors", "format": "time_series"}');
    expect(screen.getByTestId(ids.rawQuery('event'))).not.toHaveTextContent('is not JSON');
    expect(lastSli()?.source).toMatchObject({
      eventQuery: { rawSql: 'select count(*) from errors', format: 'time_series' },
    });
  });

  it("edits raw queries in the datasource's own query editor when it has one", async () => {
    // A datasource plugin's editor: it edits the query model it is given, refId and datasource included.
    function TestQueryEditor({ query, onChange }: QueryEditorProps<DataSourceApi>) {
      return (
        <input
          aria-label={`Plugin editor ${query.refId}`}
          value={'expr' in query ? String(query.expr) : ''}
          onChange={(event) => {
            const changed = { ...query, expr: event.currentTarget.value };
            onChange(changed);
          }}
        />
      );
    }
    const datasource = new FakeDatasource('loki-main', 'loki', noData);
    datasource.components = { QueryEditor: TestQueryEditor };
    installDatasource(datasource);
    const { lastSli } = await renderSliStep({ ...ratioSlo(), sli: withLoki() });

    type(await screen.findByLabelText('Plugin editor total'), 'count_over_time({app="a"}[1m])');
    expect(lastSli()?.source).toEqual({
      kind: 'raw',
      eventQuery: { expr: 'e' },
      totalQuery: { expr: 'count_over_time({app="a"}[1m])' },
    });
  });

  it('shows the SLI errors at their fields, and those no field shows apart', async () => {
    installDatasource(new FakeDatasource('prometheus-main', 'prometheus', noData));
    await renderSliStep(ratioSlo(), [
      { path: 'sli.datasource.uid', message: 'must be a datasource uid' },
      { path: 'sli.source.metric', message: 'must be a Prometheus metric name' },
      { path: 'sli.source.matchers[0].value', message: 'secrets do not belong in SLO specs' },
      { path: 'sli.source.kind', message: 'must be one of prometheusRatio, prometheusLatency, raw' },
      { path: 'name', message: 'is required' },
    ]);

    expect(fieldOf(screen.getByTestId(ids.metric))).toHaveTextContent('must be a Prometheus metric name');
    expect(fieldOf(screen.getByTestId(ids.datasource))).toHaveTextContent('uid: must be a datasource uid');
    expect(screen.getByTestId(ids.matcherError('matchers', 0))).toHaveTextContent(
      'value: secrets do not belong in SLO specs'
    );
    expect(screen.getByTestId(ids.otherErrors)).toHaveTextContent('sli.source.kind: must be one of');
    expect(screen.queryByText(/is required/)).not.toBeInTheDocument();
  });

  it('keeps the datasource picker on its placeholder until a new SLO has a datasource', async () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', noData));
    const { lastSli } = await renderSliStep(newSloSpec());

    expect(screen.getByTestId(ids.datasource)).toHaveTextContent('Select data source');
    await pick('Select a data source', 'prom');
    await waitFor(() => expect(lastSli()?.datasource).toEqual({ uid: 'prom', type: 'prometheus' }));
    expect(lastSli()?.source.kind).toBe('prometheusRatio');
  });
});

function withLoki(): SloSpec['sli'] {
  return {
    datasource: { uid: 'loki-main', type: 'loki' },
    eventKind: 'good',
    valueKind: 'increment',
    source: { kind: 'raw', eventQuery: { expr: 'e' }, totalQuery: { expr: 't' } },
  };
}

/** The @grafana/ui Field around an element: the closest ancestor that also holds a label. */
function fieldOf(element: HTMLElement): HTMLElement {
  let current: HTMLElement | null = element.parentElement;
  while (current && !current.querySelector('label')) {
    current = current.parentElement;
  }
  if (!current) {
    throw new Error('no field around the element');
  }
  return current;
}
