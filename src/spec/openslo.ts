/**
 * SLOs as OpenSLO v1 YAML (kind SLO with an inline SLI whose ratioMetric counts good or bad
 * events and total events, or whose thresholdMetric is compared with the objective's op and value). What OpenSLO has no field for goes into `nines.dev/` annotations,
 * so that reading the file back gives the same SLO (see `canonicalSlo` for what is left out).
 */
import { stringify } from 'yaml';

import { parseWindow } from '../engine';
import { sliQueries } from '../prometheus/promql';
import {
  ANNOTATION,
  CALENDAR_DURATIONS,
  CALENDAR_START,
  formatTiers,
  objectName,
  OPENSLO_VERSION,
  PROMETHEUS_SOURCE_TYPE,
} from './opensloFormat';
import type { SloSpec } from './types';
import { percentToFraction, shorthand } from './units';

export { openSloToSlo, type OpenSloImport, type ImportOptions } from './openSloImport';

type MetricSource = { metricSource: { metricSourceRef: string; type: string; spec: Record<string, unknown> } };

/** The SLI's spec: a ratioMetric of event and total queries, or a threshold metric's value query. */
function indicatorSpec(slo: SloSpec): Record<string, unknown> {
  const { datasource, source, eventKind, valueKind } = slo.sli;
  const metric = (type: string, spec: Record<string, unknown>): MetricSource => ({
    metricSource: { metricSourceRef: datasource.uid, type, spec },
  });
  if (source.kind === 'prometheusThreshold') {
    return { thresholdMetric: metric(PROMETHEUS_SOURCE_TYPE, { query: source.query }) };
  }
  const ratio = (event: MetricSource, total: MetricSource) => ({
    ratioMetric: { counter: valueKind === 'counter', [eventKind]: event, total },
  });
  if (source.kind === 'raw') {
    return ratio(metric(datasource.type, source.eventQuery), metric(datasource.type, source.totalQuery));
  }
  const queries = sliQueries(source, eventKind);
  return ratio(
    metric(PROMETHEUS_SOURCE_TYPE, { query: queries.event }),
    metric(PROMETHEUS_SOURCE_TYPE, { query: queries.total })
  );
}

function timeWindow(slo: SloSpec, annotations: Record<string, string>) {
  const { window, timeZone } = slo.objective;
  const parsed = parseWindow(window);
  if (parsed?.kind === 'calendar') {
    return {
      duration: CALENDAR_DURATIONS[parsed.period],
      calendar: { startTime: CALENDAR_START, timeZone },
      isRolling: false,
    };
  }
  const duration = parsed === null ? null : shorthand(window, parsed.length);
  if (duration !== window) {
    annotations[ANNOTATION.window] = window;
  }
  return { duration: duration ?? window, isRolling: true };
}

function objectives(slo: SloSpec, annotations: Record<string, string>) {
  const { target, budgetingMethod, timeSliceWindow, timeSliceTarget } = slo.objective;
  const { source } = slo.sli;
  const objective: Record<string, unknown> =
    source.kind === 'prometheusThreshold' ? { op: source.op, value: source.threshold } : {};
  objective.target = percentToFraction(target);
  if (budgetingMethod === 'Timeslices') {
    objective.timeSliceTarget = percentToFraction(timeSliceTarget === 0 ? target : timeSliceTarget);
  }
  if (budgetingMethod !== 'Occurrences') {
    const slice = parseWindow(timeSliceWindow);
    const written = slice?.kind === 'rolling' ? shorthand(timeSliceWindow, slice.length) : null;
    objective.timeSliceWindow = written ?? timeSliceWindow;
    if (written !== timeSliceWindow) {
      annotations[ANNOTATION.timeSliceWindow] = timeSliceWindow;
    }
  }
  return [objective];
}

function annotationsOf(slo: SloSpec): Record<string, string> {
  const annotations: Record<string, string> = { [ANNOTATION.uid]: slo.uid };
  const optional: Array<[string, string]> = [
    [ANNOTATION.folderUid, slo.folderUid],
    [ANNOTATION.team, slo.team],
    [ANNOTATION.runbookUrl, slo.runbookUrl],
    [ANNOTATION.groupBy, slo.sli.source.kind === 'prometheusRatio' ? slo.sli.source.groupBy.join(',') : ''],
    [ANNOTATION.minEvents, slo.alerting.minEvents === 0 ? '' : String(slo.alerting.minEvents)],
  ];
  for (const [key, value] of optional.filter(([, text]) => text !== '')) {
    annotations[key] = value;
  }
  annotations[ANNOTATION.alertTiers] = formatTiers(slo.alerting.tiers);
  return annotations;
}

/** The OpenSLO v1 document of a valid SLO, as a plain object. */
export function sloToOpenSloDocument(slo: SloSpec): Record<string, unknown> {
  const name = objectName(slo.uid);
  const annotations = annotationsOf(slo);
  const spec: Record<string, unknown> = {};
  if (slo.description !== '') {
    spec.description = slo.description;
  }
  spec.service = slo.service;
  spec.indicator = {
    metadata: { name: `${name.slice(0, 59)}-sli` },
    spec: indicatorSpec(slo),
  };
  spec.timeWindow = [timeWindow(slo, annotations)];
  spec.budgetingMethod = slo.objective.budgetingMethod;
  spec.objectives = objectives(slo, annotations);
  const metadata: Record<string, unknown> = { name, displayName: slo.name };
  if (Object.keys(slo.labels).length > 0) {
    metadata.labels = { ...slo.labels };
  }
  metadata.annotations = annotations;
  return { apiVersion: OPENSLO_VERSION, kind: 'SLO', metadata, spec };
}

/** One SLO as an OpenSLO v1 YAML document. */
export function sloToOpenSlo(slo: SloSpec): string {
  return stringify(sloToOpenSloDocument(slo), { lineWidth: 0 });
}

/** Several SLOs as one YAML file of OpenSLO documents separated by `---`. */
export function slosToOpenSlo(slos: readonly SloSpec[]): string {
  return slos.map(sloToOpenSlo).join('---\n');
}
