import type { DataFrame } from '@grafana/data';

import type { SeriesInput } from '../engine';
import { frameToSeries } from './frameSeries';
import {
  AUTOMATIC_EVENT_REF_IDS,
  AUTOMATIC_TOTAL_REF_IDS,
  resolveEventQuery,
  resolveTotalQuery,
  type EventKind,
  type QueryMapping,
} from './mapping';

/** The count series of `evaluateSlo`'s input: `good` or `bad` (per `eventKind`) and `total`. */
export type SloSeriesInput = { good?: SeriesInput[]; bad?: SeriesInput[]; total: SeriesInput[] };

export type QueryRole = 'event' | 'total';

export type QueryProblem =
  /** No frames at all and no refIds. */
  | { kind: 'noQueries' }
  /** `refId` is '' when the role was resolved automatically and no query has a refId it looks for. */
  | { kind: 'missingQuery'; role: QueryRole; refId: string; available: string[] }
  /** Event and total resolve to one query. */
  | { kind: 'sameQuery'; refId: string }
  | { kind: 'noTimeField'; refId: string }
  | { kind: 'noValueField'; refId: string };

export type SloSeriesResult =
  | {
      ok: true;
      input: SloSeriesInput;
      eventKind: EventKind;
      refIds: { event: string; total: string };
      /** Both queries resolved but answered no samples: "No data", not an error. */
      empty: boolean;
    }
  | { ok: false; problem: QueryProblem; message: string };

const ROLE_LABEL: Record<QueryRole, string> = { event: 'Event query', total: 'Total query' };

/**
 * Turns the panel's DataFrames into the count series of `evaluateSlo`.
 *
 * `refIds` are the refIds of the panel's targets (a query that answered nothing may have no
 * frame); with the frames' refIds they are the queries to choose from. The event query is
 * `mapping.eventRefId`, or automatically the query with refId `good` (good events), else `bad`
 * (bad events), else `A`; the total query is `mapping.totalRefId`, or automatically `total`, else
 * `B`. RefIds match exactly, as in Grafana. See `resolveEventQuery` and `resolveTotalQuery`.
 *
 * Every series of a query stays a series of its own: the engine sums a role's series after it has
 * found each counter's resets, which a sum taken before would hide.
 */
export function toSloSeries(frames: DataFrame[], mapping: QueryMapping, refIds: string[] = []): SloSeriesResult {
  const available = availableRefIds(frames, refIds);
  if (available.length === 0) {
    return { ok: false, problem: { kind: 'noQueries' }, message: 'Queries: add an event query and a total query' };
  }
  const event = resolveEventQuery(mapping, available);
  if (event === undefined) {
    return missingQuery('event', mapping.eventRefId, available);
  }
  const totalRefId = resolveTotalQuery(mapping, available);
  if (totalRefId === undefined) {
    return missingQuery('total', mapping.totalRefId, available);
  }
  if (event.refId === totalRefId) {
    return {
      ok: false,
      problem: { kind: 'sameQuery', refId: totalRefId },
      message: `Event query, Total query: both use query "${totalRefId}"; the total needs a query of its own`,
    };
  }

  const eventSeries = querySeries(frames, 'event', event.refId, mapping);
  if (!eventSeries.ok) {
    return eventSeries;
  }
  const totalSeries = querySeries(frames, 'total', totalRefId, mapping);
  if (!totalSeries.ok) {
    return totalSeries;
  }
  return {
    ok: true,
    input:
      event.eventKind === 'good'
        ? { good: eventSeries.series, total: totalSeries.series }
        : { bad: eventSeries.series, total: totalSeries.series },
    eventKind: event.eventKind,
    refIds: { event: event.refId, total: totalRefId },
    empty: eventSeries.samples + totalSeries.samples === 0,
  };
}

/** The targets' refIds, then those only frames name, each once; frames without a refId name no query. */
function availableRefIds(frames: DataFrame[], refIds: string[]): string[] {
  const seen = new Set<string>();
  for (const refId of refIds) {
    seen.add(refId);
  }
  for (const frame of frames) {
    if (frame.refId !== undefined) {
      seen.add(frame.refId);
    }
  }
  seen.delete('');
  return [...seen];
}

type QuerySeries =
  { ok: true; series: SeriesInput[]; samples: number } | { ok: false; problem: QueryProblem; message: string };

function querySeries(frames: DataFrame[], role: QueryRole, refId: string, mapping: QueryMapping): QuerySeries {
  const series: SeriesInput[] = [];
  let samples = 0;
  for (const frame of frames) {
    if (frame.refId !== refId) {
      continue;
    }
    const converted = frameToSeries(frame, mapping.valueKind);
    if (!converted.ok) {
      return converted.problem === 'noTimeField'
        ? {
            ok: false,
            problem: { kind: 'noTimeField', refId },
            message: `${ROLE_LABEL[role]}: query "${refId}" has no time field (a field of type time, or a number field named time, ts or timestamp)`,
          }
        : {
            ok: false,
            problem: { kind: 'noValueField', refId },
            message: `${ROLE_LABEL[role]}: query "${refId}" has no number field to count`,
          };
    }
    series.push(...converted.series);
    samples += converted.samples;
  }
  return { ok: true, series, samples };
}

function missingQuery(role: QueryRole, refId: string, available: string[]): SloSeriesResult {
  const queries = `(queries: ${available.join(', ')})`;
  const message =
    refId === ''
      ? `${ROLE_LABEL[role]}: choose one; no query has refId ${orList(role === 'event' ? AUTOMATIC_EVENT_REF_IDS : AUTOMATIC_TOTAL_REF_IDS)} ${queries}`
      : `${ROLE_LABEL[role]}: no query with refId "${refId}" ${queries}`;
  return { ok: false, problem: { kind: 'missingQuery', role, refId, available }, message };
}

/** '"good", "bad" or "A"' */
function orList(refIds: readonly string[]): string {
  const quoted = refIds.map((refId) => `"${refId}"`);
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
