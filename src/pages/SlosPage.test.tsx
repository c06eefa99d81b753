import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { testIds } from '../components/testIds';
import { sloPageUrl } from '../constants';
import { latencySlo, ratioSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import { installFakeGrafana, type FakeGrafana } from '../store/testing';
import { FakeDatasource, framesFor, installDatasource } from './testing/fakeDatasource';
import { renderApp, seedSlo } from './testing/renderApp';
import { stubIntersectionObserver } from './testing/jsdom';
import { LIST, pick, rowNames } from './testing/slosList';

// CI runs the suites side by side on two cores: the debounced search and @grafana/ui's menus can
// take more than the default second to settle there.
configure({ asyncUtilTimeout: 10_000 });

const slo = (patch: Partial<SloSpec>): SloSpec => ({ ...ratioSlo(), folderUid: 'slos', ...patch });

function listCalls(grafana: FakeGrafana) {
  return grafana.callsTo('GET', '/api/library-elements');
}

describe('the SLO list', () => {
  beforeAll(() => import('./SlosPage'), 60_000);
  beforeAll(stubIntersectionObserver);

  let grafana: FakeGrafana;
  beforeEach(() => {
    grafana = installFakeGrafana();
    // No samples: these tests are about the list itself (SlosPage.status.test.tsx has the numbers).
    installDatasource(new FakeDatasource('prometheus-main', 'prometheus', framesFor([])));
  });

  it('lists each SLO with its service, team, objective, window and kind of SLI, linking to its page', async () => {
    seedSlo(grafana, slo({}));
    seedSlo(grafana, { ...latencySlo(), folderUid: 'slos', team: 'web' });
    renderApp(LIST);

    const row = await screen.findByTestId(testIds.slosPage.row('checkout-availability'));
    expect(within(row).getByRole('link', { name: 'Checkout availability' })).toHaveAttribute(
      'href',
      sloPageUrl('checkout-availability')
    );
    expect([...row.querySelectorAll('td')].slice(0, 6).map((cell) => cell.textContent)).toEqual([
      'Checkout availability',
      'checkout',
      'payments',
      '99.9%',
      '30 days',
      'Ratio of bad requests (Prometheus)',
    ]);
    const latency = screen.getByTestId(testIds.slosPage.row('checkout-latency'));
    expect(latency).toHaveTextContent('Calendar month');
    expect(latency).toHaveTextContent('99%');
    expect(latency).toHaveTextContent('Latency ≤ 0.5s (Prometheus)');
  });

  it('sends the search text to Grafana once typing pauses', async () => {
    seedSlo(grafana, slo({ uid: 'a', name: 'Checkout availability' }));
    seedSlo(grafana, slo({ uid: 'b', name: 'Search latency', description: 'Search requests' }));
    renderApp(LIST);
    await screen.findByTestId(testIds.slosPage.row('b'));

    fireEvent.change(screen.getByPlaceholderText('Name or description'), { target: { value: 'check' } });

    await waitFor(() => expect(rowNames()).toEqual(['Checkout availability']));
    const sent = listCalls(grafana).map((call) => call.query.get('searchString'));
    expect(sent).toEqual([null, 'check']);
  });

  it('says when nothing matches the search', async () => {
    seedSlo(grafana, slo({}));
    renderApp(LIST);
    await screen.findByTestId(testIds.slosPage.table);

    fireEvent.change(screen.getByPlaceholderText('Name or description'), { target: { value: 'nothing' } });

    expect(await screen.findByText('No SLOs match "nothing"')).toBeInTheDocument();
  });

  it('filters by service and by team', async () => {
    seedSlo(grafana, slo({ uid: 'a', name: 'A', service: 'checkout', team: 'payments' }));
    seedSlo(grafana, slo({ uid: 'b', name: 'B', service: 'search', team: 'payments' }));
    seedSlo(grafana, slo({ uid: 'c', name: 'C', service: 'search', team: 'discovery' }));
    renderApp(LIST);
    await screen.findByTestId(testIds.slosPage.row('c'));

    await pick('Service', 'search');
    await waitFor(() => expect(rowNames()).toEqual(['B', 'C']));

    await pick('Team', 'discovery');
    await waitFor(() => expect(rowNames()).toEqual(['C']));
  });

  it('sorts by name, service or team', async () => {
    seedSlo(grafana, slo({ uid: 'a', name: 'A', service: 'zeta', team: 'ops' }));
    seedSlo(grafana, slo({ uid: 'b', name: 'B', service: 'alpha', team: 'web' }));
    seedSlo(grafana, slo({ uid: 'c', name: 'C', service: 'mid', team: 'db' }));
    renderApp(LIST);
    await screen.findByTestId(testIds.slosPage.row('c'));
    expect(rowNames()).toEqual(['A', 'B', 'C']);

    fireEvent.click(screen.getByRole('radio', { name: 'Service' }));
    expect(rowNames()).toEqual(['B', 'C', 'A']);

    fireEvent.click(screen.getByRole('radio', { name: 'Team' }));
    expect(rowNames()).toEqual(['C', 'A', 'B']);
  });

  it('pages through more than 100 SLOs, 100 at a time', async () => {
    for (let index = 0; index < 105; index++) {
      const id = String(index).padStart(3, '0');
      seedSlo(grafana, slo({ uid: `slo-${id}`, name: `SLO ${id}` }));
    }
    renderApp(LIST);
    await screen.findByTestId(testIds.slosPage.row('slo-000'), {}, { timeout: 10_000 });
    expect(rowNames()).toHaveLength(100);

    fireEvent.click(screen.getByText('2', { selector: 'button, button *' }));

    expect(await screen.findByTestId(testIds.slosPage.row('slo-104'), {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(rowNames()).toEqual(['SLO 100', 'SLO 101', 'SLO 102', 'SLO 103', 'SLO 104']);
    expect(listCalls(grafana).map((call) => [call.query.get('page'), call.query.get('perPage')])).toEqual([
      ['1', '100'],
      ['2', '100'],
    ]);
  }, 60_000);

  it('lists library panels that do not read as SLOs with their problems', async () => {
    seedSlo(grafana, slo({}));
    const { model } = { model: { type: 'nines-slo-panel', title: 'Broken', targets: [] } };
    grafana.seedElement({ uid: 'broken', name: 'Broken <b>SLO</b>', folderUid: 'slos', model });
    renderApp(LIST);

    const row = await screen.findByTestId(testIds.slosPage.invalidRow('broken'));
    expect(within(row).getByRole('link', { name: 'Broken <b>SLO</b>' })).toHaveAttribute('href', sloPageUrl('broken'));
    expect(row).toHaveTextContent('model.targets has no event query');
    expect(screen.getByTestId(testIds.slosPage.row('checkout-availability'))).toBeInTheDocument();
  });

  it("shows Grafana's error with its message and loads again on Retry", async () => {
    seedSlo(grafana, slo({}));
    grafana.failNext(500, 'database is locked');
    renderApp(LIST);

    const error = await screen.findByTestId(testIds.slosPage.error);
    expect(error).toHaveTextContent('database is locked');

    fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByTestId(testIds.slosPage.row('checkout-availability'))).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.slosPage.error)).not.toBeInTheDocument();
  });

  it('shows that it is loading until Grafana answers', async () => {
    seedSlo(grafana, slo({}));
    renderApp(LIST);

    expect(await screen.findByTestId(testIds.slosPage.loading)).toBeInTheDocument();
    expect(await screen.findByTestId(testIds.slosPage.table)).toBeInTheDocument();
  });
});
