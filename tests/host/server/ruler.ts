/**
 * Grafana-managed alert rules through the ruler API, minimal but real: a POST replaces one rule
 * group of a folder, rules keep their uid and gain a version when they change, and the folder's
 * permissions decide who may write (pkg/services/ngalert/api/api_ruler.go).
 */
import crypto from 'crypto';

import type { FolderStore } from './folders';
import { type ApiRoute, type ApiResponse, fail, ok } from './routes';
import { type JsonObject, arrayAt, cloneJson, isRecord, recordAt, stringAt } from './json';
import { parseDuration } from './promInterval';
import { accessDenied } from './users';

interface StoredRule {
  uid: string;
  /** The rule as posted with its group's interval, to tell a changed rule from an unchanged one. */
  posted: string;
  /** The rule as GET answers it (GettableExtendedRuleNode). */
  gettable: JsonObject;
}

interface RuleGroup {
  name: string;
  interval: string;
  rules: StoredRule[];
}

interface GroupChanges {
  rules: StoredRule[];
  created: string[];
  updated: string[];
  deleted: string[];
}

const BASE_INTERVAL_MS = 10_000;
const DEFAULT_INTERVAL = '1m';

/** The description lists only 202 for the ruler's operations; real Grafana answers GET /rules with 200. */
const ACCEPTED = 202;

function groupConfig(group: RuleGroup): JsonObject {
  return { name: group.name, interval: group.interval, rules: group.rules.map((rule) => rule.gettable) };
}

/** Validates posted rules against the group they replace (ValidateRuleGroup, CalculateChanges). */
function groupChanges(
  command: JsonObject,
  folderUid: string,
  previous: RuleGroup | undefined,
  intervalMs: number,
  now: number
): GroupChanges | ApiResponse {
  const before = new Map((previous?.rules ?? []).map((rule) => [rule.uid, rule]));
  const changes: GroupChanges = { rules: [], created: [], updated: [], deleted: [] };
  for (const node of (arrayAt(command, 'rules') ?? []).filter(isRecord)) {
    const alert = recordAt(node, 'grafana_alert');
    if (!alert) {
      return fail(400, 'invalid alert rule: not Grafana managed alert rule');
    }
    const title = stringAt(alert, 'title') ?? '';
    if (title === '' || !stringAt(alert, 'condition') || (arrayAt(alert, 'data') ?? []).length === 0) {
      return fail(400, `invalid alert rule '${title}': title, condition and data are required`);
    }
    const uid = stringAt(alert, 'uid') || `r${crypto.randomBytes(7).toString('hex')}`;
    // The group's interval is part of each rule in Grafana: changing it changes every rule.
    const posted = JSON.stringify({ intervalMs, rule: { ...node, grafana_alert: { ...alert, uid } } });
    const existing = before.get(uid);
    const existingAlert = recordAt(existing?.gettable ?? {}, 'grafana_alert') ?? {};
    const changed = existing?.posted !== posted;
    if (!existing) {
      changes.created.push(uid);
    } else if (changed) {
      changes.updated.push(uid);
    }
    const gettable: JsonObject = {
      expr: '',
      for: stringAt(node, 'for') ?? '0s',
      keep_firing_for: stringAt(node, 'keep_firing_for') ?? '0s',
      annotations: recordAt(node, 'annotations') ?? {},
      labels: recordAt(node, 'labels') ?? {},
      grafana_alert: {
        title,
        condition: stringAt(alert, 'condition'),
        data: (arrayAt(cloneJson(alert), 'data') ?? []).filter(isRecord),
        updated: changed ? new Date(now).toISOString() : existingAlert.updated,
        intervalSeconds: intervalMs / 1000,
        version: existing ? Number(existingAlert.version) + (changed ? 1 : 0) : 1,
        uid,
        namespace_uid: folderUid,
        rule_group: stringAt(command, 'name'),
        no_data_state: stringAt(alert, 'no_data_state') ?? 'NoData',
        exec_err_state: stringAt(alert, 'exec_err_state') ?? 'Error',
        is_paused: alert.is_paused === true,
        provenance: '',
      },
    };
    changes.rules.push({ uid, posted, gettable });
  }
  const kept = new Set(changes.rules.map((rule) => rule.uid));
  changes.deleted = [...before.keys()].filter((uid) => !kept.has(uid));
  return changes;
}

export function rulerRoutes(folders: FolderStore): ApiRoute[] {
  // folder uid -> group name -> group
  const groups = new Map<string, Map<string, RuleGroup>>();

  /** Grafana's NamespaceConfigResponse: groups by folder title. */
  function namespaceConfig(folderUids: string[]): JsonObject {
    const result: JsonObject = {};
    for (const uid of folderUids) {
      const folder = folders.get(uid);
      const folderGroups = [...(groups.get(uid)?.values() ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
      if (folder && folderGroups.length > 0) {
        result[folder.title] = folderGroups.map(groupConfig);
      }
    }
    return result;
  }

  /** The recipient and namespace checks every ruler route shares. */
  function target(params: Record<string, string>, namespace: boolean): ApiResponse | undefined {
    if (params.Recipient !== 'grafana') {
      return fail(404, 'host: only Grafana-managed rules (recipient "grafana") are supported');
    }
    return namespace && !folders.get(params.Namespace) ? fail(404, 'folder not found') : undefined;
  }

  return [
    {
      method: 'GET',
      specPath: '/ruler/{Recipient}/api/v1/rules',
      handle: ({ params }) => target(params, false) ?? ok(namespaceConfig([...groups.keys()]), ACCEPTED),
    },
    {
      method: 'GET',
      specPath: '/ruler/{Recipient}/api/v1/rules/{Namespace}',
      handle: ({ params }) => target(params, true) ?? ok(namespaceConfig([params.Namespace]), ACCEPTED),
    },
    {
      method: 'GET',
      specPath: '/ruler/{Recipient}/api/v1/rules/{Namespace}/{Groupname}',
      handle: ({ params }) => {
        const group = groups.get(params.Namespace)?.get(params.Groupname);
        return (
          target(params, true) ?? (group ? ok(groupConfig(group), ACCEPTED) : fail(404, 'rule group does not exist'))
        );
      },
    },
    {
      method: 'POST',
      specPath: '/ruler/{Recipient}/api/v1/rules/{Namespace}',
      handle: ({ params, body, user, now }) => {
        if (user.orgRole === 'Viewer') {
          return accessDenied('alert.rules:create');
        }
        const problem = target(params, true);
        if (problem) {
          return problem;
        }
        if (!folders.canEdit(user, params.Namespace)) {
          return fail(403, 'user does not have permissions to edit the namespace');
        }
        const command = isRecord(body) ? body : {};
        const name = stringAt(command, 'name') ?? '';
        if (name.trim() === '') {
          return fail(400, 'rule group name cannot be empty');
        }
        const interval = stringAt(command, 'interval') || DEFAULT_INTERVAL;
        let intervalMs = 0;
        try {
          intervalMs = parseDuration(interval);
        } catch {
          // reported below as a non-positive interval
        }
        if (intervalMs <= 0 || intervalMs % BASE_INTERVAL_MS !== 0) {
          return fail(
            400,
            `rule evaluation interval "${interval}" should be positive number that is multiple of the base interval of 10 seconds`
          );
        }
        const folderGroups = groups.get(params.Namespace) ?? new Map<string, RuleGroup>();
        const changes = groupChanges(command, params.Namespace, folderGroups.get(name), intervalMs, now);
        if ('status' in changes) {
          return changes;
        }
        if (changes.rules.length === 0) {
          folderGroups.delete(name);
        } else {
          folderGroups.set(name, { name, interval, rules: changes.rules });
        }
        groups.set(params.Namespace, folderGroups);
        const { created, updated, deleted } = changes;
        const changed = created.length + updated.length + deleted.length > 0;
        const message = changed ? 'rule group updated successfully' : 'no changes detected in the rule group';
        return ok({ message, created, updated, deleted }, ACCEPTED);
      },
    },
  ];
}
