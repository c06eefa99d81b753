/** Example SLO specs for tests, one per kind of SLI source. */
import { defaultAlerting, defaultObjective } from './defaults';
import type { SloSpec } from './types';

export function ratioSlo(): SloSpec {
  return {
    uid: 'checkout-availability',
    name: 'Checkout availability',
    description: 'Checkout requests that do not fail with a server error.',
    service: 'checkout',
    team: 'payments',
    labels: { tier: '1', env: 'prod' },
    runbookUrl: 'https://runbooks.example.com/checkout',
    folderUid: 'slo-payments',
    sli: {
      datasource: { uid: 'prometheus-main', type: 'prometheus' },
      eventKind: 'bad',
      valueKind: 'counter',
      source: {
        kind: 'prometheusRatio',
        metric: 'http_requests_total',
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
        eventMatchers: [{ name: 'code', op: '=~', value: '5..' }],
        groupBy: ['route'],
      },
    },
    objective: defaultObjective(),
    alerting: defaultAlerting(),
  };
}

export function latencySlo(): SloSpec {
  return {
    ...ratioSlo(),
    uid: 'checkout-latency',
    name: 'Checkout latency',
    description: 'Checkout requests served within half a second.',
    labels: {},
    runbookUrl: '',
    sli: {
      datasource: { uid: 'prometheus-main', type: 'prometheus' },
      eventKind: 'good',
      valueKind: 'counter',
      source: {
        kind: 'prometheusLatency',
        metric: 'http_request_duration_seconds',
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
        thresholdLe: '0.5',
      },
    },
    objective: { ...defaultObjective(), target: 99, window: 'calendar:month', timeZone: 'Europe/Berlin' },
  };
}

export function rawSlo(): SloSpec {
  return {
    ...ratioSlo(),
    uid: 'search-logs',
    name: 'Search from logs',
    service: 'search',
    team: '',
    labels: {},
    folderUid: '',
    sli: {
      datasource: { uid: 'loki-main', type: 'loki' },
      eventKind: 'good',
      valueKind: 'increment',
      source: {
        kind: 'raw',
        eventQuery: { expr: 'sum(count_over_time({app="search"} |= "ok" [$__interval]))', queryType: 'range' },
        totalQuery: { expr: 'sum(count_over_time({app="search"} [$__interval]))', queryType: 'range' },
      },
    },
    objective: { ...defaultObjective(), budgetingMethod: 'Timeslices', timeSliceWindow: '5m', timeSliceTarget: 95 },
  };
}

export function thresholdSlo(): SloSpec {
  return {
    ...ratioSlo(),
    uid: 'checkout-p99',
    name: 'Checkout p99 latency',
    description: 'Minutes in which the 99th percentile of checkout requests takes at most 300 ms.',
    labels: {},
    sli: {
      datasource: { uid: 'prometheus-main', type: 'prometheus' },
      eventKind: 'good',
      valueKind: 'increment',
      source: {
        kind: 'prometheusThreshold',
        query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))',
        op: 'lte',
        threshold: 0.3,
      },
    },
    objective: {
      ...defaultObjective(),
      target: 99,
      window: '7d',
      budgetingMethod: 'Timeslices',
      timeSliceWindow: '5m',
    },
  };
}
