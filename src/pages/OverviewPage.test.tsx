import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FieldType, toDataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import App from '../components/App/App';
import { testIds } from '../components/testIds';
import { PLUGIN_BASE_URL, prefixRoute, ROUTES, sloPageUrl } from '../constants';
import type { SloSpec } from '../spec/types';
import { installFakeGrafana, signIn, signOut, type FakeGrafana } from '../store/testing';
import { FakeDatasource, installDatasource } from './testing/fakeDatasource';
import { pickOption } from './testing/formPages';
import type * as PluginPageTesting from './testing/pluginPage';
import { stubBrowserGaps } from './testing/jsdom';
import { seedSlo } from './testing/renderApp';
import { hourlySlo } from './testing/slosList';

stubBrowserGaps();

// The page's actions (refresh, kiosk mode) are drawn in Grafana's page header.
jest.mock('@grafana/runtime', () =>
  jest.requireActual<typeof PluginPageTesting>('./testing/pluginPage').runtimeWithPluginPage()
);
configure({ asyncUtilTimeout: 10_000 });

const HOUR = 3_600_000;
const OVERVIEW = prefixRoute(ROUTES.Overview);

/** Events per hour of each SLO's metric: every hour of the asked range has the same counts. */
const TRAFFIC: Record<string, { total: number; bad: number }> = {
  // payments/checkout: spotless, three times the traffic of refunds.
  checkout: { total: 3000, bad: 0 },
  // payments/refunds: 30% of the budget spent over 30 days (216 of 720 allowed bad events).
  refunds: { total: 1000, bad: 0.3 },
  // search/search: one and a half budgets spent.
  search: { total: 1000, bad: 1.5 },
};

function expr(target: DataQueryRequest['targets'][number]): string {
  return 'expr' in target && typeof target.expr === 'string' ? target.expr : '';
}

/** Hourly increments over the request's range for every target whose metric TRAFFIC knows; `broken_*` queries fail. */
function answer(request: DataQueryRequest): DataQueryResponse {
  const from = request.range.from.valueOf();
  const to = request.range.to.valueOf();
  const times: number[] = [];
  for (let time = Math.floor(to / HOUR) * HOUR; time > from; time -= HOUR) {
    times.unshift(time);
  }
  const broken = request.targets.filter((target) => expr(target).startsWith('broken_'));
  const data = request.targets.map((target) => {
    const [, metric, role] = /^(\w+)_(good|all)$/.exec(expr(target)) ?? [];
    const traffic = TRAFFIC[metric] ?? { total: 0, bad: 0 };
    const value = role === 'good' ? traffic.total - traffic.bad : traffic.total;
    return toDataFrame({
      refId: target.refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: times },
        { name: 'Value', type: FieldType.number, values: times.map(() => value) },
      ],
    });
  });
  return {
    data,
    errors: broken.map((target) => ({ refId: target.refId, message: `parse error in ${expr(target)}` })),
  };
}

/** As `answer`, but a request with a `broken_*` query fails as a whole, as behind a failing proxy. */
function answerOrFail(request: DataQueryRequest): DataQueryResponse {
  if (request.targets.some((target) => expr(target).startsWith('broken_'))) {
    throw new Error('Bad Gateway');
  }
  return answer(request);
}

function slo(uid: string, team: string, service: string, metric: string, labels: Record<string, string> = {}): SloSpec {
  const base = hourlySlo({}, metric);
  return { ...base, uid, name: uid, team, service, labels };
}

const SLOS = [
  slo('checkout', 'payments', 'checkout', 'checkout', { tier: '1' }),
  slo('refunds', 'payments', 'refunds', 'refunds', { tier: '2' }),
  slo('search', 'search', 'search', 'search', { tier: '1' }),
  slo('suggest', 'search', 'suggest', 'broken'),
];

/** The app at `path`, with the current URL's search params shown where tests can read them. */
function renderOverview(path: string) {
  function Search() {
    return <output data-testid="location-search">{useLocation().search}</output>;
  }
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route
          path={`${PLUGIN_BASE_URL}/*`}
          element={
            <>
              <App />
              <Search />
            </>
          }
        />
      </Routes>
    </MemoryRouter>
  );
}

async function done() {
  await waitFor(() => expect(screen.getByTestId(testIds.overview.view)).toHaveAttribute('data-done', 'true'));
  return screen.getByTestId(testIds.overview.view);
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

function tableUids(): string[] {
  const table = screen.getByTestId(testIds.overview.table);
  return [...table.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-testid') ?? '');
}

describe('the overview page', () => {
  beforeAll(() => import('./OverviewPage'), 60_000);

  let grafana: FakeGrafana;
  let datasource: FakeDatasource;
  beforeEach(() => {
    grafana = installFakeGrafana();
    datasource = new FakeDatasource('prometheus', 'prometheus', answer);
    installDatasource(datasource);
    SLOS.forEach((spec) => seedSlo(grafana, spec));
  });
  afterEach(signOut);

  it('counts the SLOs meeting their objective and the SLOs per budget bucket', async () => {
    renderOverview(OVERVIEW);
    const view = await done();

    expect(view).toHaveAttribute('data-slos', '4');
    // One request for the four SLOs of one datasource.
    expect(view).toHaveAttribute('data-requests', '1');
    expect(view).toHaveAttribute('data-answered', '1');
    expect(datasource.requests).toHaveLength(1);
    // search misses 99.9%; suggest has no data: 2 of the 3 with data meet it.
    expect(text(testIds.overview.headline)).toContain('2 of 3 SLOs with data meet their objective');
    const buckets = ['healthy', 'observe', 'attention', 'atRisk', 'exhausted', 'noData'].map((bucket) =>
      text(testIds.overview.bucket(bucket))
    );
    expect(buckets).toEqual(['1Healthy', '1Observe', '0Attention', '0At risk', '1Exhausted', '1No data']);
  });

  it("rolls teams up by their events, not by the average of their SLOs' ratios", async () => {
    renderOverview(OVERVIEW);
    await done();

    // (3000 × 720 + 999.7 × 720) / (4000 × 720) = 99.9925%; the average of 100% and 99.97% would be 99.985%.
    expect(text(testIds.overview.rollupSli('team', 'payments'))).toBe('99.99%');
    const payments = screen.getByTestId(testIds.overview.rollup('team', 'payments'));
    expect(within(payments).getByRole('link', { name: 'refunds' })).toHaveAttribute('href', sloPageUrl('refunds'));
    expect(payments).toHaveTextContent('2 of 2');
    const search = screen.getByTestId(testIds.overview.rollup('team', 'search'));
    expect(within(search).getByRole('link', { name: 'search' })).toHaveAttribute('href', sloPageUrl('search'));
    expect(search).toHaveTextContent('0 of 1');
    expect(screen.getByTestId(testIds.overview.rollup('service', 'suggest'))).toHaveTextContent('0 of 0');
  });

  it('marks each calendar month met, missed or without data, with its SLI', async () => {
    renderOverview(OVERVIEW);
    await done();

    const grid = screen.getByTestId(testIds.overview.grid);
    // Six months and the SLO column.
    expect(grid.querySelectorAll('thead th')).toHaveLength(7);
    const cell = (uid: string, index: number) => screen.getByTestId(testIds.overview.gridCell(uid, index));
    for (let index = 0; index < 6; index++) {
      expect(cell('checkout', index)).toHaveAttribute('data-status', 'met');
      expect(cell('search', index)).toHaveAttribute('data-status', 'missed');
      expect(cell('suggest', index)).toHaveAttribute('data-status', 'noData');
    }
    expect(cell('checkout', 5)).toHaveTextContent('Met 100.00%');
    expect(cell('refunds', 5)).toHaveTextContent('Met 99.97%');
    expect(cell('search', 5)).toHaveTextContent('Missed 99.85%');
    expect(cell('suggest', 5)).toHaveTextContent('No data');
    // Rows grouped by team, then service.
    const groups = [...grid.querySelectorAll('th[scope="colgroup"]')].map((th) => th.textContent);
    expect(groups).toEqual(['payments', 'checkout', 'refunds', 'search', 'search', 'suggest']);
  });

  it('switches the grid to weeks and keeps the choice in the URL', async () => {
    renderOverview(OVERVIEW);
    await done();
    const requests = datasource.requests.length;

    fireEvent.click(within(screen.getByTestId(testIds.overview.granularity)).getByLabelText('8 weeks'));

    await waitFor(() => expect(screen.getByTestId(testIds.overview.grid).querySelectorAll('thead th')).toHaveLength(9));
    expect(text('location-search')).toBe('?period=week');
    // The tiles already cover both calendars.
    expect(datasource.requests).toHaveLength(requests);
  });

  it('lists the SLOs by risk, linking to their pages, with budget left and when it runs out', async () => {
    renderOverview(OVERVIEW);
    await done();

    expect(tableUids()).toEqual(['search', 'refunds', 'checkout', 'suggest'].map(testIds.overview.row));
    const row = screen.getByTestId(testIds.overview.row('refunds'));
    expect(within(row).getByRole('link', { name: 'refunds' })).toHaveAttribute('href', sloPageUrl('refunds'));
    expect(text(testIds.overview.sli('refunds'))).toBe('99.97%');
    expect(text(testIds.overview.remaining('refunds'))).toBe('70.0%');
    expect(text(testIds.overview.remaining('search'))).toBe('-50.0%');
    // refunds burns at 0.3 of the allowed rate, so its budget runs out; spotless and spent ones do not.
    expect(text(testIds.overview.exhaustion('refunds'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(text(testIds.overview.exhaustion('checkout'))).toBe('—');
    expect(text(testIds.overview.exhaustion('search'))).toBe('—');
    expect(screen.getByTestId(testIds.overview.sparkline('refunds')).querySelector('path')?.getAttribute('d')).toMatch(
      /^M0\.00,/
    );
  });

  it("shows a failed request's message for its SLOs and never NaN", async () => {
    // One SLO per request: only suggest's request fails.
    datasource = new FakeDatasource('prometheus', 'prometheus', answerOrFail);
    installDatasource(datasource);
    renderOverview(`${OVERVIEW}?batch=1`);
    const view = await done();

    expect(view).toHaveAttribute('data-requests', '4');
    expect(datasource.requests).toHaveLength(4);
    expect(text(testIds.overview.state('suggest'))).toBe('Bad Gateway');
    expect(text(testIds.overview.sli('search'))).toBe('99.85%');
    expect(screen.getByTestId(testIds.overview.gridRow('suggest'))).toHaveTextContent('Bad Gateway');
    expect(screen.getByTestId(testIds.overview.page).textContent).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('narrows everything to the chosen team and puts the filter in the URL', async () => {
    renderOverview(OVERVIEW);
    await done();
    const requests = datasource.requests.length;

    await pickOption(testIds.overview.teamFilter, 'search');

    await waitFor(() => expect(text('location-search')).toBe('?team=search'));
    await waitFor(() => expect(tableUids()).toEqual(['search', 'suggest'].map(testIds.overview.row)));
    expect(text(testIds.overview.headline)).toContain('0 of 1 SLO with data meets its objective');
    expect(screen.queryByTestId(testIds.overview.rollup('team', 'payments'))).not.toBeInTheDocument();
    expect(screen.queryByTestId(testIds.overview.gridRow('checkout'))).not.toBeInTheDocument();
    expect(screen.getByTestId(testIds.overview.view)).toHaveAttribute('data-slos', '2');
    // Filtering asks the datasource nothing.
    expect(datasource.requests).toHaveLength(requests);
  });

  it('reads filters from a shared URL: any of a kind, all kinds', async () => {
    renderOverview(`${OVERVIEW}?label=tier%3D1&team=payments&team=search`);
    await done();

    expect(tableUids()).toEqual(['search', 'checkout'].map(testIds.overview.row));
  });

  it('hides the filters and the kiosk link in kiosk mode, and refreshes every minute', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      renderOverview(`${OVERVIEW}?kiosk`);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1000);
      });
      expect(screen.getByTestId(testIds.overview.view)).toHaveAttribute('data-done', 'true');
      expect(screen.queryByTestId(testIds.overview.filters)).not.toBeInTheDocument();
      expect(screen.queryByTestId(testIds.overview.kiosk)).not.toBeInTheDocument();
      expect(screen.queryByTestId(testIds.overview.granularity)).not.toBeInTheDocument();
      const lists = grafana.callsTo('GET', '/api/library-elements').length;

      await act(async () => {
        await jest.advanceTimersByTimeAsync(60_000);
      });
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1000);
      });
      expect(grafana.callsTo('GET', '/api/library-elements')).toHaveLength(lists + 1);
      expect(datasource.requests).toHaveLength(2);
      expect(screen.getByTestId(testIds.overview.view)).toHaveAttribute('data-done', 'true');
    } finally {
      jest.useRealTimers();
    }
  });

  it('links to kiosk mode with the filters of the board', async () => {
    renderOverview(`${OVERVIEW}?team=search`);
    await done();

    expect(screen.getByTestId(testIds.overview.kiosk)).toHaveAttribute('href', `${OVERVIEW}?team=search&kiosk=1`);
    expect(screen.getByTestId(testIds.overview.filters)).toBeInTheDocument();
  });

  it('loads again on refresh', async () => {
    renderOverview(OVERVIEW);
    await done();

    fireEvent.click(screen.getByTestId(testIds.overview.refresh));

    await waitFor(() => expect(datasource.requests).toHaveLength(2));
    await done();
    expect(datasource.requests[1].range.to.valueOf()).toBeGreaterThanOrEqual(datasource.requests[0].range.to.valueOf());
  });

  it('keeps the board when a refresh cannot list the SLOs, and says so', async () => {
    signIn(grafana, 'viewer');
    renderOverview(OVERVIEW);
    await done();

    grafana.failNext(503, 'Service Unavailable');
    fireEvent.click(screen.getByTestId(testIds.overview.refresh));

    expect(await screen.findByTestId(testIds.overview.error)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.overview.view)).toHaveAttribute('data-slos', '4');
    expect(tableUids()).toHaveLength(4);
  });

  it('shows a Viewer the whole board', async () => {
    signIn(grafana, 'viewer');
    renderOverview(OVERVIEW);
    const view = await done();

    expect(view).toHaveAttribute('data-slos', '4');
    expect(tableUids()).toHaveLength(4);
  });

  it('says where SLOs come from when none is stored', async () => {
    grafana = installFakeGrafana();
    renderOverview(OVERVIEW);

    expect(await screen.findByTestId(testIds.overview.empty)).toHaveTextContent('No SLOs yet');
    expect(screen.queryByTestId(testIds.overview.view)).not.toBeInTheDocument();
  });

  it('offers Retry when the SLOs cannot be listed', async () => {
    // A Viewer's page lists no folders, so the failure is the list's.
    signIn(grafana, 'viewer');
    grafana.failNext(503, 'Service Unavailable');
    renderOverview(OVERVIEW);

    const error = await screen.findByTestId(testIds.overview.error);
    fireEvent.click(within(error).getByRole('button', { name: /retry/i }));

    await done();
    expect(screen.queryByTestId(testIds.overview.error)).not.toBeInTheDocument();
  });
});
