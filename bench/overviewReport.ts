/**
 * The overview benchmark's figures: what one page load measured (from the page's record), the
 * median over loads, the table with ratios batched / baseline, and the target.
 */

export const TARGET_SLOS = 200;
export const TARGET_MS = 2000;
export const LONG_TASK_LIMIT_MS = 200;

/** What one page load measured; times in ms. */
export interface LoadFigures {
  requests: number;
  /** Response bodies of the ds/query requests as sent (the host does not compress). */
  bytes: number;
  failedRequests: number;
  /** First ds/query request sent to the frame after `data-done="true"`. */
  timeMs: number;
  /** First ds/query request sent to the last ds/query answer received. */
  networkMs: number;
  /** Last ds/query answer received to the frame after done: drawing what the last answer held. */
  afterLastAnswerMs: number;
  /** Median wait for one answer (request sent to first byte): the host plus Prometheus. */
  answerWaitMs: number;
  /** Longest main-thread task from the SLO list request to drawn (the app's own work). */
  longestTaskMs: number;
  tasksOverLimit: number;
  /** Longest task of the whole load, including the host page's start-up before the app asks anything. */
  longestTaskAnyMs: number;
  /** The view's own counts: SLOs evaluated, requests it sent. */
  viewSlos: number;
  viewRequests: number;
  consoleErrors: number;
  /** 1 when the view was already done when it appeared, so a 100 ms poll timed it. */
  polled: number;
  /** The same queries sent straight to Prometheus as the page sent them (bench/prometheusReplay.ts). */
  prometheusMs: number;
}

export interface WorkloadResult {
  slos: number;
  batched: LoadFigures;
  baseline: LoadFigures;
}

/** What the init script collects in the page, read back after the load. */
export interface PageRecord {
  longTasks: Array<{ start: number; duration: number }>;
  queries: Array<{ start: number; requestStart: number; responseStart: number; end: number; bytes: number }>;
  listStart: number | null;
  doneAt: number | null;
  drawnAt: number | null;
  /** Set when the poll, not the observer, saw the view done. */
  polled?: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0
    ? NaN
    : sorted.length % 2 === 1
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Figures where the worst load counts, not the median: the target says "no task over 200 ms". */
const WORST_OF: ReadonlySet<keyof LoadFigures> = new Set<keyof LoadFigures>([
  'longestTaskMs',
  'tasksOverLimit',
  'longestTaskAnyMs',
  'failedRequests',
  'consoleErrors',
  'polled',
]);

/**
 * Several loads of the same workload and mode as one: the median of each count and time, the
 * worst of the long tasks and failures.
 */
export function medianFigures(loads: LoadFigures[]): LoadFigures {
  const keys = Object.keys(loads[0]) as Array<keyof LoadFigures>;
  const result = { ...loads[0] };
  for (const key of keys) {
    const values = loads.map((load) => load[key]);
    result[key] = WORST_OF.has(key) ? Math.max(...values) : median(values);
  }
  return result;
}

/**
 * One load's figures from the page's record. The app's own long tasks are those from its SLO
 * list request to drawn; the host page's start-up before it is counted apart.
 */
export function figuresOf(
  record: PageRecord,
  counts: Pick<LoadFigures, 'failedRequests' | 'consoleErrors' | 'viewSlos' | 'viewRequests'>
): LoadFigures {
  const { queries, longTasks } = record;
  const drawnAt = record.drawnAt ?? record.doneAt ?? NaN;
  const firstQuery = queries.length > 0 ? Math.min(...queries.map((query) => query.start)) : drawnAt;
  const lastAnswer = queries.length > 0 ? Math.max(...queries.map((query) => query.end)) : firstQuery;
  const appStart = record.listStart ?? firstQuery;
  const appTasks = longTasks.filter((task) => task.start + task.duration > appStart && task.start < drawnAt);
  return {
    requests: queries.length,
    bytes: queries.reduce((sum, query) => sum + query.bytes, 0),
    timeMs: drawnAt - firstQuery,
    networkMs: lastAnswer - firstQuery,
    afterLastAnswerMs: drawnAt - lastAnswer,
    answerWaitMs: median(queries.map((query) => query.responseStart - query.requestStart)),
    longestTaskMs: Math.max(0, ...appTasks.map((task) => task.duration)),
    tasksOverLimit: appTasks.filter((task) => task.duration > LONG_TASK_LIMIT_MS).length,
    longestTaskAnyMs: Math.max(0, ...longTasks.map((task) => task.duration)),
    polled: record.polled ? 1 : 0,
    prometheusMs: NaN,
    ...counts,
  };
}

export const formatMs = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a');
const formatBytes = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(2)}x` : 'n/a');

function row(cells: Array<string | number>): string {
  const widths = [6, 9, 10, 11, 13, 11, 14, 13, 22];
  return cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 10)).join('');
}

/** The results table: per workload, batched and baseline, then the ratios batched / baseline. */
export function formatResults(results: WorkloadResult[]): string {
  const lines = [
    row([
      'SLOs',
      'mode',
      'requests',
      'bytes',
      'first→drawn',
      'network',
      'after answer',
      'answer wait',
      'longest task',
      'Prometheus alone',
    ]),
  ];
  for (const { slos, batched, baseline } of results) {
    for (const [mode, figures] of [
      ['batched', batched],
      ['batch=1', baseline],
    ] as const) {
      lines.push(
        row([
          slos,
          mode,
          figures.requests,
          formatBytes(figures.bytes),
          formatMs(figures.timeMs),
          formatMs(figures.networkMs),
          formatMs(figures.afterLastAnswerMs),
          formatMs(figures.answerWaitMs),
          `${formatMs(figures.longestTaskMs)} (${figures.tasksOverLimit} > ${LONG_TASK_LIMIT_MS})`,
          formatMs(figures.prometheusMs),
        ])
      );
    }
    lines.push(
      row([
        '',
        'ratio',
        ratio(batched.requests, baseline.requests),
        ratio(batched.bytes, baseline.bytes),
        ratio(batched.timeMs, baseline.timeMs),
        ratio(batched.networkMs, baseline.networkMs),
        '',
        '',
        ratio(batched.longestTaskMs, baseline.longestTaskMs),
        ratio(batched.prometheusMs, baseline.prometheusMs),
      ])
    );
  }
  return lines.join('\n');
}

/** PASS/FAIL lines for the target, judged on the batched (default) page; empty without a 200-SLO workload. */
export function targetChecks(results: WorkloadResult[]): Array<{ ok: boolean; line: string }> {
  const workload = results.find((result) => result.slos === TARGET_SLOS);
  if (!workload) {
    return [];
  }
  const { batched } = workload;
  return [
    {
      ok: batched.timeMs <= TARGET_MS,
      line: `${TARGET_SLOS} SLOs drawn within ${TARGET_MS / 1000} s of the first request: ${formatMs(batched.timeMs)}`,
    },
    {
      ok: batched.tasksOverLimit === 0,
      line:
        `no main-thread task over ${LONG_TASK_LIMIT_MS} ms while the overview loads and draws: longest ` +
        `${formatMs(batched.longestTaskMs)}, ${batched.tasksOverLimit} over`,
    },
  ];
}
