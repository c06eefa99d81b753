import { formattedValueToString, getValueFormat } from '@grafana/data';
import type { SloPanelOptions } from './types';

const MAX_DECIMALS = 6;

// An objective is read to its last nine: 99.99 must not be shown rounded to 100.0%.
function decimalsOf(value: number): number {
  const fraction = value.toFixed(MAX_DECIMALS).split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length;
}

/** The objective as one line of text, e.g. "Objective 99.9% over 30d". */
export function describeObjective({ target, window }: SloPanelOptions): string {
  const percent = formattedValueToString(getValueFormat('percent')(target, decimalsOf(target)));
  return `Objective ${percent} over ${window}`;
}
