import { figuresOf, medianFigures, targetChecks, type LoadFigures, type PageRecord } from '../../bench/overviewReport';
import { benchLibraryElements, benchSlo } from '../../bench/overviewSlos';
import { replayQueries } from '../../bench/prometheusReplay';

function load(overrides: Partial<LoadFigures> = {}): LoadFigures {
  return {
    requests: 8,
    bytes: 1000,
    failedRequests: 0,
    timeMs: 1500,
    networkMs: 1200,
    afterLastAnswerMs: 300,
    answerWaitMs: 400,
    longestTaskMs: 120,
    tasksOverLimit: 0,
    longestTaskAnyMs: 600,
    viewSlos: 200,
    viewRequests: 8,
    consoleErrors: 0,
    polled: 0,
    prometheusMs: 900,
    ...overrides,
  };
}

describe('benchmark SLOs', () => {
  it('are valid SLOs with unique uids and names, over every demo service, both SLI kinds and several teams and windows', () => {
    const elements = benchLibraryElements(1000);
    expect(elements).toHaveLength(1000);
    expect(new Set(elements.map((element) => element.uid)).size).toBe(1000);
    expect(new Set(elements.map((element) => element.name)).size).toBe(1000);
    const specs = Array.from({ length: 1000 }, (_, index) => benchSlo(index));
    expect(new Set(specs.map((slo) => slo.service))).toEqual(new Set(['checkout', 'search', 'payments', 'admin']));
    expect(new Set(specs.map((slo) => slo.sli.source.kind))).toEqual(new Set(['prometheusRatio', 'prometheusLatency']));
    expect(new Set(specs.map((slo) => slo.team)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(specs.map((slo) => slo.objective.window)).size).toBeGreaterThanOrEqual(4);
    // Only checkout has the latency histogram in the demo traffic.
    expect(
      specs.filter((slo) => slo.sli.source.kind === 'prometheusLatency').every((slo) => slo.service === 'checkout')
    ).toBe(true);
  });

  it('are the same in every run', () => {
    expect(benchLibraryElements(30)).toEqual(benchLibraryElements(30));
  });
});

describe('figures of one load', () => {
  const record: PageRecord = {
    listStart: 1000,
    queries: [
      { start: 1200, requestStart: 1210, responseStart: 1500, end: 1600, bytes: 300 },
      { start: 1250, requestStart: 1260, responseStart: 1900, end: 2000, bytes: 500 },
    ],
    longTasks: [
      { start: 200, duration: 700 },
      { start: 1700, duration: 250 },
      { start: 2050, duration: 90 },
      { start: 3000, duration: 400 },
    ],
    doneAt: 2190,
    drawnAt: 2200,
  };
  const counts = { failedRequests: 0, consoleErrors: 0, viewSlos: 2, viewRequests: 2 };

  it('times from the first request to drawn, split at the last answer', () => {
    const figures = figuresOf(record, counts);
    expect(figures).toMatchObject({ requests: 2, bytes: 800, timeMs: 1000, networkMs: 800, afterLastAnswerMs: 200 });
    expect(figures.answerWaitMs).toBe(465);
  });

  it('counts the app long tasks between the SLO list request and drawn, and the host start-up apart', () => {
    const figures = figuresOf(record, counts);
    expect(figures.longestTaskMs).toBe(250);
    expect(figures.tasksOverLimit).toBe(1);
    expect(figures.longestTaskAnyMs).toBe(700);
  });
});

describe('several loads and the target', () => {
  it('takes the median of times and bytes but the worst long task', () => {
    const merged = medianFigures([
      load({ timeMs: 1000, longestTaskMs: 90 }),
      load({ timeMs: 3000, longestTaskMs: 250, tasksOverLimit: 1 }),
      load({ timeMs: 1400, longestTaskMs: 80 }),
    ]);
    expect(merged.timeMs).toBe(1400);
    expect(merged.longestTaskMs).toBe(250);
    expect(merged.tasksOverLimit).toBe(1);
  });

  it('passes 200 SLOs within 2 s without a task over 200 ms, and fails either miss', () => {
    const baseline = load({ requests: 200 });
    expect(targetChecks([{ slos: 200, batched: load(), baseline }]).map((check) => check.ok)).toEqual([true, true]);
    expect(
      targetChecks([{ slos: 200, batched: load({ timeMs: 2100, tasksOverLimit: 2 }), baseline }]).map(
        (check) => check.ok
      )
    ).toEqual([false, false]);
    expect(targetChecks([{ slos: 20, batched: load(), baseline }])).toEqual([]);
  });
});

describe('Prometheus replay', () => {
  it('reads the range queries of a ds/query body, aligned to their step', () => {
    const body = JSON.stringify({
      from: '1780272000000',
      to: '1795731721895',
      queries: [
        { refId: 's0_good', expr: 'up{job="a"}', intervalMs: 3_600_000 },
        { refId: 's0_total', expr: '', intervalMs: 3_600_000 },
      ],
    });
    expect(replayQueries(body)).toEqual([{ expr: 'up{job="a"}', start: 1780272000, end: 1795730400, step: 3600 }]);
  });
});
