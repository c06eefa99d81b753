const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const DURATION = /^(?:\d+(?:ms|s|m|h|d|w))+$/;
const PART = /(\d+)(ms|s|m|h|d|w)/g;

/** Parses a Prometheus-style duration ('5m', '30d', '1h30m') into milliseconds; null if it is not one. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) {
    return null;
  }
  let ms = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    ms += Number(amount) * UNIT_MS[unit];
  }
  return ms > 0 && Number.isSafeInteger(ms) ? ms : null;
}

const UNITS_DESCENDING = ['d', 'h', 'm', 's', 'ms'] as const;

/** Writes milliseconds as a duration that parseDuration reads back ('15m', '1h30m', '2d'); whole ms only. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  let text = '';
  for (const unit of UNITS_DESCENDING) {
    const amount = Math.floor(rest / UNIT_MS[unit]);
    if (amount > 0) {
      text += `${amount}${unit}`;
      rest -= amount * UNIT_MS[unit];
    }
  }
  return text === '' ? '0ms' : text;
}
