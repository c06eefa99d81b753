/** What the editor calls the field of an error path, so that every message names its field. */
import type { SpecError } from '../../spec/types';

const FIELDS: Record<string, string> = {
  '': 'The SLO',
  uid: 'UID',
  name: 'Name',
  description: 'Description',
  service: 'Service',
  team: 'Team',
  runbookUrl: 'Runbook URL',
  folderUid: 'Folder',
  'objective.target': 'Target',
  'objective.window': 'Window',
  'objective.budgetingMethod': 'Budgeting method',
  'objective.timeSliceWindow': 'Time slice window',
  'objective.timeSliceTarget': 'Time slice target',
  'objective.timeZone': 'Time zone',
  'alerting.minEvents': 'Minimum events',
  'alerting.tiers': 'Alert tiers',
};

const TIER_FIELDS: Record<string, string> = {
  longWindow: 'long window',
  shortWindow: 'short window',
  budgetShare: 'budget share',
  severity: 'severity',
  enabled: 'switch',
};

/** `labels.env` and `labels["a b"]`: the label's name. */
function labelName(path: string): string | null {
  const plain = /^labels\.([A-Za-z0-9_-]+)$/.exec(path);
  if (plain) {
    return plain[1];
  }
  const quoted = /^labels\[("(?:[^"\\]|\\.)*")\]$/.exec(path);
  if (quoted) {
    const name: unknown = JSON.parse(quoted[1]);
    return typeof name === 'string' ? name : null;
  }
  return null;
}

export function fieldName(path: string): string {
  const known = FIELDS[path];
  if (known !== undefined) {
    return known;
  }
  const row = /^labels\[(\d+)\]\.(key|value)$/.exec(path);
  if (row) {
    return `Label ${Number(row[1]) + 1} ${row[2] === 'key' ? 'name' : 'value'}`;
  }
  const label = labelName(path);
  if (label !== null) {
    return `Label "${label}"`;
  }
  const tier = /^alerting\.tiers\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (tier) {
    const field = tier[2] === undefined ? '' : ` ${TIER_FIELDS[tier[2]] ?? tier[2]}`;
    return `Alert tier ${Number(tier[1]) + 1}${field}`;
  }
  return path.startsWith('sli') ? `SLI ${path.slice(4) || 'query'}` : path;
}

// Messages that go on from the field's name ("is required") read as one sentence with it.
const CONTINUES = /^(?:is|are|must|may|repeats|looks|names|has|needs)\b/;

/** The error as a sentence that names its field: "Target must be a percentage…", "Label "a b": label names must…". */
export function describeError({ path, message }: SpecError): string {
  return `${fieldName(path)}${CONTINUES.test(message) ? ' ' : ': '}${message}`;
}

/** The message for a Field: its errors as sentences, or undefined when it has none. */
export function errorText(errors: SpecError[]): string | undefined {
  return errors.length === 0 ? undefined : errors.map(describeError).join(' ');
}

/** The errors exactly at a field's path. */
export function errorsAt(errors: SpecError[], path: string): SpecError[] {
  return errors.filter((error) => error.path === path);
}
