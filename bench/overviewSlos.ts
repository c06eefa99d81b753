/**
 * The SLOs of the overview benchmark: `count` valid specs over the demo traffic's real series
 * (scripts/traffic), cycling through services, instances, teams, labels, ratio and latency SLIs,
 * targets and windows, so that every SLO asks Prometheus for data that exists. Deterministic: the
 * same count gives the same SLOs in every run.
 */
import { DEMO_DATASOURCE } from '../scripts/demo/exampleSlos';
import { defaultAlerting, defaultObjective } from '../src/spec/defaults';
import { sloToLibraryPanel } from '../src/spec/libraryPanel';
import type { LabelMatcher, PrometheusSource, SloSpec } from '../src/spec/types';
import { validateSlo } from '../src/spec/validate';

/** The demo services (scripts/traffic/generate.ts), their instances and the teams that own them. */
const SERVICES = [
  {
    name: 'checkout',
    instances: ['checkout-1:8080', 'checkout-2:8080'],
    teams: ['payments', 'checkout-web'],
    histogram: true,
  },
  {
    name: 'search',
    instances: ['search-1:8080', 'search-2:8080'],
    teams: ['discovery', 'relevance'],
    histogram: false,
  },
  {
    name: 'payments',
    instances: ['payments-1:8080', 'payments-2:8080'],
    teams: ['payments', 'ledger'],
    histogram: false,
  },
  { name: 'admin', instances: ['admin-1:8080'], teams: ['backoffice', 'platform'], histogram: false },
];
const REQUESTS = 'nines_demo_http_requests_total';
const DURATION = 'nines_demo_http_request_duration_seconds';
const LATENCY_BOUNDS = ['0.1', '0.25', '0.5', '1'];
const TARGETS = [99.9, 99.5, 99, 99.95, 95];
const WINDOWS = ['30d', '7d', '28d', 'calendar:month', 'calendar:week'];
const ENVS = ['prod', 'prod', 'staging'];
const REGIONS = ['eu-west', 'us-east', 'ap-south'];

/** One library element of the host's seed file (tests/host/server/libraryElements.ts). */
export interface LibraryElementSeedEntry {
  uid: string;
  name: string;
  folderUid: string;
  model: unknown;
}

type SliShape = 'availability' | 'errors' | 'instance' | 'served' | 'latency';

/** Which SLI the i-th SLO of a service measures; latency only where the histogram exists. */
function shapeOf(round: number, histogram: boolean): SliShape {
  const shapes: SliShape[] = histogram
    ? ['availability', 'latency', 'errors', 'instance', 'latency', 'served']
    : ['availability', 'errors', 'instance', 'served'];
  return shapes[round % shapes.length];
}

function sourceOf(
  shape: SliShape,
  service: (typeof SERVICES)[number],
  round: number
): {
  source: PrometheusSource;
  eventKind: 'good' | 'bad';
  title: string;
} {
  const byService: LabelMatcher = { name: 'service', op: '=', value: service.name };
  const instance = service.instances[round % service.instances.length];
  const notServerError: LabelMatcher = { name: 'code', op: '!~', value: '5..' };
  switch (shape) {
    case 'availability':
      return {
        source: {
          kind: 'prometheusRatio',
          metric: REQUESTS,
          matchers: [byService],
          eventMatchers: [notServerError],
          groupBy: [],
        },
        eventKind: 'good',
        title: 'availability',
      };
    case 'errors':
      return {
        source: {
          kind: 'prometheusRatio',
          metric: REQUESTS,
          matchers: [byService],
          eventMatchers: [{ name: 'code', op: '=~', value: '5..' }],
          groupBy: ['instance'],
        },
        eventKind: 'bad',
        title: 'server errors',
      };
    case 'instance':
      return {
        source: {
          kind: 'prometheusRatio',
          metric: REQUESTS,
          matchers: [byService, { name: 'instance', op: '=', value: instance }],
          eventMatchers: [notServerError],
          groupBy: [],
        },
        eventKind: 'good',
        title: `availability of ${instance}`,
      };
    case 'served':
      // Not-found answers are the client's doing: out of the total, and not good either.
      return {
        source: {
          kind: 'prometheusRatio',
          metric: REQUESTS,
          matchers: [byService, { name: 'code', op: '!=', value: '404' }],
          eventMatchers: [{ name: 'code', op: '=', value: '200' }],
          groupBy: [],
        },
        eventKind: 'good',
        title: 'served without 404s',
      };
    case 'latency': {
      const bound = LATENCY_BOUNDS[Math.floor(round / 2) % LATENCY_BOUNDS.length];
      const matchers: LabelMatcher[] =
        round % 4 === 1 ? [byService] : [byService, { name: 'instance', op: '=', value: instance }];
      return {
        source: { kind: 'prometheusLatency', metric: DURATION, matchers, thresholdLe: bound },
        eventKind: 'good',
        title: `latency under ${Number(bound) * 1000} ms${matchers.length > 1 ? ` on ${instance}` : ''}`,
      };
    }
  }
}

/** The i-th SLO of the benchmark (0-based). */
export function benchSlo(index: number): SloSpec {
  const service = SERVICES[index % SERVICES.length];
  const round = Math.floor(index / SERVICES.length);
  const { source, eventKind, title } = sourceOf(shapeOf(round, service.histogram), service, round);
  const number = String(index + 1).padStart(4, '0');
  const window = WINDOWS[round % WINDOWS.length];
  return {
    uid: `bench-${number}`,
    name: `${service.name} ${title} ${number}`,
    description: `Benchmark SLO ${number}: ${service.name} ${title}.`,
    service: service.name,
    team: service.teams[round % service.teams.length],
    labels: { env: ENVS[index % ENVS.length], region: REGIONS[round % REGIONS.length], tier: String((index % 3) + 1) },
    runbookUrl: '',
    folderUid: 'slos',
    sli: { datasource: { ...DEMO_DATASOURCE }, eventKind, valueKind: 'counter', source },
    objective: { ...defaultObjective(), target: TARGETS[index % TARGETS.length], window },
    alerting: defaultAlerting(),
  };
}

/** `count` benchmark SLOs as the host's library elements; throws if one is not a valid SLO (a bug here). */
export function benchLibraryElements(count: number): LibraryElementSeedEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const checked = validateSlo(benchSlo(index));
    if (!checked.ok) {
      const problems = checked.errors.map((error) => `${error.path}: ${error.message}`).join('; ');
      throw new Error(`bench: SLO ${index + 1} is not valid: ${problems}`);
    }
    const { uid, name, folderUid, model } = sloToLibraryPanel(checked.slo);
    return { uid, name, folderUid, model };
  });
}
