/** Times and durations as the CLI's flags take them. */
import { parseDuration } from '../engine';

/**
 * Epoch numbers below this are seconds, above it milliseconds: 1e11 s is the year 5138, while
 * 1e11 ms is 1973, before any data a Prometheus holds.
 */
const SECONDS_BELOW = 1e11;

/** `--at`: `now`, an ISO time, or epoch seconds or milliseconds; null when it is none of them. */
export function parseTime(text: string, now: number): number | null {
  const trimmed = text.trim();
  if (trimmed === 'now') {
    return now;
  }
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const value = Number(trimmed);
    return Math.round(value < SECONDS_BELOW ? value * 1000 : value);
  }
  // Date.parse also reads loose texts like "1"; an ISO time starts with a four-digit year.
  const time = /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? Date.parse(trimmed) : NaN;
  return Number.isNaN(time) ? null : time;
}

/** `--step`: a duration (`60s`, `1m`) or plain seconds, in milliseconds; whole seconds only. */
export function parseStep(text: string): number | null {
  const trimmed = text.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : parseDuration(trimmed);
  return ms !== null && ms >= 1000 && ms % 1000 === 0 && Number.isSafeInteger(ms) ? ms : null;
}

export function isoTime(time: number): string {
  return new Date(time).toISOString();
}
