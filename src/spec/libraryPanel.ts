/**
 * An SLO as a Grafana library panel of the Nines SLO panel: the targets are the SLI queries
 * (refIds good or bad, and total), the options hold the objective and alerting, and `model.nines`
 * keeps what neither holds (service, team, labels, runbook, time zone, the query builder).
 * The panel's own parts win when reading back, so edits made in a dashboard are kept.
 */
import { parseWindow } from '../engine';
import type { SingleSloPanelOptions } from '../panels/slo/types';
import { sliQueries } from '../prometheus/promql';
import { sloIntervalPlan } from '../query/intervalPlan';
import { resolveEventQuery, resolveTotalQuery } from '../query/mapping';
import { relocateErrors, type PathRule } from './errorPaths';
import {
  LIBRARY_PANEL_KIND,
  NINES_MODEL_VERSION,
  SLO_PANEL_TYPE,
  type LibraryPanelBody,
  type LibraryPanelOptions,
  type SloPanelTarget,
} from './libraryPanelModel';
import {
  describeValue,
  isRecord,
  pathOf,
  Problems,
  readArray,
  readNumber,
  readRecord,
  readString,
  type UnknownRecord,
} from './read';
import type { PrometheusSource, SloResult, SloSpec } from './types';
import { shorthand } from './units';
import { validateSlo } from './validate';

const CALENDAR_TIME_FROM = { week: 'now/w', month: 'now/M', quarter: 'now/fQ' } as const;

/** The panel's relative time: the SLO window, or the calendar period so far. */
export function timeFromOf(window: string): string {
  const parsed = parseWindow(window);
  if (parsed === null) {
    return window;
  }
  return parsed.kind === 'calendar' ? CALENDAR_TIME_FROM[parsed.period] : (shorthand(window, parsed.length) ?? window);
}

/** The event and total targets of a Prometheus query builder: range queries of `interval` steps. */
export function builderTargets(
  { datasource, eventKind }: Pick<SloSpec['sli'], 'datasource' | 'eventKind'>,
  queries: { event: string; total: string },
  interval: string
): SloPanelTarget[] {
  const target = (refId: string, expr: string): SloPanelTarget => ({
    refId,
    datasource: { ...datasource },
    expr,
    range: true,
    instant: false,
    interval,
    legendFormat: '__auto',
  });
  return [target(eventKind, queries.event), target('total', queries.total)];
}

function targetsOf(slo: SloSpec, interval: string): SloPanelTarget[] {
  const { datasource, eventKind, source } = slo.sli;
  if (source.kind === 'raw') {
    return [
      { ...source.eventQuery, refId: eventKind, datasource: { ...datasource } },
      { ...source.totalQuery, refId: 'total', datasource: { ...datasource } },
    ];
  }
  return builderTargets(slo.sli, sliQueries(source, eventKind), interval);
}

/** The library panel of a valid SLO (validate it first: invalid names are a bug here). */
export function sloToLibraryPanel(slo: SloSpec, options: LibraryPanelOptions = {}): LibraryPanelBody {
  const { timeZone, ...objective } = slo.objective;
  const { source } = slo.sli;
  // One step for the panel and its builder queries, so that Grafana's step is this one.
  const plan = sloIntervalPlan(slo);
  const panelOptions: SingleSloPanelOptions = {
    view: options.view ?? 'summary',
    objective,
    queries: {
      eventKind: slo.sli.eventKind,
      eventRefId: slo.sli.eventKind,
      totalRefId: 'total',
      valueKind: slo.sli.valueKind,
    },
    alerting: { tiers: slo.alerting.tiers.map((tier) => ({ ...tier })), minEvents: slo.alerting.minEvents },
    sloUid: slo.uid,
  };
  return {
    uid: slo.uid,
    folderUid: slo.folderUid,
    name: slo.name,
    kind: LIBRARY_PANEL_KIND,
    model: {
      type: SLO_PANEL_TYPE,
      title: slo.name,
      description: slo.description,
      datasource: { ...slo.sli.datasource },
      targets: targetsOf(slo, plan.interval),
      maxDataPoints: plan.maxDataPoints,
      interval: plan.interval,
      timeFrom: timeFromOf(slo.objective.window),
      options: panelOptions,
      fieldConfig: { defaults: {}, overrides: [] },
      nines: {
        schemaVersion: NINES_MODEL_VERSION,
        spec: {
          service: slo.service,
          team: slo.team,
          labels: { ...slo.labels },
          runbookUrl: slo.runbookUrl,
          timeZone,
          source: source.kind === 'raw' ? { kind: 'raw' } : copyBuilder(source),
        },
      },
    },
  };
}

/** A copy of a query builder, so that the panel model shares nothing with the spec. */
function copyBuilder(source: PrometheusSource): PrometheusSource {
  if (source.kind === 'prometheusThreshold') {
    return { ...source };
  }
  const matchers = source.matchers.map((matcher) => ({ ...matcher }));
  return source.kind === 'prometheusRatio'
    ? {
        ...source,
        matchers,
        eventMatchers: source.eventMatchers.map((matcher) => ({ ...matcher })),
        groupBy: [...source.groupBy],
      }
    : { ...source, matchers };
}

/** Where each field of the spec lives in a library element, for error paths. */
function pathRules(eventIndex: number, totalIndex: number): PathRule[] {
  const details = (key: string): PathRule => [key, `model.nines.spec.${key}`];
  return [
    ['uid', 'uid'],
    ['name', 'name'],
    ['folderUid', 'folderUid'],
    ['description', 'model.description'],
    details('service'),
    details('team'),
    details('labels'),
    details('runbookUrl'),
    ['objective.timeZone', 'model.nines.spec.timeZone'],
    ['objective', 'model.options.objective'],
    ['alerting', 'model.options.alerting'],
    ['sli.datasource', 'model.datasource'],
    ['sli.eventKind', 'model.options.queries.eventKind'],
    ['sli.valueKind', 'model.options.queries.valueKind'],
    ['sli.source.eventQuery', `model.targets[${eventIndex}]`],
    ['sli.source.totalQuery', `model.targets[${totalIndex}]`],
    ['sli.source', 'model.nines.spec.source'],
  ];
}

/** A target's query model, without what the panel adds to every target. */
function queryOf(target: UnknownRecord): UnknownRecord {
  const { refId, datasource, ...query } = target;
  return query;
}

/**
 * Reads a library element (as `GET /api/library-elements/:uid` gives it, with or without its
 * `result` wrapper) back into an SLO. Errors name the element's fields (`model.options.objective.target`).
 * A query builder is kept only while the targets are still its queries; targets edited in a
 * dashboard become raw queries.
 */
export function libraryPanelToSlo(element: unknown): SloResult {
  const problems = new Problems();
  const outer = readRecord(element, '', problems);
  const libraryElement = isRecord(outer.result) && !('model' in outer) ? outer.result : outer;
  if (libraryElement.kind !== undefined && libraryElement.kind !== LIBRARY_PANEL_KIND) {
    problems.add('kind', `must be ${LIBRARY_PANEL_KIND} (a library panel), got ${describeValue(libraryElement.kind)}`);
  }
  const model = readRecord(libraryElement.model, 'model', problems);
  if (isRecord(libraryElement.model) && model.type !== SLO_PANEL_TYPE) {
    problems.add('model.type', `must be ${SLO_PANEL_TYPE}, got ${describeValue(model.type)}`);
  }
  const nines = readRecord(model.nines, 'model.nines', problems, true);
  const version = readNumber(nines.schemaVersion, 'model.nines.schemaVersion', problems, NINES_MODEL_VERSION);
  if (version > NINES_MODEL_VERSION) {
    problems.add('model.nines.schemaVersion', `is ${version}: the SLO was saved by a newer version of Nines`);
  }
  const details = readRecord(nines.spec, 'model.nines.spec', problems, true);
  const options = readRecord(model.options, 'model.options', problems);
  const queries = readRecord(options.queries, 'model.options.queries', problems, true);
  const datasource = readRecord(model.datasource, 'model.datasource', problems);

  const targets = readArray(model.targets, 'model.targets', problems).map((target, index) => {
    const path = pathOf('model.targets', index);
    const query = readRecord(target, path, problems);
    const refId = readString(query.refId, pathOf(path, 'refId'), problems);
    if (isRecord(query.datasource) && query.datasource.uid !== datasource.uid) {
      problems.add(
        pathOf(pathOf(path, 'datasource'), 'uid'),
        `must be the panel's datasource ${describeValue(datasource.uid)}, got ${describeValue(query.datasource.uid)}`
      );
    }
    return { refId, query };
  });
  const refIds = targets.map((target) => target.refId);
  const mapping = {
    eventKind: queries.eventKind === 'bad' ? ('bad' as const) : ('good' as const),
    eventRefId: typeof queries.eventRefId === 'string' ? queries.eventRefId : '',
    totalRefId: typeof queries.totalRefId === 'string' ? queries.totalRefId : '',
    valueKind: queries.valueKind === 'increment' ? ('increment' as const) : ('counter' as const),
  };
  const event = resolveEventQuery(mapping, refIds);
  const totalRefId = resolveTotalQuery(mapping, refIds);
  if (!event) {
    problems.add('model.targets', 'has no event query: a target with refId good or bad, or the one the options name');
  }
  if (totalRefId === undefined) {
    problems.add('model.targets', 'has no total query: a target with refId total, or the one the options name');
  }
  if (!event || totalRefId === undefined) {
    return { ok: false, errors: problems.list };
  }
  const eventIndex = refIds.indexOf(event.refId);
  const totalIndex = refIds.indexOf(totalRefId);
  const eventTarget = targets[eventIndex].query;
  const totalTarget = targets[totalIndex].query;
  const raw = { kind: 'raw', eventQuery: queryOf(eventTarget), totalQuery: queryOf(totalTarget) };
  const builder = isRecord(details.source) && details.source.kind !== 'raw' ? details.source : null;

  const candidate = (source: unknown) => ({
    uid: libraryElement.uid,
    name: libraryElement.name,
    folderUid: libraryElement.folderUid ?? '',
    description: model.description,
    service: details.service,
    team: details.team,
    labels: details.labels,
    runbookUrl: details.runbookUrl,
    sli: { datasource: model.datasource, eventKind: event.eventKind, valueKind: queries.valueKind, source },
    objective: isRecord(options.objective) ? { ...options.objective, timeZone: details.timeZone } : options.objective,
    alerting: options.alerting,
  });
  let result = validateSlo(candidate(builder ?? raw));
  if (result.ok && result.slo.sli.source.kind !== 'raw') {
    const expected = sliQueries(result.slo.sli.source, result.slo.sli.eventKind);
    if (eventTarget.expr !== expected.event || totalTarget.expr !== expected.total) {
      result = validateSlo(candidate(raw));
    }
  }
  const errors = [
    ...problems.list,
    ...(result.ok ? [] : relocateErrors(result.errors, pathRules(eventIndex, totalIndex))),
  ];
  return errors.length === 0 && result.ok ? result : { ok: false, errors };
}
