/** Builders for engine tests: series on a regular grid, ending at a given time. */
import type { SeriesInput } from './types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An increment series with one value per step, the last at `end`. */
export function increments(values: number[], end: number, step = MINUTE): SeriesInput {
  return {
    kind: 'increment',
    times: values.map((_, i) => end - (values.length - 1 - i) * step),
    values,
  };
}

/** `count` copies of a value. */
export function repeat(value: number, count: number): number[] {
  return new Array<number>(count).fill(value);
}
