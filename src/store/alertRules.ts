/**
 * An SLO's alert rules in Grafana, through the ruler API: Grafana-managed rules in a folder
 * (`/api/ruler/grafana/api/v1/rules/{folderUid}`, which Editors may write), and Prometheus rule
 * groups pushed to a datasource's own ruler (Mimir, Cortex, Prometheus with a ruler). A POST
 * replaces a whole group, so the SLO's rules live in a group of their own.
 */
import { groupName } from '../prometheus/rulesNaming';
import { type GrafanaRuleGroup, ruleDigest, ruleKey } from '../prometheus/grafanaRules';
import type { RuleGroup } from '../prometheus/rules';
import { commonFailure, fail, type StoreError, type StoreResult, succeed, unexpectedAnswer } from './errors';
import { type HttpFailure, send, type StoreRequest } from './http';

const GRAFANA_RULER = '/api/ruler/grafana/api/v1/rules';

export interface StoredAlertRule {
  uid: string;
  title: string;
  /** Which generated rule it stands for (see ruleKey). */
  key: string;
  /** The digest of the group Nines generated it in; undefined if someone else wrote it. */
  digest?: string;
}

/** The SLO's Grafana-managed rule group as Grafana holds it. */
export interface StoredAlertRules {
  folderUid: string;
  /** As Grafana keys its answer (a nested folder's path); '' when read back from the folder itself. */
  folderTitle: string;
  group: string;
  rules: StoredAlertRule[];
}

export interface SavedAlertRules extends StoredAlertRules {
  created: number;
  updated: number;
  deleted: number;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stringsOf(value: unknown): Record<string, string> {
  return isRecord(value)
    ? Object.fromEntries(
        Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      )
    : {};
}

/** A GettableExtendedRuleNode's part Nines reads, or undefined if it is not a Grafana-managed rule. */
function storedRule(node: unknown): (StoredAlertRule & { folderUid: string }) | undefined {
  const alert = isRecord(node) && isRecord(node.grafana_alert) ? node.grafana_alert : undefined;
  if (!isRecord(node) || !alert || typeof alert.uid !== 'string' || typeof alert.title !== 'string') {
    return undefined;
  }
  const labels = stringsOf(node.labels);
  const annotations = stringsOf(node.annotations);
  const folderUid = typeof alert.namespace_uid === 'string' ? alert.namespace_uid : '';
  return {
    uid: alert.uid,
    title: alert.title,
    key: ruleKey({ labels }),
    digest: ruleDigest({ annotations }),
    folderUid,
  };
}

/** The group named `name` among a NamespaceConfigResponse's groups (folder title → groups). */
function findGroup(data: unknown, name: string): StoredAlertRules | null | undefined {
  if (!isRecord(data)) {
    return undefined;
  }
  for (const [folderTitle, groups] of Object.entries(data)) {
    for (const group of Array.isArray(groups) ? groups : []) {
      if (isRecord(group) && group.name === name && Array.isArray(group.rules)) {
        const rules = group.rules.map(storedRule).filter((rule) => rule !== undefined);
        const folderUid = rules[0]?.folderUid ?? '';
        return { folderUid, folderTitle, group: name, rules: rules.map(({ folderUid: _, ...rule }) => rule) };
      }
    }
  }
  return null;
}

/** The SLO's Grafana-managed rules, or null when it has none. */
export async function findSloAlertRules(sloUid: string): Promise<StoreResult<StoredAlertRules | null>> {
  const request: StoreRequest = { method: 'GET', url: GRAFANA_RULER };
  const doing = 'load the alert rules';
  const answer = await send(request);
  if (!answer.ok) {
    return fail(commonFailure(answer, request, doing));
  }
  const found = findGroup(answer.data, groupName(sloUid, 'alerts'));
  return found === undefined ? fail(unexpectedAnswer(request, doing, 'a list of rule groups')) : succeed(found);
}

/** What a ruler's 404 means: no such folder, a stored rule gone meanwhile, or a datasource without a ruler. */
function missing(answer: HttpFailure, recipient: 'grafana' | 'datasource'): string {
  if (recipient === 'datasource') {
    return 'the datasource has no ruler Grafana can write to';
  }
  // Grafana: "failed to update rule with UID x because could not find alert rule".
  return /rule with UID/i.test(answer.message) ? 'Grafana could not find a stored rule' : 'Grafana has no such folder';
}

function rulerFailure(
  answer: HttpFailure,
  request: StoreRequest,
  doing: string,
  recipient: 'grafana' | 'datasource'
): StoreError {
  if (answer.status === 400) {
    return {
      kind: 'invalid',
      errors: [],
      status: 400,
      serverMessage: answer.message,
      message: `Could not ${doing}: Grafana refused the rules: "${answer.message}".`,
    };
  }
  if (answer.status === 404) {
    return {
      kind: 'notFound',
      uid: '',
      status: 404,
      serverMessage: answer.message,
      message: `Could not ${doing}: ${missing(answer, recipient)} ("${answer.message}").`,
    };
  }
  return commonFailure(answer, request, doing);
}

/**
 * Writes the SLO's rule group into a folder. Rules that replace stored ones (same severity and
 * windows, same folder) keep their uids, so their state, silences and history carry on; stored
 * rules without a counterpart are deleted with the group's old version.
 */
export async function saveSloAlertRules(
  group: GrafanaRuleGroup,
  folderUid: string,
  stored: StoredAlertRules | null
): Promise<StoreResult<SavedAlertRules>> {
  const doing = 'save the alert rules';
  const uids = new Map(stored?.folderUid === folderUid ? stored.rules.map((rule) => [rule.key, rule.uid]) : []);
  const body: GrafanaRuleGroup = {
    ...group,
    rules: group.rules.map((rule) => {
      const uid = uids.get(ruleKey(rule));
      return uid ? { ...rule, grafana_alert: { ...rule.grafana_alert, uid } } : rule;
    }),
  };
  const url = `${GRAFANA_RULER}/${encodeURIComponent(folderUid)}`;
  const request: StoreRequest = { method: 'POST', url, data: body };
  const answer = await send(request);
  if (!answer.ok) {
    return fail(rulerFailure(answer, request, doing, 'grafana'));
  }
  const counts = isRecord(answer.data) ? answer.data : {};
  const count = (key: string) => (Array.isArray(counts[key]) ? counts[key].length : 0);
  // Read the group back: the answer has the new uids but not which rule each belongs to.
  const readRequest: StoreRequest = { method: 'GET', url: `${url}/${encodeURIComponent(group.name)}` };
  const read = await send(readRequest);
  if (!read.ok && read.status === 404 && body.rules.length === 0) {
    // Posting no rules deletes the group: there is nothing to read back.
    return succeed({
      ...{ folderUid, folderTitle: '', group: group.name, rules: [] },
      ...{ created: 0, updated: 0, deleted: count('deleted') },
    });
  }
  if (!read.ok) {
    return fail(commonFailure(read, readRequest, 'load the saved alert rules'));
  }
  const saved = findGroup({ '': [read.data] }, group.name);
  if (!saved) {
    return fail(unexpectedAnswer(readRequest, 'load the saved alert rules', 'a rule group'));
  }
  return succeed({
    ...saved,
    folderUid,
    created: count('created'),
    updated: count('updated'),
    deleted: count('deleted'),
  });
}

/** Whether the datasource has a ruler Grafana can write to: its rules list answers. */
/**
 * Whether a datasource can hold rules written through Grafana: Grafana's Prometheus datasource
 * says which server it talks to (`prometheusType`), and of those only Mimir and Cortex accept
 * rules through their API; `manageAlerts: false` turns rule management off. Anything else is not
 * asked at all, so a plain Prometheus costs no failing request.
 */
export function mayHaveRuler(jsonData: unknown): boolean {
  if (typeof jsonData !== 'object' || jsonData === null) {
    return false;
  }
  const { prometheusType, manageAlerts } = jsonData as { prometheusType?: unknown; manageAlerts?: unknown };
  const server = typeof prometheusType === 'string' ? prometheusType.toLowerCase() : '';
  return (server === 'mimir' || server === 'cortex') && manageAlerts !== false;
}

export async function hasDatasourceRuler(datasourceUid: string): Promise<StoreResult<boolean>> {
  const request: StoreRequest = { method: 'GET', url: `/api/ruler/${encodeURIComponent(datasourceUid)}/api/v1/rules` };
  const answer = await send(request);
  if (answer.ok) {
    return succeed(true);
  }
  const error = commonFailure(answer, request, "check the datasource's ruler");
  // A datasource without a ruler answers 4xx or 5xx through Grafana: that is the answer, not a failure.
  return error.kind === 'network' ? fail(error) : succeed(false);
}

/** Pushes Prometheus rule groups to the datasource's ruler, into `namespace`, one group at a time. */
export async function pushDatasourceRules(
  datasourceUid: string,
  namespace: string,
  groups: RuleGroup[]
): Promise<StoreResult<{ groups: number }>> {
  const url = `/api/ruler/${encodeURIComponent(datasourceUid)}/api/v1/rules/${encodeURIComponent(namespace)}`;
  for (const group of groups) {
    const request: StoreRequest = { method: 'POST', url, data: group };
    const answer = await send(request);
    if (!answer.ok) {
      return fail(rulerFailure(answer, request, `push the rule group ${group.name}`, 'datasource'));
    }
  }
  return succeed({ groups: groups.length });
}

/** Grafana's page of one alert rule. */
export function alertRuleUrl(uid: string): string {
  return `/alerting/grafana/${encodeURIComponent(uid)}/view`;
}

/** Grafana's page of a rule group. */
export function alertGroupUrl(folderUid: string, group: string): string {
  return `/alerting/grafana/namespaces/${encodeURIComponent(folderUid)}/groups/${encodeURIComponent(group)}/view`;
}

/** How the stored rules stand against the generated group. */
export interface AlertRulesStatus {
  /** none: no rules yet; current: written from this very SLO; outdated: written from another version, or edited. */
  state: 'none' | 'current' | 'outdated';
  /** Generated rules that replace a stored one, by ruleKey. */
  replaced: Set<string>;
  /** Stored rules that no generated rule replaces: saving deletes them. */
  removed: StoredAlertRule[];
}

export function alertRulesStatus(group: GrafanaRuleGroup, stored: StoredAlertRules | null): AlertRulesStatus {
  if (!stored || stored.rules.length === 0) {
    return { state: 'none', replaced: new Set(), removed: [] };
  }
  const keys = new Set(group.rules.map((rule) => ruleKey(rule)));
  const replaced = new Set(stored.rules.map((rule) => rule.key).filter((key) => keys.has(key)));
  const removed = stored.rules.filter((rule) => !keys.has(rule.key));
  const digest = group.rules[0] ? ruleDigest(group.rules[0]) : undefined;
  const current = stored.rules.length === group.rules.length && stored.rules.every((rule) => rule.digest === digest);
  return { state: current ? 'current' : 'outdated', replaced, removed };
}
