/** A raw query model written as JSON text, for datasources whose query editor the app cannot show. */
import { isRecord, type UnknownRecord } from './read';

export type RawQueryJson = { ok: true; query: UnknownRecord } | { ok: false; message: string };

export function rawQueryToJson(query: UnknownRecord): string {
  return JSON.stringify(query, null, 2);
}

/** Reads the text back; the message says what is wrong with it, for the field that holds it. */
export function rawQueryFromJson(text: string): RawQueryJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return isRecord(parsed)
    ? { ok: true, query: parsed }
    : { ok: false, message: 'must be a JSON object: the query model of the datasource, e.g. {"rawSql": "…"}' };
}
