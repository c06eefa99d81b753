import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { dateTime, type DataQueryRequest, type InterpolateFunction } from '@grafana/data';
import { testIds } from '../../components/testIds';
import { FakeDatasource, installDatasource } from '../../pages/testing/fakeDatasource';
import { seedSlo } from '../../pages/testing/renderApp';
import { hourlySlo } from '../../pages/testing/slosList';
import type { SloSpec } from '../../spec/types';
import { installFakeGrafana, signIn, type FakeGrafana } from '../../store/testing';
import { AT, calm, panelData, panelProps, withOptions } from './panelFixtures';
import { SloPanel } from './SloPanel';
import { defaultSloPanelOptions, type OverviewPanelOptions } from './types';

const HOUR = 3_600_000;
const [GOOD, TOTAL] = calm();

/** Answers each SLO's good and total queries of a batch with the calm fixture's hourly data. */
function calmPrometheus(): FakeDatasource {
  return new FakeDatasource('prometheus', 'prometheus', (request: DataQueryRequest) => ({
    data: request.targets.map((target) => ({
      ...(target.refId.endsWith('_total') ? TOTAL : GOOD),
      refId: target.refId,
    })),
  }));
}

const checkout = hourlySlo({
  uid: 'checkout-availability',
  name: 'Checkout availability',
  team: 'payments',
  service: 'checkout',
});
const search = hourlySlo(
  { uid: 'search-availability', name: 'Search availability', team: 'discovery', service: 'search' },
  'search'
);

/** `$team` as Grafana replaces a multi-value variable: each value in csv, else a glob. */
function teamVariable(teams: string[]): InterpolateFunction {
  return (value, _scopedVars, format) =>
    value.replace('$team', format === 'csv' ? teams.join(',') : `{${teams.join(',')}}`);
}

function overviewProps(overview: Partial<OverviewPanelOptions>, replaceVariables: InterpolateFunction, at = AT) {
  const options = {
    ...withOptions({ view: 'overview' }),
    overview: { ...defaultSloPanelOptions.overview, ...overview },
  };
  const data = panelData([], {}, at - 30 * 24 * HOUR);
  const timeRange = { from: dateTime(at - 30 * 24 * HOUR), to: dateTime(at), raw: { from: 'now-30d', to: 'now' } };
  return { ...panelProps(options, { ...data, timeRange }, { width: 1200, height: 900 }), replaceVariables };
}

// The SLO table links to the SLO pages, inside Grafana's router.
const panel = (props: ReturnType<typeof overviewProps>) => (
  <MemoryRouter>
    <SloPanel {...props} />
  </MemoryRouter>
);

let grafana: FakeGrafana;
let prometheus: FakeDatasource;

function store(...slos: SloSpec[]) {
  slos.forEach((slo) => seedSlo(grafana, slo));
}

async function overviewDone(): Promise<HTMLElement> {
  const view = await screen.findByTestId(testIds.overview.view);
  await waitFor(() => expect(view).toHaveAttribute('data-done', 'true'));
  return view;
}

beforeEach(() => {
  grafana = installFakeGrafana();
  signIn(grafana, 'viewer');
  prometheus = calmPrometheus();
  installDatasource(prometheus);
});

describe('SloPanel: overview', () => {
  it('shows only the SLOs of the team a template variable picks, and asks only for their data', async () => {
    store(checkout, search);
    render(panel(overviewProps({ teams: '$team' }, teamVariable(['payments']))));

    const view = await overviewDone();
    expect(screen.getByTestId(testIds.overview.row('checkout-availability'))).toHaveTextContent(
      'Checkout availability'
    );
    expect(screen.queryByTestId(testIds.overview.row('search-availability'))).not.toBeInTheDocument();
    expect(view).toHaveAttribute('data-slos', '1');
    expect(screen.getByTestId(testIds.overview.sli('checkout-availability'))).toHaveTextContent('99.95%');
    const asked = prometheus.requests.flatMap((request) => request.targets.map((target) => target.refId));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((refId) => refId.startsWith('s0_'))).toBe(true);
    expect(view.textContent).not.toMatch(/NaN|undefined/);
  });

  it('shows every team when the variable is set to All', async () => {
    store(checkout, search);
    render(panel(overviewProps({ teams: '$team' }, teamVariable(['$__all']))));

    const view = await overviewDone();
    expect(view).toHaveAttribute('data-slos', '2');
    expect(screen.getByTestId(testIds.overview.row('search-availability'))).toBeInTheDocument();
  });

  it('says when the store cannot be read, with its message, and shows no numbers', async () => {
    store(checkout);
    grafana.failNext(500, 'database is locked');
    render(panel(overviewProps({}, (value) => value)));

    const state = await screen.findByTestId(testIds.sloPanel.state);
    expect(state).toHaveTextContent('The SLOs could not be loaded');
    expect(state).toHaveTextContent('database is locked');
    expect(screen.queryByTestId(testIds.overview.view)).not.toBeInTheDocument();
    expect(screen.getByTestId(testIds.sloPanel.container).textContent).not.toMatch(/NaN/);
  });

  it('keeps the last board when a refresh cannot list the SLOs, and says so', async () => {
    store(checkout);
    const { rerender } = render(panel(overviewProps({}, (value) => value)));
    expect(await overviewDone()).toHaveAttribute('data-slos', '1');

    grafana.failNext(500, 'database is locked');
    rerender(panel(overviewProps({}, (value) => value, AT + HOUR)));

    expect(await screen.findByTestId(testIds.sloPanel.staleList)).toHaveTextContent('database is locked');
    expect(screen.getByTestId(testIds.overview.view)).toHaveAttribute('data-slos', '1');
    expect(screen.queryByTestId(testIds.sloPanel.state)).not.toBeInTheDocument();
  });

  it('names the filter when no SLO matches it, and says when there are no SLOs at all', async () => {
    store(checkout);
    const { unmount } = render(panel(overviewProps({ teams: '$team' }, teamVariable(['platform']))));
    expect(await screen.findByTestId(testIds.sloPanel.state)).toHaveTextContent(
      'No SLO matches the filterNone of the 1 SLOs has team platform (Overview options).'
    );
    unmount();

    grafana = installFakeGrafana();
    signIn(grafana, 'viewer');
    render(panel(overviewProps({}, (value) => value)));
    expect(await screen.findByTestId(testIds.sloPanel.state)).toHaveTextContent('No SLOs yet');
  });

  it('lists the SLOs again when the dashboard refreshes, so a new SLO appears', async () => {
    store(checkout);
    const { rerender } = render(panel(overviewProps({}, (value) => value)));
    expect(await overviewDone()).toHaveAttribute('data-slos', '1');

    store(search);
    rerender(panel(overviewProps({}, (value) => value, AT + HOUR)));
    await waitFor(() => expect(screen.getByTestId(testIds.overview.view)).toHaveAttribute('data-slos', '2'));
    await overviewDone();
  });
});
