import React from 'react';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FakeDatasource, installDatasource } from '../../../pages/testing/fakeDatasource';
import { newSloSpec } from '../../../spec/defaults';
import { ratioSlo } from '../../../spec/testing';
import type { SloSpec } from '../../../spec/types';
import { testIds } from '../../testIds';
import { SliPreview } from './SliPreview';
import { choose, hourlyCounts, renderSliStep, type } from './testing';

configure({ asyncUtilTimeout: 10_000 });

const ids = testIds.sliStep.preview;
const HOUR = 3_600_000;

/** A new SLO (no uid, name or service yet) whose SLI reads counts per hour from a Prometheus datasource. */
function hourlySlo(): SloSpec {
  const slo = newSloSpec();
  return {
    ...slo,
    sli: {
      datasource: { uid: 'prom', type: 'prometheus' },
      eventKind: 'good',
      valueKind: 'increment',
      source: { kind: 'raw', eventQuery: { expr: 'good_total' }, totalQuery: { expr: 'all_total' } },
    },
  };
}

describe('the SLI preview', () => {
  it("shows the SLI and the event counts of the last 24 hours from the datasource's frames", async () => {
    const datasource = new FakeDatasource('prom', 'prometheus', hourlyCounts(1000, 15));
    installDatasource(datasource);
    render(<SliPreview slo={hourlySlo()} />);

    // 24 hours of 1,000 events with 15 bad ones: 98.5%.
    expect(await screen.findByTestId(ids.sli)).toHaveTextContent('98.50%');
    expect(screen.getByTestId(ids.sli).parentElement).toHaveTextContent('SLI over the last 24 hours');
    expect(screen.getByTestId(ids.events)).toHaveTextContent('Good events23,640Bad events360Total events24,000');
    expect(screen.getByTestId(testIds.trend.container)).toBeInTheDocument();
    expect(screen.queryByTestId(ids.coverage)).not.toBeInTheDocument();
    expect(screen.queryByTestId(ids.silent('good'))).not.toBeInTheDocument();

    const [request] = datasource.requests;
    expect(request.range.to.valueOf() - request.range.from.valueOf()).toBe(24 * HOUR);
    expect(request.targets.map((target) => [target.refId, 'expr' in target ? target.expr : undefined])).toEqual([
      ['good', 'good_total'],
      ['total', 'all_total'],
    ]);
  });

  it('runs the queries again over the last 7 days', async () => {
    const datasource = new FakeDatasource('prom', 'prometheus', hourlyCounts(1000, 15));
    installDatasource(datasource);
    render(<SliPreview slo={hourlySlo()} />);
    await screen.findByTestId(ids.sli);

    choose(ids.range, 'Last 7 days');
    await waitFor(() => expect(screen.getByTestId(ids.events)).toHaveTextContent('Total events168,000'));
    expect(screen.getByTestId(ids.sli).parentElement).toHaveTextContent('SLI over the last 7 days');
    expect(datasource.requests).toHaveLength(2);
    const last = datasource.requests[1];
    expect(last.range.to.valueOf() - last.range.from.valueOf()).toBe(7 * 24 * HOUR);
  });

  it('says how much of the range the samples cover when they cover only part of it', async () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', hourlyCounts(1000, 0, 6)));
    render(<SliPreview slo={hourlySlo()} />);

    expect(await screen.findByTestId(ids.coverage)).toHaveTextContent(
      'The queries returned samples for 25% of the last 24 hours.'
    );
    expect(screen.getByTestId(ids.events)).toHaveTextContent('Total events6,000');
  });

  it('points at a query that answered no samples while the other did', async () => {
    const counts = hourlyCounts(1000, 0);
    installDatasource(new FakeDatasource('prom', 'prometheus', (request) => ({ data: counts(request).data.slice(1) })));
    render(<SliPreview slo={hourlySlo()} />);

    expect(await screen.findByTestId(ids.silent('good'))).toHaveTextContent(
      'The good events query returned no samples over the last 24 hours'
    );
    expect(screen.getByTestId(ids.sli)).toHaveTextContent('0.00%');
  });

  it("shows the datasource's error in its words", async () => {
    installDatasource(
      new FakeDatasource('prom', 'prometheus', () => ({
        data: [],
        errors: [{ refId: 'good', message: 'parse error at char 5' }],
      }))
    );
    render(<SliPreview slo={hourlySlo()} />);

    const state = await screen.findByTestId(testIds.sloPanel.state);
    expect(state).toHaveTextContent('The query failed');
    expect(state).toHaveTextContent('Query good: parse error at char 5');
  });

  it('says there is no data when the queries return no samples', async () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', () => ({ data: [] })));
    render(<SliPreview slo={hourlySlo()} />);

    const state = await screen.findByTestId(testIds.sloPanel.state);
    expect(state).toHaveTextContent('No data');
    expect(state).toHaveTextContent('The queries returned no samples in the last 24 hours.');
  });

  it('says there are too few events when the range has none', async () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', hourlyCounts(0, 0)));
    render(<SliPreview slo={hourlySlo()} />);

    const state = await screen.findByTestId(testIds.sloPanel.state);
    expect(state).toHaveTextContent('Too few events');
    expect(screen.queryByText(/NaN|Infinity/)).not.toBeInTheDocument();
  });

  it('waits for a complete SLI, naming what is missing, and queries nothing', async () => {
    const datasource = new FakeDatasource('prom', 'prometheus', hourlyCounts(1000, 15));
    installDatasource(datasource);
    const slo = newSloSpec();
    render(<SliPreview slo={{ ...slo, sli: { ...slo.sli, datasource: { uid: 'prom', type: 'prometheus' } } }} />);

    expect(screen.getByTestId(ids.waiting)).toHaveTextContent('Metric: must be a Prometheus metric name');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(datasource.requests).toHaveLength(0);
  });

  it('asks for a datasource first', () => {
    installDatasource(new FakeDatasource('prom', 'prometheus', hourlyCounts(1000, 15)));
    render(<SliPreview slo={newSloSpec()} />);

    expect(screen.getByTestId(ids.waiting)).toHaveTextContent('Datasource: choose one.');
  });

  it('runs the queries once the edits have settled, not once per key', async () => {
    const datasource = new FakeDatasource('prometheus-main', 'prometheus', () => ({ data: [] }));
    installDatasource(datasource);
    const slo = ratioSlo();
    const source = {
      kind: 'prometheusRatio' as const,
      metric: '',
      matchers: [{ name: 'job', op: '=' as const, value: 'checkout' }],
      eventMatchers: [{ name: 'code', op: '=~' as const, value: '5..' }],
      groupBy: [],
    };
    await renderSliStep({ ...slo, sli: { ...slo.sli, source } });

    const metric = screen.getByTestId(testIds.sliStep.metric);
    for (const typed of ['h', 'ht', 'htt', 'http_requests_total']) {
      type(metric, typed);
    }
    await screen.findByTestId(testIds.sloPanel.state);
    expect(datasource.requests).toHaveLength(1);
    expect(datasource.requests[0].targets.map((target) => ('expr' in target ? target.expr : undefined))).toEqual([
      'http_requests_total{job="checkout",code=~"5.."}',
      'http_requests_total{job="checkout"}',
    ]);
    fireEvent.click(screen.getByLabelText('Good'));
    await waitFor(() => expect(datasource.requests).toHaveLength(2));
    expect(datasource.requests[1].targets.map((target) => target.refId)).toEqual(['good', 'total']);
    await waitFor(() => expect(screen.queryByTestId(ids.loading)).not.toBeInTheDocument());
  });
});
