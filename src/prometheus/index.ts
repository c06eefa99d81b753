/** PromQL for SLIs: selectors with escaped values, and the SLI's raw counter queries. */
export { escapeLabelValue, selector, sliQueries, type SliQueries } from './promql';
export { parseSelector, type ParsedSelector } from './parseSelector';
export { isLabelName, isMetricName, LABEL_NAME_RULE, METRIC_NAME_RULE } from './names';
export { removeMatchers, sameMatcher } from './matchers';
