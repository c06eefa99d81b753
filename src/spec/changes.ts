/**
 * What differs between two SLOs, field by field, for the editor's conflict view: when someone
 * saved a newer version, the user sees each field they changed with their value and yours.
 */
import { pathOf } from './read';
import type { SloSpec } from './types';

/** A changed field: its path (`objective.target`, `labels.env`, `alerting.tiers[1].enabled`) and both values. */
export interface SloChange {
  path: string;
  /** The value in the first SLO; undefined when it has no such field. */
  a: unknown;
  /** The value in the second SLO; undefined when it has no such field. */
  b: unknown;
}

/** A field the server changed: the server's value and the user's value of the same field. */
export interface ServerChange {
  path: string;
  server: unknown;
  yours: unknown;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function collect(value: unknown, path: string, fields: Map<string, unknown>): void {
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((entry, index) => [index, entry])
    : isContainer(value)
      ? Object.entries(value)
      : [];
  // Empty lists and objects are values too, or [] and {} would look alike.
  if (entries.length === 0) {
    fields.set(path, value);
    return;
  }
  for (const [key, entry] of entries) {
    collect(entry, pathOf(path, key), fields);
  }
}

/** Every field of an SLO that holds a value (a number, text, switch, empty list), by path. */
export function sloFields(slo: SloSpec): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  collect(slo, '', fields);
  return fields;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ, in the order of the first SLO's fields, then the second's new ones. */
export function sloChanges(a: SloSpec, b: SloSpec): SloChange[] {
  const before = sloFields(a);
  const after = sloFields(b);
  const paths = [...before.keys(), ...[...after.keys()].filter((path) => !before.has(path))];
  return paths
    .map((path) => ({ path, a: before.get(path), b: after.get(path) }))
    .filter((change) => !same(change.a, change.b));
}

/**
 * What the server changed since the user opened the SLO (`base`), with the server's value and
 * the user's value of each of those fields.
 */
export function serverChanges(base: SloSpec, server: SloSpec, yours: SloSpec): ServerChange[] {
  const mine = sloFields(yours);
  return sloChanges(base, server).map(({ path, b }) => ({ path, server: b, yours: mine.get(path) }));
}
