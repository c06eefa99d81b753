/** Which of the panel's queries count which events, and how to read their values. */

export type EventKind = 'good' | 'bad';

/** Same meaning as `SeriesInput.kind` in src/engine/types.ts. */
export type ValueKind = 'counter' | 'increment';

export interface QueryMapping {
  /** Whether the event query counts good or bad events (used unless the refId `good` or `bad` decides). */
  eventKind: EventKind;
  /** refId of the event query; '' = automatic. */
  eventRefId: string;
  /** refId of the total query; '' = automatic. */
  totalRefId: string;
  valueKind: ValueKind;
}

/** The refIds automatic resolution looks for, in order. */
export const AUTOMATIC_EVENT_REF_IDS = ['good', 'bad', 'A'] as const;
export const AUTOMATIC_TOTAL_REF_IDS = ['total', 'B'] as const;

export interface ResolvedEventQuery {
  refId: string;
  eventKind: EventKind;
}

/**
 * Picks the event query among the available refIds, or undefined when there is none.
 *
 * An explicit `eventRefId` is used as it is, with `mapping.eventKind`. Automatic ('') takes the
 * query with refId `good` (good events), else `bad` (bad events), else `A` (with
 * `mapping.eventKind`). RefIds match exactly, case included, as Grafana matches them.
 */
export function resolveEventQuery(mapping: QueryMapping, available: readonly string[]): ResolvedEventQuery | undefined {
  if (mapping.eventRefId !== '') {
    return available.includes(mapping.eventRefId)
      ? { refId: mapping.eventRefId, eventKind: mapping.eventKind }
      : undefined;
  }
  if (available.includes('good')) {
    return { refId: 'good', eventKind: 'good' };
  }
  if (available.includes('bad')) {
    return { refId: 'bad', eventKind: 'bad' };
  }
  return available.includes('A') ? { refId: 'A', eventKind: mapping.eventKind } : undefined;
}

/**
 * Picks the total query: an explicit `totalRefId` as it is; automatic ('') takes the query with
 * refId `total`, else `B`. Undefined when there is none.
 */
export function resolveTotalQuery(mapping: QueryMapping, available: readonly string[]): string | undefined {
  if (mapping.totalRefId !== '') {
    return available.includes(mapping.totalRefId) ? mapping.totalRefId : undefined;
  }
  return AUTOMATIC_TOTAL_REF_IDS.find((refId) => available.includes(refId));
}
