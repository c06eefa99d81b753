/**
 * Reading untrusted values (JSON, YAML) into typed ones while collecting every problem with the
 * path of its field. A reader returns a value of the right type in any case (a fallback after a
 * problem), so that one pass finds all problems.
 */
import type { SpecError } from './types';

export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a.b`, `a[0]`, or `a["nines.dev/uid"]` for keys that are not plain words. */
export function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${base}[${key}]`;
  }
  if (!/^[A-Za-z0-9_-]+$/.test(key)) {
    return `${base}[${JSON.stringify(key)}]`;
  }
  return base === '' ? key : `${base}.${key}`;
}

export class Problems {
  readonly list: SpecError[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** The problem with a value that is missing or of the wrong type. */
function wrongType(value: unknown, expected: string): string {
  return value === undefined ? 'is required' : `must be ${expected}, got ${describeValue(value)}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

/** An object, or {} after a problem (missing ones too, unless `optional`). */
export function readRecord(value: unknown, path: string, problems: Problems, optional = false): UnknownRecord {
  if (isRecord(value)) {
    return value;
  }
  if (!(optional && value === undefined)) {
    problems.add(path, wrongType(value, 'an object'));
  }
  return {};
}

export function readArray(value: unknown, path: string, problems: Problems, optional = false): unknown[] {
  if (Array.isArray(value)) {
    return value;
  }
  if (!(optional && value === undefined)) {
    problems.add(path, wrongType(value, 'a list'));
  }
  return [];
}

/** A string; a missing optional one is `fallback`. */
export function readString(value: unknown, path: string, problems: Problems, fallback?: string): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value === undefined && fallback !== undefined) {
    return fallback;
  }
  problems.add(path, wrongType(value, 'a string'));
  return fallback ?? '';
}

export function readNumber(value: unknown, path: string, problems: Problems, fallback?: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (value === undefined && fallback !== undefined) {
    return fallback;
  }
  problems.add(path, wrongType(value, 'a number'));
  return fallback ?? 0;
}

export function readBoolean(value: unknown, path: string, problems: Problems, fallback?: boolean): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === undefined && fallback !== undefined) {
    return fallback;
  }
  problems.add(path, wrongType(value, 'true or false'));
  return fallback ?? false;
}

export function readOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  problems: Problems,
  fallback?: T
): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found !== undefined) {
    return found;
  }
  if (value === undefined && fallback !== undefined) {
    return fallback;
  }
  problems.add(path, wrongType(value, `one of ${allowed.join(', ')}`));
  return fallback ?? allowed[0];
}

/** A map of strings to strings; a missing one is {}. */
export function readStringMap(value: unknown, path: string, problems: Problems): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(readRecord(value, path, problems, true))) {
    // defineProperty: a key `__proto__` stays a key (and is then judged) instead of replacing the prototype.
    Object.defineProperty(map, key, {
      value: readString(entry, pathOf(path, key), problems),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return map;
}
