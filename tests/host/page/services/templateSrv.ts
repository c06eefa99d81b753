import {
  LoadingState,
  VariableHide,
  type CustomVariableModel,
  type ScopedVars,
  type TimeRange,
  type TypedVariableModel,
} from '@grafana/data';
import type { TemplateSrv, VariableInterpolation } from '@grafana/runtime';

/** A format function as Grafana passes it to `replace` (e.g. a datasource's regex escaping). */
export type FormatFunction = (value: string | string[], variable: CustomVariableModel) => string;

// $name, [[name:format]], ${name.field:format}: the three syntaxes Grafana accepts.
const VARIABLE_PATTERN = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;
const ALL_VALUE = '$__all';

function escapeRegex(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}\/]/g, '\\$&');
}

function formatValue(value: string | string[], format: string | undefined, name: string): string {
  const values = Array.isArray(value) ? value : [value];
  switch (format) {
    case 'raw':
    case 'text':
      return values.join(format === 'text' ? ' + ' : ',');
    case 'csv':
      return values.join(',');
    case 'pipe':
      return values.join('|');
    case 'json':
      return JSON.stringify(Array.isArray(value) ? value : value);
    case 'regex':
      return values.length === 1 ? escapeRegex(values[0]) : `(${values.map(escapeRegex).join('|')})`;
    case 'percentencode':
      return encodeURIComponent(values.join(','));
    case 'queryparam':
      return values.map((v) => `var-${encodeURIComponent(name)}=${encodeURIComponent(v)}`).join('&');
    case 'singlequote':
      return values.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(',');
    case 'doublequote':
      return values.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(',');
    case 'glob':
    default:
      return values.length > 1 ? `{${values.join(',')}}` : (values[0] ?? '');
  }
}

/** A dashboard variable as the host keeps it: saved JSON reduced to what interpolation needs. */
export interface HostVariable {
  name: string;
  label?: string;
  current: string | string[];
  options: string[];
  multi: boolean;
  includeAll: boolean;
  allValue?: string;
}

function toVariableModel(variable: HostVariable, index: number): CustomVariableModel {
  const text = variable.current;
  return {
    type: 'custom',
    id: variable.name,
    name: variable.name,
    label: variable.label,
    rootStateKey: null,
    global: false,
    hide: VariableHide.dontHide,
    skipUrlSync: false,
    index,
    state: LoadingState.Done,
    error: null,
    description: null,
    query: variable.options.join(','),
    current: { selected: true, text, value: variable.current },
    options: variable.options.map((option) => ({ selected: option === variable.current, text: option, value: option })),
    multi: variable.multi,
    includeAll: variable.includeAll,
    allValue: variable.allValue ?? null,
  };
}

/**
 * Grafana's TemplateSrv for the host: dashboard variables keep the value saved in the dashboard
 * (or `var-<name>` from the URL); the host runs no variable queries. Built-ins ($__interval,
 * $__from, $__range...) come from the scoped vars and the time range; unknown ones are left as
 * written, so a datasource backend can still interpolate them, as in Grafana.
 */
export class HostTemplateSrv implements TemplateSrv {
  private variables: HostVariable[] = [];
  private timeRange: TimeRange | undefined;

  setVariables(variables: HostVariable[]): void {
    this.variables = variables;
  }

  getVariables(): TypedVariableModel[] {
    return this.variables.map(toVariableModel);
  }

  updateTimeRange(timeRange: TimeRange): void {
    this.timeRange = timeRange;
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    VARIABLE_PATTERN.lastIndex = 0;
    for (const match of target.matchAll(VARIABLE_PATTERN)) {
      const name = match[1] ?? match[2] ?? match[4];
      if (name && this.lookup(name, undefined) !== undefined) {
        return true;
      }
    }
    return false;
  }

  replace(
    target?: string,
    scopedVars?: ScopedVars,
    format?: string | FormatFunction,
    interpolations?: VariableInterpolation[]
  ): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(
      VARIABLE_PATTERN,
      (
        match: string,
        plain: string | undefined,
        bracket: string | undefined,
        bracketFormat: string | undefined,
        braced: string | undefined,
        fieldPath: string | undefined,
        bracedFormat: string | undefined
      ) => {
        const name = plain ?? bracket ?? braced ?? '';
        const explicitFormat = bracketFormat ?? bracedFormat;
        const found = this.lookup(name, scopedVars, fieldPath);
        if (found === undefined) {
          interpolations?.push({
            match,
            variableName: name,
            fieldPath,
            format: explicitFormat,
            value: match,
            found: false,
          });
          return match;
        }
        let value: string;
        if (explicitFormat !== undefined || typeof format !== 'function' || !found.variable) {
          value = formatValue(found.value, explicitFormat ?? (typeof format === 'string' ? format : undefined), name);
        } else {
          value = format(found.value, toVariableModel(found.variable, 0));
        }
        interpolations?.push({ match, variableName: name, fieldPath, format: explicitFormat, value, found: true });
        return value;
      }
    );
  }

  private lookup(
    name: string,
    scopedVars: ScopedVars | undefined,
    fieldPath?: string
  ): { value: string | string[]; variable?: HostVariable } | undefined {
    const scoped = scopedVars?.[name];
    if (scoped) {
      const raw: unknown = fieldPath ? readPath(scoped.value, fieldPath) : scoped.value;
      return { value: Array.isArray(raw) ? raw.map(String) : String(raw) };
    }
    const builtIn = this.builtIn(name);
    if (builtIn !== undefined) {
      return { value: builtIn };
    }
    const variable = this.variables.find((v) => v.name === name);
    if (!variable) {
      return undefined;
    }
    const current = variable.current;
    const isAll = current === ALL_VALUE || (Array.isArray(current) && current.includes(ALL_VALUE));
    if (isAll) {
      return { value: variable.allValue ?? variable.options.filter((o) => o !== ALL_VALUE), variable };
    }
    return { value: current, variable };
  }

  private builtIn(name: string): string | undefined {
    const range = this.timeRange;
    if (!range) {
      return undefined;
    }
    const fromMs = range.from.valueOf();
    const toMs = range.to.valueOf();
    switch (name) {
      case '__from':
        return String(fromMs);
      case '__to':
        return String(toMs);
      case '__range_ms':
        return String(toMs - fromMs);
      case '__range_s':
        return String(Math.round((toMs - fromMs) / 1000));
      case '__range':
        return `${Math.round((toMs - fromMs) / 1000)}s`;
      default:
        return undefined;
    }
  }
}

function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = Reflect.get(current, key);
  }
  return current;
}

export const hostTemplateSrv = new HostTemplateSrv();
