import { act, renderHook, waitFor } from '@testing-library/react';
import { FieldType, toDataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { FakeDatasource, installDatasource } from '../../pages/testing/fakeDatasource';
import { hourlySlo } from '../../pages/testing/slosList';
import { ratioSlo } from '../../spec/testing';
import type { SloSpec } from '../../spec/types';
import { useOverview, type OverviewRequest } from './useOverview';

const HOUR = 3_600_000;
const AT = Date.UTC(2026, 10, 26, 18);

function expr(target: DataQueryRequest['targets'][number]): string {
  return 'expr' in target && typeof target.expr === 'string' ? target.expr : '';
}

/** Every target answers a point on each whole hour of the asked range, as Prometheus steps do. */
function hourly(request: DataQueryRequest, value: (expr: string, time: number) => number): DataQueryResponse {
  const times: number[] = [];
  for (
    let time = Math.ceil(request.range.from.valueOf() / HOUR) * HOUR;
    time <= request.range.to.valueOf();
    time += HOUR
  ) {
    times.push(time);
  }
  return {
    data: request.targets.map((target) =>
      toDataFrame({
        refId: target.refId,
        fields: [
          { name: 'Time', type: FieldType.time, values: times },
          { name: 'Value', type: FieldType.number, values: times.map((time) => value(expr(target), time)) },
        ],
      })
    ),
  };
}

/** 1000 events an hour, `bad` of them bad, for every target over the asked range. */
function frames(request: DataQueryRequest, bad: number): DataQueryResponse {
  return hourly(request, (query) => (query.endsWith('_good') ? 1000 - bad : 1000));
}

/** A datasource whose answers wait until the test releases them, one request at a time. */
function heldDatasource() {
  const held: Array<() => void> = [];
  const datasource = new FakeDatasource('prometheus', 'prometheus', () => ({ data: [] }));
  datasource.query = (request) => {
    datasource.requests.push(request);
    return new Promise<DataQueryResponse>((resolve) => held.push(() => resolve(frames(request, 0.2))));
  };
  installDatasource(datasource);
  return {
    datasource,
    release: async () => {
      await waitFor(() => expect(held.length).toBeGreaterThan(0));
      await act(async () => held.shift()?.());
    },
  };
}

const slo = (uid: string, team: string): SloSpec => ({ ...hourlySlo({}, uid), uid, name: uid, team });
const SLOS = [slo('a', 'payments'), slo('b', 'payments'), slo('c', 'search')];

const request = (patch: Partial<OverviewRequest> = {}): OverviewRequest => ({
  slos: SLOS,
  at: AT,
  timeZone: 'UTC',
  granularity: 'month',
  refresh: 1,
  batchSize: 1,
  ...patch,
});

describe('useOverview', () => {
  it('draws each batch as it arrives and evaluates only the new one', async () => {
    const { datasource, release } = heldDatasource();
    const { result } = renderHook((props: OverviewRequest) => useOverview(props), { initialProps: request() });
    expect(result.current).toMatchObject({ slos: [], loading: 3, done: false, requests: { sent: 3, answered: 0 } });

    await release();
    await waitFor(() => expect(result.current.slos).toHaveLength(1));
    const [first] = result.current.slos;
    expect(result.current).toMatchObject({ loading: 2, done: false, requests: { answered: 1 } });
    expect(first).toMatchObject({ uid: 'a', state: 'ok' });

    await release();
    await release();
    await waitFor(() => expect(result.current.done).toBe(true));
    expect(result.current.slos.map((one) => one.uid)).toEqual(['a', 'b', 'c']);
    // The first SLO's evaluation is the same object: later batches did not evaluate it again.
    expect(result.current.slos[0]).toBe(first);
    expect(result.current.summary).toMatchObject({ slos: 3, withData: 3, meetingObjective: 3 });
    expect(result.current.teams.map((group) => group.name)).toEqual(['payments', 'search']);
    expect(
      result.current.grid.teams.flatMap((team) => team.services.flatMap((s) => s.rows.map((row) => row.uid)))
    ).toEqual(['a', 'b', 'c']);
    expect(datasource.requests).toHaveLength(3);
  });

  it('covers both calendars and every SLO window with one range, so switching granularity asks nothing', async () => {
    const { datasource, release } = heldDatasource();
    const { result, rerender } = renderHook((props: OverviewRequest) => useOverview(props), {
      initialProps: request({ batchSize: 25 }),
    });
    await release();
    await waitFor(() => expect(result.current.done).toBe(true));
    const [asked] = datasource.requests;
    // Six calendar months back from November 2026 start on 1 June.
    expect(asked.range.from.valueOf()).toBe(Date.UTC(2026, 5, 1));
    expect(asked.range.to.valueOf()).toBe(AT);
    expect(result.current.grid.periods).toHaveLength(6);

    rerender(request({ batchSize: 25, granularity: 'week' }));

    expect(result.current.grid.periods).toHaveLength(8);
    expect(result.current.grid.teams[0].services[0].rows[0].cells.every((cell) => cell.status === 'met')).toBe(true);
    expect(datasource.requests).toHaveLength(1);
  });

  it('narrows every part to the filter without asking again', async () => {
    const { datasource, release } = heldDatasource();
    const { result, rerender } = renderHook((props: OverviewRequest) => useOverview(props), {
      initialProps: request({ batchSize: 25 }),
    });
    await release();
    await waitFor(() => expect(result.current.done).toBe(true));

    rerender(request({ batchSize: 25, filter: { teams: ['search'], services: [], labels: [] } }));

    expect(result.current.slos.map((one) => one.uid)).toEqual(['c']);
    expect(result.current.summary.slos).toBe(1);
    expect(result.current.teams.map((group) => group.name)).toEqual(['search']);
    expect(result.current.grid.teams.map((team) => team.team)).toEqual(['search']);
    expect(result.current.done).toBe(true);
    expect(datasource.requests).toHaveLength(1);
  });

  it('keeps the last evaluation of each SLO while a refresh loads, counting it as loading', async () => {
    const { datasource, release } = heldDatasource();
    const { result, rerender } = renderHook((props: OverviewRequest) => useOverview(props), {
      initialProps: request(),
    });
    for (let i = 0; i < 3; i++) {
      await release();
    }
    await waitFor(() => expect(result.current.done).toBe(true));
    const before = result.current.slos;

    rerender(request({ at: AT + HOUR, refresh: 2 }));

    expect(result.current).toMatchObject({ loading: 3, done: false, requests: { sent: 3, answered: 0 } });
    expect(result.current.slos).toEqual(before);
    expect(result.current.grid.teams).toHaveLength(2);
    await release();
    await waitFor(() => expect(result.current.loading).toBe(2));
    expect(result.current.slos.find((one) => one.uid === 'a')).not.toBe(before[0]);
    expect(result.current.slos.find((one) => one.uid === 'b')).toBe(before[1]);
    await release();
    await release();
    await waitFor(() => expect(result.current.done).toBe(true));
    expect(datasource.requests).toHaveLength(6);
  });

  it("asks a query builder's SLOs only for the last hours on refresh, with the numbers of a full load", async () => {
    // Hourly increases as Prometheus sums them: 1000 events an hour, a few bad ones varying by hour.
    const answer = (request: DataQueryRequest) =>
      hourly(request, (query, time) => (query.includes('code=~') ? (time / HOUR) % 3 : 1000));
    const datasource = new FakeDatasource('prometheus', 'prometheus', answer);
    installDatasource(datasource);
    const builder = (uid: string): SloSpec => {
      const spec = ratioSlo();
      return { ...spec, uid, sli: { ...spec.sli, datasource: { uid: 'prometheus', type: 'prometheus' } } };
    };
    const slos = [builder('a'), builder('b')];
    const load = (at: number, refresh: number) => request({ slos, at, refresh, batchSize: 25 });
    const { result, rerender } = renderHook((props: OverviewRequest) => useOverview(props), {
      initialProps: load(AT, 1),
    });
    await waitFor(() => expect(result.current.done).toBe(true));
    expect(datasource.requests[0].range.from.valueOf()).toBe(Date.UTC(2026, 5, 1));

    rerender(load(AT + 3 * HOUR, 2));
    await waitFor(() => expect(result.current.done && result.current.requests.answered).toBe(1));
    const refreshed = datasource.requests[1].range;
    // The hours since the last answer, and the two before it.
    expect([refreshed.from.valueOf(), refreshed.to.valueOf()]).toEqual([AT - 2 * HOUR, AT + 3 * HOUR]);

    const full = renderHook((props: OverviewRequest) => useOverview(props), { initialProps: load(AT + 3 * HOUR, 1) });
    await waitFor(() => expect(full.result.current.done).toBe(true));
    expect(datasource.requests[2].range.from.valueOf()).toBe(Date.UTC(2026, 5, 1));
    expect(result.current.slos).toEqual(full.result.current.slos);
    expect(result.current.grid).toEqual(full.result.current.grid);
    expect(result.current.slos[0]).toMatchObject({ state: 'ok', events: { total: 720_000 } });

    // A changed SLI is asked for its whole range again.
    const changed = { ...slos[0], sli: { ...slos[0].sli, eventKind: 'good' as const } };
    rerender(request({ slos: [changed, slos[1]], at: AT + 3 * HOUR, refresh: 3, batchSize: 1 }));
    await waitFor(() => expect(datasource.requests).toHaveLength(5));
    expect(datasource.requests.slice(3).map((asked) => asked.range.from.valueOf())).toEqual([
      Date.UTC(2026, 5, 1),
      AT + HOUR,
    ]);
  });

  it('is done at once without SLOs, and never while the SLOs are being listed', () => {
    installDatasource(new FakeDatasource('prometheus', 'prometheus', () => ({ data: [] })));
    const { result, rerender } = renderHook((props: OverviewRequest) => useOverview(props), {
      initialProps: request({ slos: null }),
    });
    expect(result.current.done).toBe(false);
    rerender(request({ slos: [] }));
    expect(result.current).toMatchObject({ done: true, loading: 0, requests: { sent: 0, answered: 0 } });
  });
});
