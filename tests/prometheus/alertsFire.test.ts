/**
 * @jest-environment node
 *
 * The generated rules under `promtool test rules`: crafted traffic, and the alerts that must (and
 * must not) fire at given times. Samples start at minute 0; every scenario runs the real promtool.
 */
import { rmSync } from 'node:fs';

import { ALERTS, sloAlertRules } from '../../src/prometheus';
import { selector } from '../../src/prometheus/promql';
import { requirePromtool, temporaryDirectory } from './promtool';
import { disabledTiersSpec, hostileSpec, HOSTILE, latencySpec, minEventsSpec, pagesOnly, ratioSpec } from './specs';
import {
  absentAlert,
  burnAlert,
  counterValues,
  explicitValues,
  render,
  runScenario,
  type InputSeries,
} from './unitTests';

// Real promtool and Prometheus processes: a guard against a hang, generous for a loaded CI machine.
jest.setTimeout(180_000);

let dir = '';

beforeAll(() => {
  requirePromtool();
  dir = temporaryDirectory('nines-test-rules-');
});

afterAll(() => {
  if (dir !== '') {
    rmSync(dir, { recursive: true, force: true });
  }
});

const HOUR = 60;
const DAY = 24 * HOUR;
const BURN = ALERTS.burn;

/** http_requests_total of one job and route: good (200) and bad (500) per minute, per segment. */
function requests(
  job: string,
  route: string,
  segments: Array<{ good: number; bad: number; minutes: number }>
): InputSeries[] {
  const series = (code: string) =>
    selector('http_requests_total', [
      { name: 'job', op: '=', value: job },
      { name: 'code', op: '=', value: code },
      { name: 'route', op: '=', value: route },
    ]);
  return [
    { series: series('200'), values: counterValues(segments.map(({ good, minutes }) => [good, minutes])) },
    { series: series('500'), values: counterValues(segments.map(({ bad, minutes }) => [bad, minutes])) },
  ];
}

describe('promtool test rules', () => {
  // With hours of history, not days, the day-long windows hold only those hours; the page-only
  // SLOs keep these scenarios about pages (the slow burn below has the history tickets need).
  it('pages within minutes of a fast burn (20% errors), for the failing route only', () => {
    const slo = disabledTiersSpec();
    const start = 7 * HOUR; // the burn starts after minute 420, with more than 6h of clean history
    const pay = { route: '/pay' };
    runScenario(dir, {
      name: 'fast burn',
      slo,
      inputInterval: '1m',
      evaluationInterval: '1m',
      series: [
        ...requests('checkout', '/pay', [
          { good: 600, bad: 0, minutes: start },
          { good: 480, bad: 120, minutes: 40 },
        ]),
        ...requests('checkout', '/cart', [{ good: 300, bad: 0, minutes: start + 40 }]),
      ],
      checks: [
        { minute: start, alertname: BURN, alerts: [] },
        // Pending, not firing: the page waits 2 minutes.
        { minute: start + 4, alertname: BURN, alerts: [] },
        { minute: start + 12, alertname: BURN, alerts: [burnAlert(slo, '1h', '5m', pay)] },
        {
          minute: start + 30,
          alertname: BURN,
          alerts: [burnAlert(slo, '1h', '5m', pay), burnAlert(slo, '6h', '30m', pay)],
        },
      ],
    });
  });

  it('pages on slow responses of a latency SLI (good events from histogram buckets)', () => {
    const slo = pagesOnly(latencySpec());
    const start = 7 * HOUR;
    const job = [{ name: 'job', op: '=' as const, value: 'checkout' }];
    runScenario(dir, {
      name: 'latency burn',
      slo,
      inputInterval: '1m',
      evaluationInterval: '1m',
      series: [
        {
          series: selector('http_request_duration_seconds_bucket', [...job, { name: 'le', op: '=', value: '0.5' }]),
          values: counterValues([
            [600, start],
            [300, 60],
          ]),
        },
        {
          series: selector('http_request_duration_seconds_count', job),
          values: counterValues([
            [600, start],
            [600, 60],
          ]),
        },
      ],
      checks: [
        { minute: start + 5, alertname: BURN, alerts: [] },
        // Half the requests are slow: 50x the 1% budget of a 99% objective.
        { minute: start + 30, alertname: BURN, alerts: [burnAlert(slo, '1h', '5m')] },
      ],
    });
  });

  it('opens tickets and never pages on a slow burn (0.4% errors against 99.9%)', () => {
    const slo = ratioSpec();
    const start = DAY;
    const pay = { route: '/pay' };
    runScenario(dir, {
      name: 'slow burn',
      slo,
      inputInterval: '1m',
      // Evaluating every 5 minutes keeps three days of rules quick; the rules do not depend on it.
      evaluationInterval: '5m',
      series: requests('checkout', '/pay', [
        { good: 1000, bad: 0, minutes: start },
        { good: 996, bad: 4, minutes: 20 * HOUR },
      ]),
      checks: [
        { minute: start + HOUR, alertname: BURN, alerts: [] },
        { minute: start + 3 * HOUR, alertname: BURN, alerts: [] },
        { minute: start + 6 * HOUR, alertname: BURN, alerts: [] },
        // 12 h of 4x over 36 h of data: past 1x over 3d, not yet 3x over 1d.
        { minute: start + 12 * HOUR, alertname: BURN, alerts: [burnAlert(slo, '3d', '6h', pay)] },
        {
          minute: start + 20 * HOUR,
          alertname: BURN,
          alerts: [burnAlert(slo, '1d', '2h', pay), burnAlert(slo, '3d', '6h', pay)],
        },
      ],
    });
  });

  it('stays quiet below a burn rate of 1 (0.05% errors against 99.9% for three days)', () => {
    const slo = ratioSpec();
    const minutes = 3 * DAY + 2 * HOUR;
    runScenario(dir, {
      name: 'below budget',
      slo,
      inputInterval: '1m',
      evaluationInterval: '5m',
      series: requests('checkout', '/pay', [{ good: 1999, bad: 1, minutes }]),
      checks: [HOUR, DAY, 2 * DAY, minutes].map((minute) => ({ minute, alertname: BURN, alerts: [] })),
      exprChecks: [
        {
          minute: minutes,
          expr: 'count(nines:sli_error:ratio{nines_slo="checkout-availability",window="3d"} / 0.001 > 0.49 < 0.51)',
          samples: [{ labels: '{}', value: 1 }],
        },
      ],
    });
  });

  describe('a low-traffic blip: 3 bad requests among one request an hour', () => {
    const start = 3 * HOUR;
    const good: number[] = [];
    const bad: number[] = [];
    for (let minute = 0; minute <= start + 40; minute++) {
      good.push(Math.floor(minute / HOUR));
      bad.push(minute > start ? 3 : 0);
    }
    const job = (code: string) =>
      selector('http_requests_total', [
        { name: 'job', op: '=', value: 'admin' },
        { name: 'code', op: '=', value: code },
      ]);
    const series = [
      { series: job('200'), values: explicitValues(good) },
      { series: job('500'), values: explicitValues(bad) },
    ];

    it('pages without a guard', () => {
      const slo = minEventsSpec(0);
      runScenario(dir, {
        name: 'blip unguarded',
        slo,
        inputInterval: '1m',
        evaluationInterval: '1m',
        series,
        checks: [
          { minute: start, alertname: BURN, alerts: [] },
          // Firing from 2 minutes after the blip until it leaves the 5m window.
          { minute: start + 4, alertname: BURN, alerts: [burnAlert(slo, '1h', '5m'), burnAlert(slo, '6h', '30m')] },
        ],
      });
    });

    it('stays quiet when the long windows need 200 events', () => {
      runScenario(dir, {
        name: 'blip guarded',
        slo: minEventsSpec(200),
        inputInterval: '1m',
        evaluationInterval: '1m',
        series,
        checks: [start + 4, start + 20, start + 40].map((minute) => ({ minute, alertname: BURN, alerts: [] })),
      });
    });
  });

  it('opens a ticket when the SLI metrics have been gone for 10 minutes', () => {
    const slo = ratioSpec();
    const absent = absentAlert(slo, { job: 'checkout' });
    expect(absent.exp_labels.severity).toBe('ticket');
    runScenario(dir, {
      name: 'absent',
      slo,
      inputInterval: '1m',
      evaluationInterval: '1m',
      // Samples for 30 minutes, then none: the target was removed or renamed its metric.
      series: requests('checkout', '/pay', [{ good: 600, bad: 0, minutes: 30 }]),
      checks: [
        { minute: 20, alertname: ALERTS.absent, alerts: [] },
        { minute: 40, alertname: ALERTS.absent, alerts: [] },
        { minute: 60, alertname: ALERTS.absent, alerts: [absent] },
        { minute: 60, alertname: BURN, alerts: [] },
      ],
    });
  });

  it('renders hostile names, services, labels and matcher values exactly as written', () => {
    const slo = hostileSpec();
    const start = 7 * HOUR;
    const route = { route: `/x ${HOSTILE}` };
    const page = burnAlert(slo, '1h', '5m', route);
    expect(page.exp_labels).toMatchObject({
      nines_slo: 'hostile_1',
      nines_service: `svc ${HOSTILE}`,
      team: `team ${HOSTILE}`,
      env: HOSTILE,
      route: `/x ${HOSTILE}`,
    });
    expect(page.exp_annotations.summary).toBe(`Hostile ${HOSTILE}: error budget burning over 14.4x (1h and 5m)`);
    expect(page.exp_annotations.description).toContain(`Group: route="/x ${HOSTILE}".`);
    runScenario(dir, {
      name: 'hostile',
      slo,
      inputInterval: '1m',
      evaluationInterval: '1m',
      series: requests(HOSTILE, `/x ${HOSTILE}`, [
        { good: 600, bad: 0, minutes: start },
        { good: 480, bad: 120, minutes: 20 },
      ]),
      checks: [{ minute: start + 12, alertname: BURN, alerts: [page] }],
    });
  });

  it('links each alert to the SLO page under the Grafana URL given', () => {
    const result = sloAlertRules(ratioSpec(), { grafanaUrl: 'https://grafana.example.com/sub/' });
    if (!result.ok) {
      throw new Error(JSON.stringify(result.errors));
    }
    for (const rule of result.groups[0].rules) {
      expect('annotations' in rule && render(rule.annotations.slo_url, {})).toBe(
        'https://grafana.example.com/sub/a/nines-slo-app/slos/checkout-availability'
      );
    }
  });
});
