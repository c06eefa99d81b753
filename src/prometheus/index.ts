/** PromQL for SLIs: selectors with escaped values, and the SLI's raw counter queries. */
export { escapeLabelValue, selector, sliQueries, type SliQueries } from './promql';
export { parseSelector, type ParsedSelector } from './parseSelector';
export { isLabelName, isMetricName, LABEL_NAME_RULE, METRIC_NAME_RULE } from './names';
export { removeMatchers, sameMatcher } from './matchers';
export {
  sliIncreases,
  sloRecordingRules,
  type AlertingRule,
  type RecordingRule,
  type Rule,
  type RuleGroup,
  type RulesResult,
} from './rules';
export { ALERTS, LABEL, RECORDED } from './rulesNaming';
export {
  promDuration,
  promNumber,
  recordedWindows,
  tierThresholds,
  type RecordedWindow,
  type TierThreshold,
} from './rulesWindows';
export { ABSENT_FOR, distinctTiers, sloAlertRules, sloLink, DEFAULT_FOR, type AlertRuleOptions } from './alerts';
export {
  ruleFileYaml,
  ruleGroupsYaml,
  sloRuleGroups,
  type RuleFile,
  type RuleFileOptions,
  type RuleFiles,
} from './ruleFile';
export {
  DIGEST_ANNOTATION,
  ruleDigest,
  ruleKey,
  sloGrafanaRules,
  type AlertQuery,
  type GrafanaRule,
  type GrafanaRuleGroup,
  type GrafanaRuleOptions,
  type GrafanaRulesResult,
} from './grafanaRules';
