import fc from 'fast-check';

import type { LabelMatcher } from '../spec/types';
import { parseSelector } from './parseSelector';
import { escapeLabelValue, selector, sliQueries, thresholdQueries } from './promql';

/** The inverse of escapeLabelValue, for the three escapes it writes. */
function unescape(text: string): string {
  return text.replace(/\\(.)/gs, (_, char: string) => (char === 'n' ? '\n' : char));
}

/** The PromQL text outside double-quoted strings, and how many strings there were. */
function outsideStrings(query: string): { code: string; strings: number } {
  let code = '';
  let strings = 0;
  let inString = false;
  for (let i = 0; i < query.length; i++) {
    const char = query[i];
    if (inString) {
      if (char === '\\') {
        i++;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
      strings++;
    } else {
      code += char;
    }
  }
  return { code, strings };
}

const HOSTILE = 'x"} or vector(1) or {a="';

const labelName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,12}$/);
const metricName = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,20}$/);
const matcher: fc.Arbitrary<LabelMatcher> = fc.record({
  name: labelName,
  op: fc.constantFrom('=' as const, '!=' as const, '=~' as const, '!~' as const),
  value: fc.string({ unit: 'binary', maxLength: 30 }),
});

describe('escapeLabelValue', () => {
  it('escapes backslash, double quote and newline', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(escapeLabelValue('5..|4..')).toBe('5..|4..');
  });

  it('keeps a hostile value inside one string of one selector', () => {
    const query = selector('http_requests_total', [
      { name: 'job', op: '=', value: 'api' },
      { name: 'code', op: '=~', value: HOSTILE },
    ]);
    const { code, strings } = outsideStrings(query);
    expect(code).toBe('http_requests_total{job=,code=~}');
    expect(strings).toBe(2);
    expect(parseSelector(query)?.matchers[1].value).toBe(HOSTILE);
  });

  it('round-trips any string through escape and unescape', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const escaped = escapeLabelValue(value);
        expect(escaped).not.toMatch(/\n/);
        expect(unescape(escaped)).toBe(value);
        // No unescaped quote can end the string early.
        expect(escaped.replace(/\\./gs, '')).not.toContain('"');
      })
    );
  });
});

describe('selector', () => {
  it('writes the metric alone without matchers', () => {
    expect(selector('up', [])).toBe('up');
  });

  it('writes matchers in order, with every operator', () => {
    const matchers: LabelMatcher[] = [
      { name: 'a', op: '=', value: '1' },
      { name: 'b', op: '!=', value: '2' },
      { name: 'c', op: '=~', value: '3|4' },
      { name: 'd', op: '!~', value: '' },
    ];
    expect(selector('ns:requests:total', matchers)).toBe('ns:requests:total{a="1",b!="2",c=~"3|4",d!~""}');
  });

  it('throws on names that were not validated', () => {
    expect(() => selector('bad metric', [])).toThrow('invalid metric name');
    expect(() => selector('m', [{ name: 'a-b', op: '=', value: '' }])).toThrow('invalid label name');
    expect(() => selector('m', [{ name: 'a"} or {b', op: '=', value: '' }])).toThrow('invalid label name');
  });

  it('is read back by parseSelector, whatever the values', () => {
    fc.assert(
      fc.property(metricName, fc.array(matcher, { maxLength: 5 }), (metric, matchers) => {
        expect(parseSelector(selector(metric, matchers))).toEqual({ metric, matchers });
      })
    );
  });
});

describe('sliQueries', () => {
  it('counts ratio events with the event matchers added to the total selector', () => {
    const queries = sliQueries(
      {
        kind: 'prometheusRatio',
        metric: 'http_requests_total',
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
        eventMatchers: [{ name: 'code', op: '=~', value: '5..' }],
        groupBy: ['route'],
      },
      'bad'
    );
    expect(queries).toEqual({
      event: 'http_requests_total{job="checkout",code=~"5.."}',
      total: 'http_requests_total{job="checkout"}',
    });
  });

  it('counts latency events under the bucket bound of the histogram', () => {
    const queries = sliQueries(
      {
        kind: 'prometheusLatency',
        metric: 'http_request_duration_seconds',
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
        thresholdLe: '0.5',
      },
      'good'
    );
    expect(queries).toEqual({
      event: 'http_request_duration_seconds_bucket{job="checkout",le="0.5"}',
      total: 'http_request_duration_seconds_count{job="checkout"}',
    });
  });

  it('writes latency without matchers as the bare bucket bound', () => {
    const queries = sliQueries({ kind: 'prometheusLatency', metric: 'rpc', matchers: [], thresholdLe: '+Inf' }, 'good');
    expect(queries).toEqual({ event: 'rpc_bucket{le="+Inf"}', total: 'rpc_count' });
  });

  it('refuses bad latency events, which validation rejects', () => {
    expect(() =>
      sliQueries({ kind: 'prometheusLatency', metric: 'rpc', matchers: [], thresholdLe: '1' }, 'bad')
    ).toThrow('count good events');
  });

  it('counts threshold points: good where the value meets the threshold, total where it has a value', () => {
    const p99 = 'histogram_quantile(0.99, sum by (le) (rate(latency_bucket[5m])))';
    expect(sliQueries({ kind: 'prometheusThreshold', query: p99, op: 'lte', threshold: 0.3 }, 'good')).toEqual({
      event: `sum((${p99}) <= bool 0.3)`,
      total: `count((${p99}))`,
    });
  });
});

describe('thresholdQueries', () => {
  it.each([
    ['lt', '<'],
    ['lte', '<='],
    ['gt', '>'],
    ['gte', '>='],
  ] as const)('writes %s as the comparison %s with bool', (op, comparison) => {
    expect(thresholdQueries({ kind: 'prometheusThreshold', query: 'q', op, threshold: 5 }).event).toBe(
      `sum((q) ${comparison} bool 5)`
    );
  });

  it('writes every finite threshold as a number PromQL reads back exactly', () => {
    const eventOf = (threshold: number) =>
      thresholdQueries({ kind: 'prometheusThreshold', query: 'q', op: 'gt', threshold }).event;
    expect(eventOf(-2.5)).toBe('sum((q) > bool -2.5)');
    expect(eventOf(1e-7)).toBe('sum((q) > bool 1e-7)');
    expect(eventOf(1e21)).toBe('sum((q) > bool 1e+21)');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (threshold) => {
        const written = /bool (.*)\)$/.exec(eventOf(threshold))?.[1] ?? '';
        expect(written).toMatch(/^-?(?:\d+\.?\d*)(?:e[+-]\d+)?$/);
        expect(Number(written)).toBe(threshold === 0 ? 0 : threshold);
      })
    );
  });

  it('refuses thresholds that validation rejects, and bad events', () => {
    expect(() => thresholdQueries({ kind: 'prometheusThreshold', query: 'q', op: 'gt', threshold: NaN })).toThrow(
      'not finite'
    );
    expect(() => sliQueries({ kind: 'prometheusThreshold', query: 'q', op: 'gt', threshold: 1 }, 'bad')).toThrow(
      'count good events'
    );
  });
});
