/**
 * Sloth's SLI queries are rates over a templated window (`sum(rate(x[{{.window}}]))`), while Nines
 * reads raw event counts. The common shapes become query builders, so nothing is approximated:
 *
 * - `sum(rate(m{total…, error…}[{{.window}}]))` over `sum(rate(m{total…}[{{.window}}]))`: a ratio of
 *   bad events (the error matchers are those the total query lacks);
 * - `sum(rate(h_count{…}[…])) - sum(rate(h_bucket{…, le="x"}[…]))` over `sum(rate(h_count{…}[…]))`:
 *   a latency SLI of good events (the bucket), as Sloth's latency example writes it;
 * - two other plain rates (say errors_total over requests_total): raw queries of the two counters.
 *
 * `increase` works as `rate` does, and `sum(…)` may be left out. Any other query is imported as a raw
 * query in which `rate(` and `irate(` become `increase(` and `{{.window}}` becomes `$__interval`, so
 * that each point counts the events of its interval; the import notes this, as it may need a look.
 */
import { removeMatchers } from '../prometheus/matchers';
import { parseSelector, type ParsedSelector } from '../prometheus/parseSelector';
import { selector } from '../prometheus/promql';
import type { SliSource } from './types';

const WINDOW = /\{\{\s*\.window\s*\}\}/g;

/** The selector of `rate(sel[{{.window}}])`, `increase(…)`, optionally inside one `sum(…)`. */
function rateSelector(query: string): ParsedSelector | null {
  const sum = /^\s*sum\s*\(([\s\S]*)\)\s*$/.exec(query);
  const rate = /^\s*(?:rate|increase)\s*\(([\s\S]*)\[\s*\{\{\s*\.window\s*\}\}\s*\]\s*\)\s*$/.exec(
    sum ? sum[1] : query
  );
  return rate ? parseSelector(rate[1]) : null;
}

/** Calls `visit` for each character outside quoted strings, with the bracket depth before it. */
function scan(text: string, visit: (char: string, index: number, depth: number) => boolean | void): void {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote !== '') {
      if (char === '\\') {
        i++;
      } else if (char === quote) {
        quote = '';
      }
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else {
      if (visit(char, i, depth) === true) {
        return;
      }
      depth += '([{'.includes(char) ? 1 : ')]}'.includes(char) ? -1 : 0;
    }
  }
}

/** Whether the whole text is one parenthesised expression, `( … )`. */
function isParenthesised(text: string): boolean {
  let closes = -1;
  scan(text, (char, index, depth) => {
    if (char === ')' && depth === 1) {
      closes = index;
      return true;
    }
    return false;
  });
  return text.startsWith('(') && closes === text.length - 1;
}

/** The two sides of a top-level `a - b` (also inside parentheses), or null. */
function difference(query: string): [string, string] | null {
  let text = query.trim();
  while (isParenthesised(text)) {
    text = text.slice(1, -1).trim();
  }
  let sides: [string, string] | null = null;
  scan(text, (char, index, depth) => {
    if (char === '-' && depth === 0) {
      sides = [text.slice(0, index), text.slice(index + 1)];
      return true;
    }
    return false;
  });
  return sides;
}

export interface SlothSli {
  eventKind: 'good' | 'bad';
  valueKind: 'counter' | 'increment';
  source: SliSource;
  /** Set when the queries were rewritten and deserve a look. */
  note?: string;
}

function latencyOf(errorQuery: string, total: ParsedSelector): SlothSli | null {
  const sides = difference(errorQuery);
  const count = sides && rateSelector(sides[0]);
  const bucket = sides && rateSelector(sides[1]);
  if (!count || !bucket || count.metric !== total.metric || !total.metric.endsWith('_count')) {
    return null;
  }
  const metric = total.metric.slice(0, -'_count'.length);
  const le = removeMatchers(bucket.matchers, total.matchers);
  const sameCount =
    removeMatchers(count.matchers, total.matchers)?.length === 0 && count.matchers.length === total.matchers.length;
  if (
    bucket.metric !== `${metric}_bucket` ||
    !sameCount ||
    le?.length !== 1 ||
    le[0].name !== 'le' ||
    le[0].op !== '='
  ) {
    return null;
  }
  return {
    eventKind: 'good',
    valueKind: 'counter',
    source: { kind: 'prometheusLatency', metric, matchers: total.matchers, thresholdLe: le[0].value },
  };
}

/** The SLI of a Sloth `events` SLI; see the module comment. */
export function slothSli(errorQuery: string, totalQuery: string): SlothSli {
  const error = rateSelector(errorQuery);
  const total = rateSelector(totalQuery);
  if (total && error) {
    const eventMatchers = removeMatchers(error.matchers, total.matchers);
    if (error.metric === total.metric && eventMatchers !== null && eventMatchers.length > 0) {
      return {
        eventKind: 'bad',
        valueKind: 'counter',
        source: { kind: 'prometheusRatio', metric: total.metric, matchers: total.matchers, eventMatchers, groupBy: [] },
      };
    }
    const eventQuery = { expr: selector(error.metric, error.matchers) };
    return {
      eventKind: 'bad',
      valueKind: 'counter',
      source: { kind: 'raw', eventQuery, totalQuery: { expr: selector(total.metric, total.matchers) } },
    };
  }
  const latency = total && latencyOf(errorQuery, total);
  if (latency) {
    return latency;
  }
  const counted = (query: string) =>
    query
      .trim()
      .replace(/\b(?:i?rate)\s*\(/g, 'increase(')
      .replace(WINDOW, '$__interval');
  return {
    eventKind: 'bad',
    valueKind: 'increment',
    source: { kind: 'raw', eventQuery: { expr: counted(errorQuery) }, totalQuery: { expr: counted(totalQuery) } },
    note:
      'imported as raw queries that count events per interval: rate( and irate( became increase( and ' +
      '{{.window}} became $__interval; check that they count the error and total events',
  };
}
