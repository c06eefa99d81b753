/**
 * The one validation of an SLO spec: reads untrusted input into a `SloSpec` and lists every
 * problem with the path of its field. Missing optional details (description, team, labels,
 * runbook, folder, time zone, time slices, group-by) take their defaults; wrong types never do.
 */
import { isLabelName, LABEL_NAME_RULE } from '../prometheus/names';
import { within } from './errorPaths';
import { isGrafanaUid, UID_RULE } from './names';
import { describeValue, pathOf, Problems, readRecord, readString, readStringMap } from './read';
import { findSecrets } from './secrets';
import type { SloResult, SloSpec } from './types';
import { validateAlerting, validateObjective } from './validateObjective';
import { validateSli } from './validateSli';

/** OpenSLO's limit, so that every SLO can be exported. */
export const MAX_DESCRIPTION_LENGTH = 1050;

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function validateDetails(input: Record<string, unknown>, problems: Problems) {
  const uid = readString(input.uid, 'uid', problems);
  if (typeof input.uid === 'string' && !isGrafanaUid(uid)) {
    problems.add('uid', `must be ${UID_RULE}, got ${describeValue(uid)}`);
  }
  const name = readString(input.name, 'name', problems);
  if (typeof input.name === 'string' && name.trim() === '') {
    problems.add('name', 'is required');
  }
  const description = readString(input.description, 'description', problems, '');
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    problems.add('description', `must be at most ${MAX_DESCRIPTION_LENGTH} characters, got ${description.length}`);
  }
  const service = readString(input.service, 'service', problems);
  if (typeof input.service === 'string' && service.trim() === '') {
    problems.add('service', 'is required: the service whose users the SLO is about');
  }
  const team = readString(input.team, 'team', problems, '');
  const labels = readStringMap(input.labels, 'labels', problems);
  for (const label of Object.keys(labels)) {
    if (!isLabelName(label) || label.startsWith('__')) {
      problems.add(pathOf('labels', label), `label names must match ${LABEL_NAME_RULE} and not start with __`);
    }
  }
  const runbookUrl = readString(input.runbookUrl, 'runbookUrl', problems, '');
  if (runbookUrl !== '' && !isHttpUrl(runbookUrl)) {
    problems.add('runbookUrl', `must be an http or https URL, got ${describeValue(runbookUrl)}`);
  }
  const folderUid = readString(input.folderUid, 'folderUid', problems, '');
  if (folderUid !== '' && !isGrafanaUid(folderUid)) {
    problems.add(
      'folderUid',
      `must be a folder uid (${UID_RULE}) or empty for the root folder, got ${describeValue(folderUid)}`
    );
  }
  return { uid, name, description, service, team, labels, runbookUrl, folderUid };
}

export function validateSlo(input: unknown): SloResult {
  const problems = new Problems();
  const root = readRecord(input, '', problems);
  const slo: SloSpec = {
    ...validateDetails(root, problems),
    sli: validateSli(root.sli, 'sli', problems),
    objective: validateObjective(root.objective, 'objective', problems),
    alerting: validateAlerting(root.alerting, 'alerting', problems),
  };
  problems.list.push(...findSecrets(slo));
  // A missing or malformed object is one problem, not one more for each field it lacks.
  const errors = problems.list.filter(
    (error) =>
      !problems.list.some((outer) => outer.path !== error.path && within(error.path, outer.path) && outer.path !== '')
  );
  return problems.empty ? { ok: true, slo } : { ok: false, errors };
}
