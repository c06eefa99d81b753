/** Exact conversions between the spec's units and those of other formats. */

/** Moves the decimal point of a number's shortest text, so that 99.9 becomes exactly 0.999. */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** 99.9 → 0.999, without the float noise of dividing by 100 (exact up to 15 significant digits). */
export function percentToFraction(percent: number): number {
  return shiftDecimal(percent, -2);
}

export function fractionToPercent(fraction: number): number {
  return shiftDecimal(fraction, 2);
}

const UNITS: Array<[string, number]> = [
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
];

/**
 * One number and one unit ('90m' for 1h30m), as OpenSLO's duration shorthand and Grafana's
 * relative times want it; a text that already is one is kept ('7d' stays '7d', not '1w').
 * Null for lengths that are not whole minutes.
 */
export function shorthand(text: string, length: number): string | null {
  if (/^[1-9]\d*[mhdw]$/.test(text)) {
    return text;
  }
  const unit = UNITS.find(([, ms]) => length > 0 && length % ms === 0);
  return unit ? `${length / unit[1]}${unit[0]}` : null;
}
