/**
 * The PromQL that `nines eval` sends for an SLO's SLI: raw counter selectors, never sums or rates,
 * so that Prometheus returns every series' own samples and the engine counts them exactly.
 */
import { parseSelector, selector, sliQueries, type SliQueries } from '../prometheus';
import type { SloSpec } from '../spec';

export type SliSelectors = ({ ok: true } & SliQueries) | { ok: false; message: string };

const PLAIN =
  'nines eval reads raw counters, so a raw query must be a plain selector like metric{label="value"}; ' +
  'write the SLI as a query builder, or evaluate it in Grafana';

function rawSelector(
  query: Record<string, unknown>,
  role: string
): { ok: true; text: string } | { ok: false; message: string } {
  const expr = query.expr;
  if (typeof expr !== 'string') {
    return { ok: false, message: `sli: the ${role} query has no PromQL expr` };
  }
  const parsed = parseSelector(expr);
  if (parsed === null) {
    return { ok: false, message: `sli: the ${role} query ${JSON.stringify(expr)} is not a plain selector: ${PLAIN}` };
  }
  return { ok: true, text: selector(parsed.metric, parsed.matchers) };
}

export function sliSelectors(slo: SloSpec): SliSelectors {
  const { source, eventKind, datasource } = slo.sli;
  if (source.kind !== 'raw') {
    return { ok: true, ...sliQueries(source, eventKind) };
  }
  if (datasource.type.toLowerCase() !== 'prometheus') {
    return {
      ok: false,
      message: `sli: queries of a ${datasource.type} datasource: nines eval reads Prometheus only; evaluate it in Grafana`,
    };
  }
  const event = rawSelector(source.eventQuery, eventKind);
  const total = rawSelector(source.totalQuery, 'total');
  if (!event.ok) {
    return event;
  }
  if (!total.ok) {
    return total;
  }
  return { ok: true, event: event.text, total: total.text };
}
