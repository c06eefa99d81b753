import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { testIds } from '../components/testIds';
import { sloPageUrl } from '../constants';
import { AT, burning, calm, hourlyFrames } from '../panels/slo/panelFixtures';
import { installFakeGrafana, type FakeGrafana } from '../store/testing';
import { FakeDatasource, framesFor, installDatasource } from './testing/fakeDatasource';
import { stubIntersectionObserver, stubUrlCanParse } from './testing/jsdom';
import { renderApp, seedSlo } from './testing/renderApp';
import { hourlySlo, LIST_AT, pick, rowNames } from './testing/slosList';

// @grafana/ui's TextLink needs URL.canParse for the SLO page's runbook.
stubUrlCanParse();

configure({ asyncUtilTimeout: 10_000 });

function exprOf(target: DataQueryRequest['targets'][number] | undefined): string {
  return target && 'expr' in target && typeof target.expr === 'string' ? target.expr : '';
}

/** Answers each SLO's queries by the metric in them (`<metric>_good`): frames, or an error. */
function byMetric(answers: Record<string, () => DataQueryResponse | ReturnType<typeof calm>>) {
  return (request: DataQueryRequest): DataQueryResponse => {
    const metric = exprOf(request.targets[0]).replace(/_good$/, '');
    const answer = answers[metric]?.() ?? [];
    return Array.isArray(answer) ? framesFor(answer)(request) : answer;
  };
}

const failing = (): DataQueryResponse => ({ data: [], errors: [{ refId: 'good', message: 'parse error at char 5' }] });
/** 1,440 bad events against 720 allowed: the budget is overspent by its own size. */
const overspent = () => hourlyFrames(720, 1000, (hoursAgo) => (hoursAgo % 12 === 0 ? 24 : 0));
const spotless = () => hourlyFrames(720, 1000, () => 0);

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe("the SLO list: each SLO's numbers", () => {
  beforeAll(() => Promise.all([import('./SlosPage'), import('./SloPage')]), 60_000);
  beforeAll(stubIntersectionObserver);

  let grafana: FakeGrafana;
  let datasource: FakeDatasource;
  function answer(answers: Parameters<typeof byMetric>[0]) {
    datasource = new FakeDatasource('prometheus', 'prometheus', byMetric(answers));
    installDatasource(datasource);
  }
  beforeEach(() => {
    grafana = installFakeGrafana();
  });

  it("shows the SLO page's SLI, budget left, 1h burn rate and alert for the same SLO and end", async () => {
    answer({ requests: burning });
    seedSlo(grafana, hourlySlo());
    const list = renderApp(LIST_AT);
    const uid = 'checkout-availability';
    await screen.findByTestId(testIds.slosPage.sli(uid));
    const row = {
      sli: text(testIds.slosPage.sli(uid)),
      budget: text(testIds.slosPage.budget(uid)),
      bar: screen.getByTestId(testIds.slosPage.budgetBar(uid)).getAttribute('aria-valuenow'),
      burnRate: text(testIds.slosPage.burnRate(uid)),
      alert: text(testIds.slosPage.alert(uid)),
    };
    list.unmount();

    renderApp(`${sloPageUrl(uid)}?to=${AT}`);
    const sli = await screen.findByTestId(testIds.summary.sli);
    const valueOf = (testId: string) => screen.getByTestId(testId).querySelector('span')?.textContent;
    expect(row).toEqual({
      sli: sli.textContent,
      budget: valueOf(testIds.summary.budget),
      bar: '50',
      burnRate: valueOf(testIds.summary.burnRate),
      alert: expect.stringContaining(text(testIds.summary.alert) ?? 'the summary has no alert'),
    });
    expect(row).toMatchObject({ sli: '99.95%', budget: '50.0%', burnRate: '360x' });
    expect(row.alert).toContain('Page firing: 1h/5m at 360x');
    // Both asked the datasource the same question.
    const [fromList, fromPage] = datasource.requests;
    expect(fromList.range.from.valueOf()).toBe(fromPage.range.from.valueOf());
    expect(fromList.range.to.valueOf()).toBe(AT);
    expect(fromList.targets).toEqual(fromPage.targets);
    expect(fromList.maxDataPoints).toBe(fromPage.maxDataPoints);
  });

  it("shows a failed query and no data on their own rows, and the other rows' numbers", async () => {
    answer({ calm, broken: failing, empty: () => hourlyFrames(0, 1000, () => 0) });
    seedSlo(grafana, hourlySlo({ uid: 'ok', name: 'OK' }, 'calm'));
    seedSlo(grafana, hourlySlo({ uid: 'broken', name: 'Broken' }, 'broken'));
    seedSlo(grafana, hourlySlo({ uid: 'empty', name: 'Empty' }, 'empty'));
    renderApp(LIST_AT);

    const broken = await screen.findByText('The query failed');
    expect(broken.closest('td')).toHaveTextContent('Query good: parse error at char 5');
    expect(broken.closest('tr')).toBe(screen.getByTestId(testIds.slosPage.row('broken')));
    await waitFor(() => expect(screen.getByTestId(testIds.slosPage.rowState('empty'))).toHaveTextContent('No data'));
    expect(await screen.findByTestId(testIds.slosPage.sli('ok'))).toHaveTextContent('99.95%');
    expect(text(testIds.slosPage.alert('ok'))).toBe('No alert firing');
    expect(screen.getByTestId(testIds.slosPage.table).textContent).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('filters by label, keeping the SLOs that have every label chosen', async () => {
    answer({});
    seedSlo(grafana, hourlySlo({ uid: 'a', name: 'A', labels: { env: 'prod', tier: '1' } }));
    seedSlo(grafana, hourlySlo({ uid: 'b', name: 'B', labels: { env: 'prod', tier: '2' } }));
    seedSlo(grafana, hourlySlo({ uid: 'c', name: 'C', labels: { env: 'staging', tier: '1' } }));
    renderApp(LIST_AT);
    await screen.findByTestId(testIds.slosPage.row('c'));

    await pick('Labels', 'env=prod');
    await waitFor(() => expect(rowNames()).toEqual(['A', 'B']));

    await pick('Labels', 'tier=1');
    await waitFor(() => expect(rowNames()).toEqual(['A']));
  });

  it('sorts by risk, least budget left first and SLOs without numbers last, without evaluating again', async () => {
    answer({ calm, overspent, spotless, broken: failing });
    seedSlo(grafana, hourlySlo({ uid: 'a', name: 'A calm' }, 'calm'));
    seedSlo(grafana, hourlySlo({ uid: 'b', name: 'B broken' }, 'broken'));
    seedSlo(grafana, hourlySlo({ uid: 'c', name: 'C spotless' }, 'spotless'));
    seedSlo(grafana, hourlySlo({ uid: 'd', name: 'D overspent' }, 'overspent'));
    renderApp(LIST_AT);
    await screen.findByTestId(testIds.slosPage.table);
    await waitFor(() => expect(screen.queryAllByText('Evaluating...')).toEqual([]));
    const asked = datasource.requests.length;
    expect(text(testIds.slosPage.budget('d'))).toBe('-100.0%');

    fireEvent.click(screen.getByRole('radio', { name: 'Risk' }));

    expect(rowNames()).toEqual(['D overspent', 'A calm', 'C spotless', 'B broken']);
    expect(screen.queryAllByText('Evaluating...')).toEqual([]);
    await pick('Service', 'checkout');
    expect(datasource.requests).toHaveLength(asked);
  });
});

/** A datasource that holds every answer until the test lets it go. */
class HeldDatasource extends FakeDatasource {
  readonly held: Array<() => void> = [];
  inFlight = 0;
  mostInFlight = 0;

  async query(request: DataQueryRequest): Promise<DataQueryResponse> {
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise<void>((resolve) => this.held.push(resolve));
    this.inFlight--;
    return super.query(request);
  }

  release(): void {
    this.held.shift()?.();
  }
}

describe('the SLO list: evaluating a page', () => {
  beforeAll(() => import('./SlosPage'), 60_000);

  it('shows each row as evaluating until its answer arrives, with at most 4 evaluations in flight', async () => {
    const grafana = installFakeGrafana();
    const datasource = new HeldDatasource('prometheus', 'prometheus', framesFor(calm()));
    installDatasource(datasource);
    const uids = ['s1', 's2', 's3', 's4', 's5', 's6'];
    uids.forEach((uid) => seedSlo(grafana, hourlySlo({ uid, name: uid })));
    renderApp(LIST_AT);

    await waitFor(() => expect(datasource.held).toHaveLength(4));
    expect(uids.map((uid) => text(testIds.slosPage.rowState(uid)))).toEqual(uids.map(() => 'Evaluating...'));

    await act(async () => datasource.release());
    expect(await screen.findByTestId(testIds.slosPage.sli('s1'))).toHaveTextContent('99.95%');
    expect(within(screen.getByTestId(testIds.slosPage.row('s6'))).getByText('Evaluating...')).toBeInTheDocument();

    while (uids.some((uid) => !screen.queryByTestId(testIds.slosPage.sli(uid)))) {
      await act(async () => datasource.release());
    }
    expect(datasource.mostInFlight).toBe(4);
    expect(datasource.requests).toHaveLength(6);
  });
});
