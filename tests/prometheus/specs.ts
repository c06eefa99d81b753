/** SLO specs for the rule tests: one per shape of rules, each a valid SLO. */
import { validateSlo } from '../../src/spec';
import type { SloSpec } from '../../src/spec/types';
import { latencySlo, ratioSlo } from '../../src/spec/testing';

/** A value that tries to end a PromQL string, a YAML scalar and a Go template at once. */
export const HOSTILE = 'a"b\\c\nd\'e {{ .Value }} }}{{ x';

/** The spec as validation reads it: a fixture that validation would reject tests nothing. */
export function valid(slo: SloSpec): SloSpec {
  const result = validateSlo(slo);
  if (!result.ok) {
    throw new Error(`fixture ${slo.uid} is not a valid SLO: ${JSON.stringify(result.errors)}`);
  }
  return result.slo;
}

/** Bad events (5xx) of http_requests_total{job="checkout"} by route; default tiers; 99.9% over 30d. */
export function ratioSpec(): SloSpec {
  return valid(ratioSlo());
}

/** Good events under 0.5 s of a histogram, over a calendar month in Berlin, 99%. */
export function latencySpec(): SloSpec {
  return valid(latencySlo());
}

/** Good events (not 5xx), no group-by, 99.5% over 28 days, two custom tiers and windows with odd lengths. */
export function customTiersSpec(): SloSpec {
  const base = ratioSlo();
  return valid({
    ...base,
    uid: 'search-availability',
    name: 'Search availability',
    service: 'search',
    labels: {},
    runbookUrl: '',
    sli: {
      ...base.sli,
      eventKind: 'good',
      source: {
        kind: 'prometheusRatio',
        metric: 'search_requests_total',
        matchers: [],
        eventMatchers: [{ name: 'code', op: '!~', value: '5..' }],
        groupBy: [],
      },
    },
    objective: { ...base.objective, target: 99.5, window: '28d' },
    alerting: {
      tiers: [
        { severity: 'page', longWindow: '90m', shortWindow: '7m', budgetShare: 3, enabled: true },
        { severity: 'ticket', longWindow: '2d', shortWindow: '4h', budgetShare: 15, enabled: true },
      ],
      minEvents: 0,
    },
  });
}

/** The SLO with its ticket tiers switched off. */
export function pagesOnly(slo: SloSpec): SloSpec {
  return valid({
    ...slo,
    alerting: {
      ...slo.alerting,
      tiers: slo.alerting.tiers.map((tier) => ({ ...tier, enabled: tier.severity === 'page' })),
    },
  });
}

/** The ratio SLO with both ticket tiers switched off. */
export function disabledTiersSpec(): SloSpec {
  return pagesOnly({ ...ratioSlo(), uid: 'checkout-pages-only' });
}

/** A service of a few requests an hour: tiers need 100 events in their long window. */
export function minEventsSpec(minEvents = 100): SloSpec {
  const base = ratioSlo();
  return valid({
    ...base,
    uid: 'admin-availability',
    name: 'Admin availability',
    service: 'admin',
    sli: {
      ...base.sli,
      source: {
        kind: 'prometheusRatio',
        metric: 'http_requests_total',
        matchers: [{ name: 'job', op: '=', value: 'admin' }],
        eventMatchers: [{ name: 'code', op: '=~', value: '5..' }],
        groupBy: [],
      },
    },
    alerting: { ...base.alerting, minEvents },
  });
}

/** Per-interval counts (a gauge of events per scrape) rather than counters. */
export function incrementSpec(): SloSpec {
  const base = ratioSlo();
  return valid({
    ...base,
    uid: 'jobs-success',
    name: 'Batch jobs',
    service: 'jobs',
    sli: { ...base.sli, valueKind: 'increment', eventKind: 'good' },
  });
}

/** Quotes, backslashes, newlines and template braces in every free-text field and matcher value. */
export function hostileSpec(): SloSpec {
  const base = ratioSlo();
  return valid({
    ...base,
    uid: 'hostile_1',
    name: `Hostile ${HOSTILE}`,
    service: `svc ${HOSTILE}`,
    team: `team ${HOSTILE}`,
    labels: { env: HOSTILE, nines_slo: 'ignored' },
    runbookUrl: 'https://runbooks.example.com/a?b="c"&d={{e}}',
    sli: {
      ...base.sli,
      source: {
        kind: 'prometheusRatio',
        metric: 'http_requests_total',
        matchers: [{ name: 'job', op: '=', value: HOSTILE }],
        eventMatchers: [{ name: 'code', op: '=~', value: '5..|x"}' }],
        groupBy: ['route'],
      },
    },
  });
}

/** Every spec whose rules must pass `promtool check rules`. */
export function allSpecs(): SloSpec[] {
  return [
    ratioSpec(),
    latencySpec(),
    customTiersSpec(),
    disabledTiersSpec(),
    minEventsSpec(),
    incrementSpec(),
    hostileSpec(),
  ];
}
