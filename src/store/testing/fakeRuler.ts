/**
 * The ruler API in memory, with Grafana's rules and messages as the test host has them
 * (tests/host/server/ruler.ts): for the recipient `grafana`, a POST replaces one rule group of a
 * folder, rules keep their uid and gain a version when they change, and the folder's permissions
 * decide who may write. Any other recipient is a datasource uid: those with a ruler (Mimir,
 * Cortex) keep the Prometheus rule groups posted to them; the others answer 404.
 */
import { parseDuration } from '../../engine/duration';
import { accessDenied, type FakeAnswer, type FakeGrafana, type FakeRoute, failWith } from './fakeGrafana';

type Json = Record<string, unknown>;

export interface FakeStoredRule {
  uid: string;
  /** The rule as posted with its group's interval, to tell a changed rule from an unchanged one. */
  posted: string;
  /** The rule as GET answers it (GettableExtendedRuleNode). */
  gettable: Json;
}

export interface FakeRuleGroup {
  name: string;
  interval: string;
  rules: FakeStoredRule[];
}

export interface RulerState {
  /** Grafana-managed rule groups: folder uid → group name → group. */
  groups: Map<string, Map<string, FakeRuleGroup>>;
  /** Datasources whose ruler answers through Grafana; any other datasource uid gets 404. */
  datasources: Set<string>;
  /** Prometheus rule groups pushed to datasource rulers: datasource uid → namespace → groups, as posted. */
  datasourceGroups: Map<string, Map<string, Json[]>>;
}

export function newRulerState(): RulerState {
  return { groups: new Map(), datasources: new Set(), datasourceGroups: new Map() };
}

const BASE_INTERVAL_MS = 10_000;
const DEFAULT_INTERVAL = '1m';
/** The description lists only 202 for the ruler's operations; real Grafana answers GET with 200. */
const ACCEPTED = 202;

const accepted = (body: unknown): FakeAnswer => ({ status: ACCEPTED, body });
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringAt = (object: Json, key: string) => (typeof object[key] === 'string' ? String(object[key]) : undefined);
const recordAt = (object: Json, key: string) => (isRecord(object[key]) ? object[key] : undefined);
const arrayAt = (object: Json, key: string) => (Array.isArray(object[key]) ? object[key] : []);
const copy = (value: Json): Json => JSON.parse(JSON.stringify(value));

const groupConfig = (group: FakeRuleGroup): Json => ({
  name: group.name,
  interval: group.interval,
  rules: group.rules.map((rule) => copy(rule.gettable)),
});

/** The group's interval in ms, or Grafana's 400 when it is not a positive multiple of the base interval. */
function intervalOf(interval: string): number | FakeAnswer {
  const ms = parseDuration(interval) ?? 0;
  return ms > 0 && ms % BASE_INTERVAL_MS === 0
    ? ms
    : failWith(
        400,
        `rule evaluation interval "${interval}" should be positive number that is multiple of the base interval of 10 seconds`
      );
}

export function rulerRoutes(grafana: FakeGrafana): FakeRoute[] {
  const state = () => grafana.ruler;
  let nextUid = 1;

  /** Grafana's NamespaceConfigResponse: groups by folder title. */
  function namespaceConfig(folderUids: string[]): Json {
    const result: Json = {};
    for (const uid of folderUids) {
      const folder = grafana.folders.get(uid);
      const groups = [...(state().groups.get(uid)?.values() ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
      if (folder && groups.length > 0) {
        result[folder.title] = groups.map(groupConfig);
      }
    }
    return result;
  }

  /** Where a rule with this uid is stored, in any folder and group. */
  function findRule(uid: string): { folderUid: string; group: FakeRuleGroup; rule: FakeStoredRule } | undefined {
    for (const [folderUid, groups] of state().groups) {
      for (const group of groups.values()) {
        const rule = group.rules.find((candidate) => candidate.uid === uid);
        if (rule) {
          return { folderUid, group, rule };
        }
      }
    }
    return undefined;
  }

  /** Replaces the folder's group `command.name` (ValidateRuleGroup, CalculateChanges, then the update). */
  function replaceGroup(folderUid: string, command: Json, now: number): FakeAnswer {
    const name = stringAt(command, 'name') ?? '';
    if (name.trim() === '') {
      return failWith(400, 'rule group name cannot be empty');
    }
    const interval = stringAt(command, 'interval') || DEFAULT_INTERVAL;
    const intervalMs = intervalOf(interval);
    if (typeof intervalMs !== 'number') {
      return intervalMs;
    }
    const folderGroups = state().groups.get(folderUid) ?? new Map<string, FakeRuleGroup>();
    const before = new Map((folderGroups.get(name)?.rules ?? []).map((rule) => [rule.uid, rule]));
    const rules: FakeStoredRule[] = [];
    const created: string[] = [];
    const updated: string[] = [];
    // Rules posted with the uid of a rule in another group move here (Grafana takes them out of it).
    const moved: string[] = [];
    for (const node of arrayAt(command, 'rules').filter(isRecord)) {
      const alert = recordAt(node, 'grafana_alert');
      if (!alert) {
        return failWith(400, 'invalid alert rule: not Grafana managed alert rule');
      }
      const title = stringAt(alert, 'title') ?? '';
      if (title === '' || !stringAt(alert, 'condition') || arrayAt(alert, 'data').length === 0) {
        return failWith(400, `invalid alert rule '${title}': title, condition and data are required`);
      }
      const postedUid = stringAt(alert, 'uid');
      const elsewhere = postedUid && !before.has(postedUid) ? findRule(postedUid) : undefined;
      if (postedUid && !before.has(postedUid) && !elsewhere) {
        return failWith(
          404,
          `failed to update rule group: failed to update rule with UID ${postedUid} because could not find alert rule`
        );
      }
      const uid = postedUid || `rule${nextUid++}`;
      const existing = before.get(uid) ?? elsewhere?.rule;
      const posted = JSON.stringify({ intervalMs, rule: { ...node, grafana_alert: { ...alert, uid } } });
      const existingAlert = recordAt(existing?.gettable ?? {}, 'grafana_alert') ?? {};
      const changed = existing?.posted !== posted || elsewhere !== undefined;
      if (!existing) {
        created.push(uid);
      } else if (changed) {
        updated.push(uid);
      }
      if (elsewhere) {
        moved.push(uid);
      }
      const gettable: Json = {
        expr: '',
        for: stringAt(node, 'for') ?? '0s',
        keep_firing_for: stringAt(node, 'keep_firing_for') ?? '0s',
        annotations: recordAt(node, 'annotations') ?? {},
        labels: recordAt(node, 'labels') ?? {},
        grafana_alert: {
          title,
          condition: stringAt(alert, 'condition'),
          data: arrayAt(copy(alert), 'data').filter(isRecord),
          updated: changed ? new Date(now).toISOString() : existingAlert.updated,
          intervalSeconds: intervalMs / 1000,
          version: existing ? Number(existingAlert.version) + (changed ? 1 : 0) : 1,
          uid,
          namespace_uid: folderUid,
          rule_group: name,
          no_data_state: stringAt(alert, 'no_data_state') ?? 'NoData',
          exec_err_state: stringAt(alert, 'exec_err_state') ?? 'Error',
          is_paused: alert.is_paused === true,
          provenance: '',
        },
      };
      rules.push({ uid, posted, gettable: copy(gettable) });
    }
    for (const uid of moved) {
      const from = findRule(uid);
      if (from) {
        from.group.rules = from.group.rules.filter((rule) => rule.uid !== uid);
        if (from.group.rules.length === 0) {
          state().groups.get(from.folderUid)?.delete(from.group.name);
        }
      }
    }
    const kept = new Set(rules.map((rule) => rule.uid));
    const deleted = [...before.keys()].filter((uid) => !kept.has(uid));
    if (rules.length === 0) {
      folderGroups.delete(name);
    } else {
      folderGroups.set(name, { name, interval, rules });
    }
    state().groups.set(folderUid, folderGroups);
    const changed = created.length + updated.length + deleted.length > 0;
    const message = changed ? 'rule group updated successfully' : 'no changes detected in the rule group';
    return accepted({ message, created, updated, deleted });
  }

  /** A datasource without a ruler: Grafana passes on the 404 of the datasource's missing ruler API. */
  const noRuler = (uid: string): FakeAnswer | undefined =>
    state().datasources.has(uid) ? undefined : failWith(404, '404 page not found');

  /** A Prometheus rule group as a datasource ruler keeps it; Grafana passes the ruler's 400 on. */
  function pushGroup(datasourceUid: string, namespace: string, command: Json): FakeAnswer {
    const name = stringAt(command, 'name') ?? '';
    if (name.trim() === '') {
      return failWith(400, 'invalid rules configuration: rule group name must not be empty');
    }
    for (const rule of arrayAt(command, 'rules')) {
      const named = isRecord(rule) ? (stringAt(rule, 'record') ?? stringAt(rule, 'alert')) : undefined;
      if (!isRecord(rule) || !named || !stringAt(rule, 'expr')) {
        return failWith(400, `invalid rules configuration: group "${name}": a rule needs record or alert, and expr`);
      }
    }
    const namespaces = state().datasourceGroups.get(datasourceUid) ?? new Map<string, Json[]>();
    const groups = (namespaces.get(namespace) ?? []).filter((group) => group.name !== name);
    namespaces.set(namespace, [...groups, copy(command)]);
    state().datasourceGroups.set(datasourceUid, namespaces);
    return accepted({ message: 'the rule group has been saved' });
  }

  function datasourceRules(datasourceUid: string): FakeAnswer {
    const namespaces = state().datasourceGroups.get(datasourceUid) ?? new Map<string, Json[]>();
    return accepted(Object.fromEntries([...namespaces].map(([namespace, groups]) => [namespace, groups.map(copy)])));
  }

  /** The folder checks of Grafana-managed routes with a namespace. */
  const missingFolder = (folderUid: string): FakeAnswer | undefined =>
    grafana.folders.has(folderUid) ? undefined : failWith(404, 'folder not found');

  return [
    {
      method: 'GET',
      specPath: '/ruler/{Recipient}/api/v1/rules',
      handle: ({ params }) =>
        params.Recipient === 'grafana'
          ? accepted(namespaceConfig([...state().groups.keys()]))
          : (noRuler(params.Recipient) ?? datasourceRules(params.Recipient)),
    },
    {
      method: 'GET',
      specPath: '/ruler/{Recipient}/api/v1/rules/{Namespace}/{Groupname}',
      handle: ({ params }) => {
        if (params.Recipient !== 'grafana') {
          return failWith(404, 'fake Grafana: only Grafana-managed groups are read one by one');
        }
        const group = state().groups.get(params.Namespace)?.get(params.Groupname);
        return (
          missingFolder(params.Namespace) ??
          (group ? accepted(groupConfig(group)) : failWith(404, 'rule group does not exist'))
        );
      },
    },
    {
      method: 'POST',
      specPath: '/ruler/{Recipient}/api/v1/rules/{Namespace}',
      handle: ({ params, body, user, now }) => {
        const command = isRecord(body) ? body : {};
        if (params.Recipient !== 'grafana') {
          if (user.role === 'Viewer') {
            return accessDenied('alert.rules.external:write');
          }
          return noRuler(params.Recipient) ?? pushGroup(params.Recipient, params.Namespace, command);
        }
        if (user.role === 'Viewer') {
          return accessDenied('alert.rules:create');
        }
        const problem = missingFolder(params.Namespace);
        if (problem) {
          return problem;
        }
        if (!grafana.canEdit(params.Namespace)) {
          return failWith(403, 'user does not have permissions to edit the namespace');
        }
        return replaceGroup(params.Namespace, command, now);
      },
    },
  ];
}
