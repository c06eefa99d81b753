/**
 * Readers for untrusted JSON (request bodies, provisioning files, Prometheus answers): each returns
 * a typed value or undefined, so handlers never cast.
 */
export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringAt(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function booleanAt(object: JsonObject, key: string): boolean | undefined {
  const value = object[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function recordAt(object: JsonObject, key: string): JsonObject | undefined {
  const value = object[key];
  return isRecord(value) ? value : undefined;
}

export function arrayAt(object: JsonObject, key: string): unknown[] | undefined {
  const value = object[key];
  return Array.isArray(value) ? value : undefined;
}

/** A string-to-string map such as Prometheus labels; non-string values are dropped. */
export function stringMapAt(object: JsonObject, key: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [name, value] of Object.entries(recordAt(object, key) ?? {})) {
    if (typeof value === 'string') {
      map[name] = value;
    }
  }
  return map;
}

/** A deep copy through JSON, so stored models never alias what a caller holds. */
export function cloneJson(value: JsonObject): JsonObject {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  return isRecord(copy) ? copy : {};
}
