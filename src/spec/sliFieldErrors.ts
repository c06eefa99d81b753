/** Where the SLI editor shows each validation error: at the field its path names. */
import { within } from './errorPaths';
import type { SliMode } from './sliModes';
import type { SpecError } from './types';

/** The SLI editor's fields: the spec path each one edits, its label, and the modes that show it. */
const FIELDS: ReadonlyArray<{ path: string; label: string; modes: readonly SliMode[] }> = [
  {
    path: 'sli.datasource',
    label: 'Datasource',
    modes: ['prometheusRatio', 'prometheusLatency', 'prometheusThreshold', 'raw'],
  },
  { path: 'sli.eventKind', label: 'Event kind', modes: ['prometheusRatio', 'raw'] },
  { path: 'sli.valueKind', label: 'Values', modes: ['raw'] },
  { path: 'sli.source.metric', label: 'Metric', modes: ['prometheusRatio', 'prometheusLatency'] },
  { path: 'sli.source.matchers', label: 'Label matchers', modes: ['prometheusRatio', 'prometheusLatency'] },
  { path: 'sli.source.eventMatchers', label: 'Condition', modes: ['prometheusRatio'] },
  { path: 'sli.source.groupBy', label: 'Group by', modes: ['prometheusRatio'] },
  { path: 'sli.source.thresholdLe', label: 'Threshold bucket (le)', modes: ['prometheusLatency'] },
  { path: 'sli.source.query', label: 'Value query', modes: ['prometheusThreshold'] },
  { path: 'sli.source.op', label: 'Good when the value is', modes: ['prometheusThreshold'] },
  { path: 'sli.source.threshold', label: 'Threshold', modes: ['prometheusThreshold'] },
  { path: 'sli.source.eventQuery', label: 'Event query', modes: ['raw'] },
  { path: 'sli.source.totalQuery', label: 'Total query', modes: ['raw'] },
];

/** The messages of the errors at `path` or inside it, one per line; undefined when there are none. */
export function errorAt(errors: readonly SpecError[], path: string): string | undefined {
  const messages = errors.filter((error) => within(error.path, path)).map((error) => message(error, path));
  return messages.length > 0 ? messages.join('\n') : undefined;
}

/** The messages of the errors at exactly `path` (a list's own errors, not its entries'). */
export function errorExactlyAt(errors: readonly SpecError[], path: string): string | undefined {
  const messages = errors.filter((error) => error.path === path).map((error) => error.message);
  return messages.length > 0 ? messages.join('\n') : undefined;
}

/** An error inside a field names what inside it is wrong (`expr: must be …`); at the field, just the message. */
function message(error: SpecError, path: string): string {
  const rest = error.path.slice(path.length).replace(/^\./, '');
  return rest === '' ? error.message : `${rest}: ${error.message}`;
}

/** The `sli.` errors no field of `mode` shows (a latency SLI marked bad, a malformed source): shown apart. */
export function unplacedErrors(errors: readonly SpecError[], mode: SliMode): SpecError[] {
  const shown = FIELDS.filter((field) => field.modes.includes(mode));
  return errors.filter((error) => within(error.path, 'sli') && !shown.some((field) => within(error.path, field.path)));
}

/** An error with the label of its field first: "Metric: must be a Prometheus metric name …". */
export function describeSliError(error: SpecError): string {
  const field = FIELDS.find((candidate) => within(error.path, candidate.path));
  return field ? `${field.label}: ${message(error, field.path)}` : `${error.path}: ${error.message}`;
}
