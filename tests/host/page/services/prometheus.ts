import type {
  CustomVariableModel,
  DataQuery,
  DataSourceInstanceSettings,
  DataSourceJsonData,
  ScopedVars,
} from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';

/** The fields of Grafana's Prometheus query that the host interpolates; the rest pass through. */
export interface PromQuery extends DataQuery {
  expr?: string;
  legendFormat?: string;
  interval?: string;
  instant?: boolean;
  range?: boolean;
}

export interface PromJsonData extends DataSourceJsonData {
  timeInterval?: string;
}

function escapeRegex(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}]/g, '\\$&');
}

// Grafana's Prometheus datasource: single values go in as written, multi-value and "All"
// selections become an escaped regex alternation, for use with =~.
function interpolateQueryExpr(value: string | string[], variable: CustomVariableModel): string {
  if (!variable.multi && !variable.includeAll) {
    return Array.isArray(value) ? value.join(',') : value;
  }
  const values = (Array.isArray(value) ? value : [value]).map(escapeRegex);
  return values.length === 1 ? values[0] : `(${values.join('|')})`;
}

/**
 * The host's frontend for Grafana's Prometheus datasource. Like Grafana's, it is a backend
 * datasource: runtime's DataSourceWithBackend POSTs the queries to /api/ds/query and reads the
 * frames with toDataQueryResponse (dataFrameFromJSON); this class only applies template
 * variables and the scrape interval, as Grafana's frontend does before sending.
 */
export class HostPrometheusDatasource extends DataSourceWithBackend<PromQuery, PromJsonData> {
  constructor(settings: DataSourceInstanceSettings<PromJsonData>) {
    super(settings);
    this.interval = settings.jsonData.timeInterval || '15s';
  }

  filterQuery(query: PromQuery): boolean {
    return !query.hide && Boolean(query.expr);
  }

  applyTemplateVariables(query: PromQuery, scopedVars: ScopedVars): PromQuery {
    const templateSrv = getTemplateSrv();
    const replace = (text: string | undefined) =>
      text === undefined ? undefined : templateSrv.replace(text, scopedVars, interpolateQueryExpr);
    return {
      ...query,
      expr: replace(query.expr),
      legendFormat: replace(query.legendFormat),
      interval: replace(query.interval),
    };
  }
}
