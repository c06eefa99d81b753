/** Prometheus' classic name rules; names are validated, never escaped, before they enter PromQL. */

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const METRIC_NAME_RULE = '[a-zA-Z_:][a-zA-Z0-9_:]*';
export const LABEL_NAME_RULE = '[a-zA-Z_][a-zA-Z0-9_]*';

export function isMetricName(name: string): boolean {
  return METRIC_NAME.test(name);
}

export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}
