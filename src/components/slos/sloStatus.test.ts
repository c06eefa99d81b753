import { LoadingState } from '@grafana/data';
import { burning, calm, hourlyFrames, panelData, withOptions } from '../../panels/slo/panelFixtures';
import { panelState, type PanelState } from '../../panels/slo/panelState';
import { remainingBudget, sloStatus } from './sloStatus';

const stateOf = (data: ReturnType<typeof panelData>): PanelState =>
  panelState({ data, options: withOptions({}), timeZone: 'utc', replaceVariables: (text) => text, chartPoints: 800 });

describe('sloStatus', () => {
  it("words a calm SLO's SLI, budget left, 1h burn rate and alerts as the panel's summary does", () => {
    expect(sloStatus(stateOf(panelData(calm())), 99.9)).toEqual({
      kind: 'evaluated',
      sli: '99.95%',
      met: true,
      coverage: null,
      budget: { remaining: expect.closeTo(0.5, 9), text: '50.0%', health: 'healthy', fill: expect.closeTo(0.5, 9) },
      burnRate: '0.00x',
      firing: null,
    });
  });

  it('names the most urgent firing tier in the words of the summary and counts the others', () => {
    const status = sloStatus(stateOf(panelData(burning())), 99.9);
    expect(status).toMatchObject({ kind: 'evaluated', burnRate: '360x' });
    expect(status.kind === 'evaluated' && status.firing).toEqual({
      severity: 'page',
      text: 'Page firing: 1h/5m at 360x',
      others: expect.any(Number),
    });
  });

  it('fills the bar between empty and full, however far the budget is overspent', () => {
    // 1,440 bad events against 720 allowed: the budget is overspent by its own size.
    const overspent = sloStatus(
      stateOf(panelData(hourlyFrames(720, 1000, (hoursAgo) => (hoursAgo % 12 === 0 ? 24 : 0)))),
      99.9
    );
    expect(overspent).toMatchObject({ kind: 'evaluated', budget: { text: '-100.0%', health: 'exhausted', fill: 0 } });
  });

  it('says no data, too few events and a failed query instead of numbers', () => {
    expect(sloStatus({ kind: 'noData' }, 99.9)).toMatchObject({ kind: 'message', tone: 'info', title: 'No data' });
    expect(sloStatus({ kind: 'tooFewEvents', total: 12, minEvents: 100 }, 99.9)).toEqual({
      kind: 'message',
      tone: 'info',
      title: 'Too few events',
      detail: '12 events in the SLO window; at least 100 are needed.',
    });
    const failed = panelData([], { state: LoadingState.Error, errors: [{ refId: 'A', message: 'timeout' }] });
    expect(sloStatus(stateOf(failed), 99.9)).toEqual({
      kind: 'message',
      tone: 'error',
      title: 'The query failed',
      detail: 'Query A: timeout',
    });
  });

  it('says how much of the window the data covers when it is not all of it', () => {
    const week = hourlyFrames(168, 1000, () => 0);
    expect(sloStatus(stateOf(panelData(week)), 99.9)).toMatchObject({ coverage: 'Data for 23% of the window' });
  });
});

describe('remainingBudget', () => {
  it('is the budget left of an evaluated SLO, and null for every other state', () => {
    expect(remainingBudget(stateOf(panelData(calm())))).toBeCloseTo(0.5, 9);
    expect(remainingBudget({ kind: 'noData' })).toBeNull();
    expect(remainingBudget({ kind: 'loading' })).toBeNull();
    expect(remainingBudget(undefined)).toBeNull();
  });
});
