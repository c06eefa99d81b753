import { newSloSpec } from './defaults';
import { latencySlo, ratioSlo, rawSlo, thresholdSlo } from './testing';
import type { SloSpec, SpecError } from './types';
import { validateSlo } from './validate';

function errorsOf(input: unknown): SpecError[] {
  const result = validateSlo(input);
  return result.ok ? [] : result.errors;
}

/** The errors of the ratio example after a change to a copy of it. */
function errorsAfter(change: (slo: SloSpec) => void): SpecError[] {
  const slo = ratioSlo();
  change(slo);
  return errorsOf(slo);
}

const messageAt = (errors: SpecError[], path: string) => errors.find((error) => error.path === path)?.message;

describe('validateSlo', () => {
  it.each([
    ['a ratio', ratioSlo()],
    ['a latency', latencySlo()],
    ['a raw', rawSlo()],
    ['a threshold', thresholdSlo()],
  ])('accepts %s SLO and returns it unchanged', (_, slo) => {
    expect(validateSlo(slo)).toEqual({ ok: true, slo });
  });

  it('rejects what is not an object', () => {
    expect(errorsOf('slo')).toContainEqual({ path: '', message: 'must be an object, got "slo"' });
  });

  it('fills in missing optional details and lists the required ones, once per missing object', () => {
    expect(errorsOf({})).toEqual(
      ['uid', 'name', 'service', 'sli', 'objective', 'alerting'].map((path) => ({ path, message: 'is required' }))
    );
    const slo: Record<string, unknown> = { ...ratioSlo(), sli: { ...ratioSlo().sli, datasource: 'prometheus' } };
    expect(errorsOf(slo)).toEqual([{ path: 'sli.datasource', message: 'must be an object, got "prometheus"' }]);
  });

  it('judges a label named __proto__ from a file as a label, not as the object prototype', () => {
    const input: unknown = JSON.parse(JSON.stringify(ratioSlo()).replace('"labels":{', '"labels":{"__proto__":"x",'));
    const result = validateSlo(input);

    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'labels.__proto__', message: 'label names must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __' },
    ]);
  });

  it('names every problem of the details at once', () => {
    const errors = errorsAfter((slo) => {
      slo.uid = 'has spaces';
      slo.name = '  ';
      slo.service = '';
      slo.description = 'x'.repeat(1051);
      slo.labels = { 'team-x': 'a', __name__: 'b', ok_label: 'c' };
      slo.runbookUrl = 'ftp://runbooks.example.com';
      slo.folderUid = 'a/b';
    });
    expect(errors).toEqual([
      { path: 'uid', message: 'must be 1 to 40 characters of a-z, A-Z, 0-9, - and _, got "has spaces"' },
      { path: 'name', message: 'is required' },
      { path: 'description', message: 'must be at most 1050 characters, got 1051' },
      { path: 'service', message: 'is required: the service whose users the SLO is about' },
      { path: 'labels.team-x', message: 'label names must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __' },
      { path: 'labels.__name__', message: 'label names must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __' },
      { path: 'runbookUrl', message: 'must be an http or https URL, got "ftp://runbooks.example.com"' },
      {
        path: 'folderUid',
        message:
          'must be a folder uid (1 to 40 characters of a-z, A-Z, 0-9, - and _) or empty for the root folder, got "a/b"',
      },
    ]);
  });

  it('accepts uids of 40 characters and no more', () => {
    expect(errorsAfter((slo) => (slo.uid = 'a'.repeat(40)))).toEqual([]);
    expect(
      messageAt(
        errorsAfter((slo) => (slo.uid = 'a'.repeat(41))),
        'uid'
      )
    ).toMatch(/^must be 1 to 40/);
    expect(
      messageAt(
        errorsAfter((slo) => (slo.uid = '')),
        'uid'
      )
    ).toMatch(/^must be 1 to 40/);
  });

  it('names wrong types with what it got', () => {
    const input: Record<string, unknown> = {
      ...ratioSlo(),
      labels: { env: 3 },
      team: null,
      alerting: { tiers: 'none' },
    };
    expect(errorsOf(input)).toEqual([
      { path: 'team', message: 'must be a string, got null' },
      { path: 'labels.env', message: 'must be a string, got 3' },
      { path: 'alerting.tiers', message: 'must be a list, got "none"' },
    ]);
  });

  it('checks the objective', () => {
    const errors = errorsAfter((slo) => {
      slo.objective = {
        target: 100,
        window: '30 days',
        timeZone: 'Mars/Olympus',
        budgetingMethod: 'Timeslices',
        timeSliceWindow: '30s',
        timeSliceTarget: -1,
      };
    });
    expect(errors).toEqual([
      { path: 'objective.target', message: 'must be a percentage between 0 and 100 (exclusive), e.g. 99.9, got 100' },
      {
        path: 'objective.window',
        message:
          'must be a rolling duration of whole minutes like 30d, or calendar:week, calendar:month, calendar:quarter, got "30 days"',
      },
      {
        path: 'objective.timeZone',
        message: 'must be an IANA time zone like UTC or Europe/Berlin, got "Mars/Olympus"',
      },
      { path: 'objective.timeSliceWindow', message: 'must be a duration of whole minutes like 5m, got "30s"' },
      {
        path: 'objective.timeSliceTarget',
        message: "must be a percentage between 0 and 100 (exclusive), or 0 for the objective's target, got -1",
      },
    ]);
  });

  it('rejects an unknown budgeting method and slices as long as the window', () => {
    const errors = errorsAfter((slo) => {
      slo.objective.window = '1h';
      slo.objective.timeSliceWindow = '60m';
      Object.assign(slo.objective, { budgetingMethod: 'Weighted' });
    });
    expect(errors).toEqual([
      {
        path: 'objective.budgetingMethod',
        message: 'must be one of Occurrences, Timeslices, RatioTimeslices, got "Weighted"',
      },
      { path: 'objective.timeSliceWindow', message: 'must be shorter than the window 1h, got 60m' },
    ]);
  });

  it('accepts calendar windows and compound rolling durations', () => {
    for (const window of ['calendar:week', 'calendar:month', 'calendar:quarter', '1h30m', '4w']) {
      expect(errorsAfter((slo) => (slo.objective.window = window))).toEqual([]);
    }
    expect(
      messageAt(
        errorsAfter((slo) => (slo.objective.window = '90s')),
        'objective.window'
      )
    ).toMatch(/whole minutes/);
  });

  it('checks every alert tier', () => {
    const errors = errorsAfter((slo) => {
      slo.alerting.tiers[1].longWindow = 'an hour';
      slo.alerting.tiers[2].shortWindow = '2d';
      slo.alerting.tiers[3].budgetShare = 0;
      Object.assign(slo.alerting.tiers[0], { severity: 'critical', enabled: 'yes' });
      slo.alerting.minEvents = -5;
    });
    expect(errors).toEqual([
      { path: 'alerting.tiers[0].severity', message: 'must be one of page, ticket, got "critical"' },
      { path: 'alerting.tiers[0].enabled', message: 'must be true or false, got "yes"' },
      { path: 'alerting.tiers[1].longWindow', message: 'must be a duration like 1h, got "an hour"' },
      { path: 'alerting.tiers[2].shortWindow', message: 'must be shorter than the long window 1d, got 2d' },
      {
        path: 'alerting.tiers[3].budgetShare',
        message: 'must be a percentage of the budget above 0 and at most 100, got 0',
      },
      { path: 'alerting.minEvents', message: 'must be 0 or more, got -5' },
    ]);
  });

  it('checks the names and operators of a ratio builder', () => {
    const errors = errorsAfter((slo) => {
      slo.sli.source = {
        kind: 'prometheusRatio',
        metric: 'http-requests',
        matchers: [{ name: '1job', op: '=', value: 'x' }],
        eventMatchers: [],
        groupBy: ['route', 'route', 'a.b'],
      };
      Object.assign(slo.sli.source.matchers[0], { op: '==' });
    });
    expect(errors).toEqual([
      {
        path: 'sli.source.metric',
        message: 'must be a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*), got "http-requests"',
      },
      {
        path: 'sli.source.matchers[0].name',
        message: 'must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*), got "1job"',
      },
      { path: 'sli.source.matchers[0].op', message: 'must be one of =, !=, =~, !~, got "=="' },
      {
        path: 'sli.source.eventMatchers',
        message: 'must have at least one matcher: they tell the counted events from all events',
      },
      { path: 'sli.source.groupBy[2]', message: 'must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*), got "a.b"' },
      { path: 'sli.source.groupBy[1]', message: 'repeats the label route' },
    ]);
  });

  it('checks a latency builder', () => {
    const slo = latencySlo();
    slo.sli.eventKind = 'bad';
    slo.sli.datasource.type = 'loki';
    slo.sli.source = {
      kind: 'prometheusLatency',
      metric: 'http_request_duration_seconds_bucket',
      matchers: [{ name: 'le', op: '=', value: '1' }],
      thresholdLe: '500ms',
    };
    expect(errorsOf(slo)).toEqual([
      {
        path: 'sli.source.metric',
        message:
          "must be the histogram's base name, without _bucket, _count or _sum, got http_request_duration_seconds_bucket",
      },
      { path: 'sli.source.matchers[0].name', message: 'must not be le: the threshold sets the bucket bound' },
      {
        path: 'sli.source.thresholdLe',
        message: 'must be a bucket bound exactly as the le label has it, e.g. 0.5, got "500ms"',
      },
      { path: 'sli.datasource.type', message: 'must be prometheus for a Prometheus query builder, got "loki"' },
      {
        path: 'sli.eventKind',
        message: 'must be good for a latency SLI: its buckets count the requests at or under the threshold',
      },
    ]);
  });

  it('checks a threshold builder, which counts good points as increments', () => {
    const slo: unknown = {
      ...thresholdSlo(),
      sli: {
        datasource: { uid: 'prom', type: 'prometheus' },
        eventKind: 'bad',
        valueKind: 'counter',
        source: { kind: 'prometheusThreshold', query: '  ', op: '<=', threshold: Infinity },
      },
    };
    expect(errorsOf(slo)).toEqual([
      { path: 'sli.source.query', message: 'must be the PromQL of the value to compare with the threshold' },
      { path: 'sli.source.op', message: 'must be one of lt, lte, gt, gte, got "<="' },
      { path: 'sli.source.threshold', message: 'must be a number, got Infinity' },
      {
        path: 'sli.eventKind',
        message: 'must be good for a threshold SLI: it counts the points that meet the threshold',
      },
      {
        path: 'sli.valueKind',
        message: 'must be increment for a threshold SLI: each query step is one point, good or not, not a counter',
      },
    ]);
    const missing = { ...thresholdSlo(), sli: { ...thresholdSlo().sli, source: { kind: 'prometheusThreshold' } } };
    expect(errorsOf(missing)).toEqual([
      { path: 'sli.source.query', message: 'is required' },
      { path: 'sli.source.op', message: 'is required' },
      { path: 'sli.source.threshold', message: 'is required' },
    ]);
  });

  it('checks raw queries and the datasource', () => {
    const errors = errorsAfter((slo) => {
      slo.sli.datasource = { uid: '', type: 'Prometheus' };
      slo.sli.source = { kind: 'raw', eventQuery: { refId: 'A', expr: 'up' }, totalQuery: { datasource: {} } };
    });
    expect(errors).toEqual([
      {
        path: 'sli.datasource.uid',
        message: 'must be a datasource uid (1 to 40 characters of a-z, A-Z, 0-9, - and _), got ""',
      },
      { path: 'sli.datasource.type', message: 'must be a datasource plugin id like prometheus, got "Prometheus"' },
      { path: 'sli.source.eventQuery.refId', message: "must not be set: the SLO sets each query's refId itself" },
      {
        path: 'sli.source.totalQuery.datasource',
        message: "must not be set: the SLO sets each query's datasource itself",
      },
    ]);
  });

  it('needs the PromQL of raw Prometheus queries', () => {
    const errors = errorsAfter((slo) => {
      slo.sli.source = { kind: 'raw', eventQuery: { expr: ' ' }, totalQuery: { query: 'up' } };
    });
    expect(errors).toEqual([
      { path: 'sli.source.eventQuery.expr', message: 'must be the PromQL of the query, got " "' },
      { path: 'sli.source.totalQuery.expr', message: 'must be the PromQL of the query, got nothing' },
    ]);
  });

  it('names a wrong source kind, a target that is not a number and a window that is not a duration', () => {
    const input: Record<string, unknown> = {
      ...ratioSlo(),
      sli: { ...ratioSlo().sli, source: { kind: 'histogram' } },
      objective: { ...ratioSlo().objective, target: '99.9' },
      alerting: { tiers: [{ ...ratioSlo().alerting.tiers[0], shortWindow: '' }], minEvents: 0 },
    };
    expect(errorsOf(input)).toEqual([
      {
        path: 'sli.source.kind',
        message: 'must be one of prometheusRatio, prometheusLatency, prometheusThreshold, raw, got "histogram"',
      },
      { path: 'sli.source.metric', message: 'is required' },
      { path: 'sli.source.eventMatchers', message: 'is required' },
      { path: 'objective.target', message: 'must be a number, got "99.9"' },
      { path: 'alerting.tiers[0].shortWindow', message: 'must be a duration like 5m, got ""' },
    ]);
  });

  it('lists problems of every part at once', () => {
    const errors = errorsAfter((slo) => {
      slo.name = '';
      slo.objective.target = 0;
      slo.alerting.tiers[2].shortWindow = '';
      slo.sli.source = {
        kind: 'prometheusLatency',
        metric: 'rpc',
        matchers: [{ name: 'a-b', op: '=', value: '' }],
        thresholdLe: '1',
      };
    });
    expect(errors.map((error) => error.path)).toEqual([
      'name',
      'sli.source.matchers[0].name',
      'sli.eventKind',
      'objective.target',
      'alerting.tiers[2].shortWindow',
    ]);
  });

  it('starts a new SLO that only lacks what the user must say', () => {
    expect(errorsOf(newSloSpec()).map((error) => error.path)).toEqual([
      'uid',
      'name',
      'service',
      'sli.datasource.uid',
      'sli.source.metric',
      'sli.source.eventMatchers',
    ]);
  });
});

describe('validateSlo and secrets', () => {
  const SECRET =
    "looks like a secret (%s); secrets don't belong in SLO specs: keep credentials in the datasource's settings";
  const secret = (what: string) => SECRET.replace('%s', what);

  it('rejects credentials in raw queries, labels, descriptions and URLs', () => {
    const slo = rawSlo();
    slo.sli.source = {
      kind: 'raw',
      eventQuery: { expr: 'up', headers: [{ name: 'Authorization', value: 'Basic abc' }] },
      totalQuery: { expr: 'up', url: 'https://db?password=hunter2', apiKey: 'x' },
    };
    slo.labels = { token: 'abc' };
    slo.description = 'Use Bearer eyJhbGciOiJIUzI1NiJ9 to call it';
    slo.runbookUrl = 'https://admin:pw@runbooks.example.com';
    expect(errorsOf(slo)).toEqual([
      { path: 'description', message: secret('Bearer') },
      { path: 'labels.token', message: secret('token') },
      { path: 'runbookUrl', message: secret('a user name or password in the URL') },
      { path: 'sli.source.eventQuery.headers[0].name', message: secret('Authorization') },
      { path: 'sli.source.totalQuery.url', message: secret('password=') },
      { path: 'sli.source.totalQuery.apiKey', message: secret('apiKey') },
    ]);
  });

  it('rejects a token in a PromQL matcher, by name or in a raw query', () => {
    const ratio = ratioSlo();
    if (ratio.sli.source.kind === 'prometheusRatio') {
      ratio.sli.source.matchers.push({ name: 'token', op: '=', value: 'abc' });
    }
    expect(errorsOf(ratio)).toEqual([{ path: 'sli.source.matchers[1].name', message: secret('token=') }]);

    const raw = ratioSlo();
    raw.sli.source = { kind: 'raw', eventQuery: { expr: 'up{access_token="abc"}' }, totalQuery: { expr: 'up' } };
    expect(errorsOf(raw)).toEqual([{ path: 'sli.source.eventQuery.expr', message: secret('token=') }]);
  });

  it('keeps ordinary words about authentication', () => {
    const slo = ratioSlo();
    slo.name = 'Login with password';
    slo.description = 'Authorization service: token refreshes succeed.';
    expect(errorsOf(slo)).toEqual([]);
  });
});
