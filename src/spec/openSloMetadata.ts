/** Reads the metadata of an OpenSLO SLO: annotations, labels, and the alerting Nines keeps in annotations. */
import { defaultAlerting } from './defaults';
import type { PathRule } from './errorPaths';
import { ANNOTATION, labelNameFromKey, parseTiers } from './opensloFormat';
import { describeValue, pathOf, type Problems, readRecord, readString, type UnknownRecord } from './read';
import type { SloAlerting } from './types';

const annotationPath = (key: string) => pathOf('metadata.annotations', key);

/** Annotations are strings; numbers and booleans written by hand are read as their text. */
export function readAnnotations(metadata: UnknownRecord, problems: Problems): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(readRecord(metadata.annotations, 'metadata.annotations', problems, true))) {
    annotations[key] =
      typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : readString(value, annotationPath(key), problems);
  }
  return annotations;
}

/** Labels become Prometheus label names; a list of values becomes one comma-separated value. */
export function readLabels(metadata: UnknownRecord, problems: Problems, rules: PathRule[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(readRecord(metadata.labels, 'metadata.labels', problems, true))) {
    const path = pathOf('metadata.labels', key);
    const name = labelNameFromKey(key);
    if (name in labels) {
      problems.add(path, `becomes the label ${name}, as another label does; rename one`);
    }
    labels[name] = Array.isArray(value)
      ? value.map((entry, index) => readString(entry, pathOf(path, index), problems)).join(',')
      : readString(value, path, problems);
    rules.push([pathOf('labels', name), path]);
  }
  return labels;
}

export function readAlerting(annotations: Record<string, string>, problems: Problems, rules: PathRule[]): SloAlerting {
  const alerting = defaultAlerting();
  const tiersText = annotations[ANNOTATION.alertTiers];
  if (tiersText !== undefined) {
    const parsed = parseTiers(tiersText);
    if ('badTier' in parsed) {
      problems.add(
        annotationPath(ANNOTATION.alertTiers),
        `tier ${parsed.badTier + 1} must look like "page 1h/5m 2%" (severity, long/short window, budget share), with " disabled" to switch it off`
      );
    } else {
      alerting.tiers = parsed.tiers;
    }
  }
  const minEvents = annotations[ANNOTATION.minEvents];
  if (minEvents !== undefined) {
    alerting.minEvents = Number(minEvents);
    if (minEvents.trim() === '' || !Number.isFinite(alerting.minEvents)) {
      problems.add(annotationPath(ANNOTATION.minEvents), `must be a number of events, got ${describeValue(minEvents)}`);
    }
  }
  rules.push(
    ['alerting.minEvents', annotationPath(ANNOTATION.minEvents)],
    ['alerting', annotationPath(ANNOTATION.alertTiers), { whole: true }]
  );
  return alerting;
}
