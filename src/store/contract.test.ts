/**
 * The store speaks Grafana's published API: every request it sends (path, query, body) and every
 * answer it reads (as the in-memory Grafana gives them) is checked against the operation of
 * api-merged.json (Swagger 2.0), over a scenario that reaches every call and error the store uses.
 */
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import Ajv, { type SchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'fs';
import path from 'path';

import { sloAlertRules } from '../prometheus/alerts';
import { sloGrafanaRules } from '../prometheus/grafanaRules';
import { sloRecordingRules } from '../prometheus/rules';
import { defaultAppSettings } from '../spec/settings';
import { ratioSlo, rawSlo } from '../spec/testing';
import type { SloSpec } from '../spec/types';
import {
  addSloToDashboard,
  createSlo,
  deleteSlo,
  findSloAlertRules,
  getSlo,
  hasDatasourceRuler,
  listAllSlos,
  listFolders,
  listSlos,
  loadAppSettings,
  overwriteSlo,
  pushDatasourceRules,
  saveAppSettings,
  saveSloAlertRules,
  searchDashboards,
  updateSlo,
} from './index';
import { installFakeGrafana, type RecordedCall, valueOf } from './testing';

type Json = Record<string, unknown>;

// Grafana's API description lives in the shared/ folder beside the repository.
const descriptionPath = path.resolve(__dirname, '..', '..', '..', 'shared', 'grafana', 'api-merged.json');
// The ruler paths are only in an older version of it; their bodies use the same definitions.
const olderDescriptionPath = path.resolve(__dirname, '..', '..', '..', 'shared', 'grafana', 'api-merged.older.json');
// The app settings operations, which the description lacks, as the test host describes them from Grafana's source.
const pluginSettingsPath = path.resolve(__dirname, '../../tests/host/server/pluginSettings.description.json');
const DOCUMENT = 'grafana-api';

/** Query parameters Grafana reads that the description leaves out, and why the store sends them. */
const UNDESCRIBED_QUERY: Record<string, string> = {
  // pkg/services/libraryelements/api.go reads it; Grafana's own library panel browser sends it.
  'GET /library-elements folderFilterUIDs': 'folder filter by uid (folderFilter takes deprecated ids)',
};

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isSchemaObject(value: unknown): value is SchemaObject {
  return isRecord(value);
}

function recordAt(value: unknown, key: string): Json {
  const child = isRecord(value) ? value[key] : undefined;
  return isRecord(child) ? child : {};
}

/** Local `#/...` references, pointed into the document registered with ajv. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(rebase);
  }
  if (!isRecord(value)) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === '$ref' && typeof child === 'string' && child.startsWith('#/') ? `${DOCUMENT}${child}` : rebase(child),
    ])
  );
}

function newAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true, coerceTypes: coerceTypes && 'array' });
  addFormats(ajv);
  // Swagger's numeric formats carry no constraint JSON Schema can check.
  for (const format of ['int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float', 'double']) {
    ajv.addFormat(format, true);
  }
  return ajv;
}

function loadDescription() {
  const document: unknown = JSON.parse(fs.readFileSync(descriptionPath, 'utf8'));
  const older: unknown = JSON.parse(fs.readFileSync(olderDescriptionPath, 'utf8'));
  const pluginSettings: unknown = JSON.parse(fs.readFileSync(pluginSettingsPath, 'utf8'));
  const definitions = {
    ...recordAt(older, 'definitions'),
    ...recordAt(document, 'definitions'),
    ...recordAt(pluginSettings, 'definitions'),
  };
  // Rule group intervals are Prometheus durations ("1m") in Grafana (model.Duration marshals as a
  // string); the description calls them int64 nanoseconds. The test host has the same erratum.
  for (const name of ['PostableRuleGroupConfig', 'GettableRuleGroupConfig', 'RuleGroupConfigResponse']) {
    const group = recordAt(definitions, name);
    group.properties = { ...recordAt(group, 'properties'), interval: { type: 'string' } };
  }
  // Grafana binds these with binding:"Required", which the generated description drops (see the
  // test host's errata): a create without kind, or a patch without kind and version, gets 400.
  const create = recordAt(definitions, 'CreateLibraryElementCommand');
  create.required = ['kind'];
  const patch = recordAt(definitions, 'PatchLibraryElementCommand');
  patch.required = ['kind', 'version'];
  patch.properties = { ...recordAt(patch, 'properties'), version: { type: 'integer', minimum: 1 } };
  const bodies = newAjv(false);
  bodies.addSchema({
    $id: DOCUMENT,
    definitions: rebase(definitions),
    responses: rebase({ ...recordAt(older, 'responses'), ...recordAt(document, 'responses') }),
  });
  return {
    // The current description's paths first, the older one's for the paths it lacks (the ruler's).
    paths: { ...recordAt(older, 'paths'), ...recordAt(document, 'paths'), ...recordAt(pluginSettings, 'paths') },
    responses: { ...recordAt(older, 'responses'), ...recordAt(document, 'responses') },
    bodies,
    queries: newAjv(true),
  };
}

const description = loadDescription();

function compile(ajv: Ajv, schema: unknown): ValidateFunction {
  const rebased = rebase(schema);
  if (!isSchemaObject(rebased)) {
    throw new Error('a schema of the API description is not an object');
  }
  return ajv.compile(rebased);
}

function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** Whether the operation describes any error answer; those that describe none still get Grafana's error body. */
function hasErrorAnswers(operation: Json): boolean {
  return Object.keys(recordAt(operation, 'responses')).some((status) => Number(status) >= 400 || status === 'default');
}

/** Every way in which a recorded call departs from its operation in the description. */
function contractProblems(call: RecordedCall): string[] {
  const name = `${call.method} ${call.specPath ?? call.path}`;
  const operation = call.specPath
    ? recordAt(recordAt(description.paths, call.specPath), call.method.toLowerCase())
    : {};
  if (!call.specPath || Object.keys(operation).length === 0) {
    return [`${name}: not an operation of the description`];
  }
  const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).filter(isRecord);
  const problems: string[] = [];

  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const query: Json = {};
  for (const key of new Set(call.query.keys())) {
    const parameter = queryParameters.find((candidate) => candidate.name === key);
    if (!parameter) {
      if (!UNDESCRIBED_QUERY[`${call.method} ${call.specPath} ${key}`]) {
        problems.push(`${name}: query parameter ${key} is not in the description`);
      }
      continue;
    }
    query[key] =
      parameter.type === 'array' ? call.query.getAll(key).flatMap((value) => value.split(',')) : call.query.get(key);
  }
  const querySchema = {
    type: 'object',
    properties: Object.fromEntries(
      queryParameters.map(({ name: key, type, format, enum: values, items }) => [
        String(key),
        Object.fromEntries(
          Object.entries({ type, format, enum: values, items }).filter(([, value]) => value !== undefined)
        ),
      ])
    ),
  };
  problems.push(...errorsOf(compile(description.queries, querySchema), query).map((text) => `${name} query${text}`));

  const bodyParameter = parameters.find((parameter) => parameter.in === 'body');
  if (bodyParameter) {
    problems.push(
      ...errorsOf(compile(description.bodies, bodyParameter.schema), call.body).map((text) => `${name} body${text}`)
    );
  } else if (call.body !== undefined) {
    problems.push(`${name}: sends a body the operation does not take`);
  }

  const response = recordAt(operation, 'responses')[String(call.status)];
  const reference = isRecord(response) && typeof response.$ref === 'string' ? response.$ref : undefined;
  const described = reference ? description.responses[reference.replace('#/responses/', '')] : response;
  if (!isRecord(described) && call.status >= 400 && !hasErrorAnswers(operation)) {
    // The ruler's operations list only 202; Grafana answers their errors with its usual body.
    const answer = errorsOf(compile(description.bodies, { $ref: '#/definitions/ErrorResponseBody' }), call.response);
    problems.push(...answer.map((text) => `${name} answer ${call.status}${text}`));
  } else if (!isRecord(described)) {
    problems.push(`${name}: status ${call.status} is not an answer of the operation`);
  } else if (described.schema !== undefined) {
    const answer = errorsOf(compile(description.bodies, described.schema), call.response);
    problems.push(...answer.map((text) => `${name} answer ${call.status}${text}`));
  }
  return problems;
}

it("sends and reads only what Grafana's API description allows", async () => {
  const grafana = installFakeGrafana();
  config.bootData.user.orgRole = OrgRole.Editor;
  const slo = { ...ratioSlo(), folderUid: 'slos' };

  const created = valueOf(await createSlo(slo));
  valueOf(await listSlos({ searchString: 'checkout', folderUids: ['', 'slos'], perPage: 10 }));
  valueOf(await listAllSlos());
  valueOf(await getSlo(slo.uid));
  valueOf(await updateSlo({ ...slo, description: 'theirs' }, created.version));
  expect(await updateSlo(slo, created.version)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  valueOf(await overwriteSlo(slo));
  expect(await createSlo(slo)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  expect(await createSlo({ ...slo, folderUid: 'platform' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  expect(await createSlo({ ...slo, uid: 'elsewhere', folderUid: 'gone' })).toMatchObject({ ok: false });
  grafana.addDashboard('checkout-board', 'Checkout overview', [slo.uid]);
  expect(await deleteSlo(slo.uid)).toMatchObject({ ok: false, error: { kind: 'inUse' } });
  grafana.signIn('viewer');
  expect(await updateSlo(slo, 3)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  expect(await deleteSlo(slo.uid)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  grafana.signIn('editor');
  grafana.dashboards.length = 0;
  valueOf(await deleteSlo(slo.uid));
  expect(await getSlo(slo.uid)).toMatchObject({ ok: false, error: { kind: 'notFound' } });
  valueOf(await listFolders());
  valueOf(await loadAppSettings());
  expect(await saveAppSettings(defaultAppSettings())).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  grafana.signIn('admin');
  valueOf(await saveAppSettings(defaultAppSettings()));
  valueOf(await loadAppSettings());

  const reached = new Set(grafana.calls.map((call) => `${call.method} ${call.specPath} ${call.status}`));
  expect([...reached].sort()).toEqual([
    'DELETE /library-elements/{library_element_uid} 200',
    'DELETE /library-elements/{library_element_uid} 403',
    'GET /folders 200',
    'GET /folders/{folder_uid} 200',
    'GET /library-elements 200',
    'GET /library-elements/{library_element_uid} 200',
    'GET /library-elements/{library_element_uid} 404',
    'GET /library-elements/{library_element_uid}/connections/ 200',
    'GET /plugins/{pluginId}/settings 200',
    'GET /search 200',
    'PATCH /library-elements/{library_element_uid} 200',
    'PATCH /library-elements/{library_element_uid} 403',
    'PATCH /library-elements/{library_element_uid} 412',
    'POST /library-elements 200',
    'POST /library-elements 400',
    'POST /library-elements 403',
    'POST /plugins/{pluginId}/settings 200',
    'POST /plugins/{pluginId}/settings 403',
  ]);
  expect(grafana.calls.flatMap(contractProblems)).toEqual([]);
});

it("adds SLOs to dashboards with only what Grafana's API description allows", async () => {
  const grafana = installFakeGrafana();
  const board = grafana.addDashboard('service', 'Service overview', [], { folderUid: 'slos' });
  grafana.addDashboard('provisioned', 'Provisioned', [], { folderUid: 'slos', provisioned: true });
  const slo = { uid: 'checkout-availability', name: 'Checkout availability' };

  valueOf(await searchDashboards('serv'));
  valueOf(await addSloToDashboard(slo, { kind: 'new', title: 'Checkout SLOs', folderUid: 'slos' }));
  valueOf(await addSloToDashboard(slo, { kind: 'existing', uid: 'service' }));
  board.libraryPanelUids = [];
  board.model = { title: 'Service overview', panels: [] };
  board.version = 1;
  // Someone saves the dashboard between Nines' read and its save.
  const answer = grafana.fetch.bind(grafana);
  const fetch = jest.spyOn(grafana, 'fetch').mockImplementation((options) => {
    board.version = options.method === 'POST' ? 7 : board.version;
    return answer(options);
  });
  expect(await addSloToDashboard(slo, { kind: 'existing', uid: 'service' })).toMatchObject({
    ok: false,
    error: { kind: 'conflict' },
  });
  fetch.mockRestore();
  expect(await addSloToDashboard(slo, { kind: 'existing', uid: 'provisioned' })).toMatchObject({
    ok: false,
    error: { kind: 'forbidden' },
  });
  expect(await addSloToDashboard(slo, { kind: 'new', title: 'Board', folderUid: 'platform' })).toMatchObject({
    ok: false,
    error: { kind: 'forbidden' },
  });
  expect(await addSloToDashboard(slo, { kind: 'existing', uid: 'gone' })).toMatchObject({
    ok: false,
    error: { kind: 'notFound' },
  });

  const reached = new Set(grafana.calls.map((call) => `${call.method} ${call.specPath} ${call.status}`));
  expect([...reached].sort()).toEqual([
    'GET /dashboards/uid/{uid} 200',
    'GET /dashboards/uid/{uid} 404',
    'GET /folders/{folder_uid} 200',
    'GET /search 200',
    'POST /dashboards/db 200',
    'POST /dashboards/db 400',
    'POST /dashboards/db 403',
    'POST /dashboards/db 412',
  ]);
  expect(grafana.calls.flatMap(contractProblems)).toEqual([]);
});

it("writes alert rules with only what Grafana's API description allows", async () => {
  const grafana = installFakeGrafana();
  grafana.ruler.datasources.add('mimir');
  const grafanaRules = (spec: SloSpec) => {
    const generated = sloGrafanaRules(spec);
    return generated.ok ? generated.group : { name: '', interval: '', rules: [] };
  };
  const slo = { ...ratioSlo(), folderUid: 'slos' };
  const fewerTiers = { ...slo, alerting: { ...slo.alerting, tiers: slo.alerting.tiers.slice(1) } };
  const raw = rawSlo();
  const recording = sloRecordingRules(slo);
  const alerts = sloAlertRules(slo);
  const prometheusGroups = [...(recording.ok ? recording.groups : []), ...(alerts.ok ? alerts.groups : [])];

  expect(valueOf(await findSloAlertRules(slo.uid))).toBeNull();
  valueOf(await saveSloAlertRules(grafanaRules(slo), 'slos', null));
  const stored = valueOf(await findSloAlertRules(slo.uid));
  valueOf(await saveSloAlertRules(grafanaRules(fewerTiers), 'slos', stored));
  valueOf(await saveSloAlertRules(grafanaRules(raw), 'slos', null));
  const rawStored = valueOf(await findSloAlertRules(raw.uid));
  const noTiers = { ...raw, alerting: { ...raw.alerting, tiers: [] } };
  valueOf(await saveSloAlertRules(grafanaRules(noTiers), 'slos', rawStored));
  const refused = { ...grafanaRules(slo), interval: '15s' };
  expect(await saveSloAlertRules(refused, 'slos', null)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  const elsewhere = await saveSloAlertRules(grafanaRules(slo), 'platform', null);
  expect(elsewhere).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  const gone = await saveSloAlertRules(grafanaRules(slo), 'gone', null);
  expect(gone).toMatchObject({ ok: false, error: { kind: 'notFound' } });
  expect(valueOf(await hasDatasourceRuler('mimir'))).toBe(true);
  expect(valueOf(await hasDatasourceRuler('prometheus-main'))).toBe(false);
  valueOf(await pushDatasourceRules('mimir', 'nines', prometheusGroups));
  const noRuler = await pushDatasourceRules('prometheus-main', 'nines', prometheusGroups);
  expect(noRuler).toMatchObject({ ok: false, error: { kind: 'notFound' } });
  grafana.signIn('viewer');
  const byViewer = await saveSloAlertRules(grafanaRules(slo), 'slos', stored);
  expect(byViewer).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

  const reached = new Set(grafana.calls.map((call) => `${call.method} ${call.specPath} ${call.status}`));
  expect([...reached].sort()).toEqual([
    'GET /ruler/{Recipient}/api/v1/rules 202',
    'GET /ruler/{Recipient}/api/v1/rules 404',
    'GET /ruler/{Recipient}/api/v1/rules/{Namespace}/{Groupname} 202',
    'GET /ruler/{Recipient}/api/v1/rules/{Namespace}/{Groupname} 404',
    'POST /ruler/{Recipient}/api/v1/rules/{Namespace} 202',
    'POST /ruler/{Recipient}/api/v1/rules/{Namespace} 400',
    'POST /ruler/{Recipient}/api/v1/rules/{Namespace} 403',
    'POST /ruler/{Recipient}/api/v1/rules/{Namespace} 404',
  ]);
  expect(grafana.calls.flatMap(contractProblems)).toEqual([]);
});

it('finds a request that breaks the description', () => {
  const call: RecordedCall = {
    method: 'PATCH',
    path: '/api/library-elements/x',
    specPath: '/library-elements/{library_element_uid}',
    query: new URLSearchParams('perPage=ten'),
    body: { name: 'x', kind: 2 },
    status: 200,
    response: { result: { version: 'one' } },
  };
  expect(contractProblems(call)).toEqual([
    'PATCH /library-elements/{library_element_uid}: query parameter perPage is not in the description',
    "PATCH /library-elements/{library_element_uid} body must have required property 'version'",
    'PATCH /library-elements/{library_element_uid} body/kind must be equal to one of the allowed values',
    'PATCH /library-elements/{library_element_uid} answer 200/result/version must be integer',
  ]);
});

it('finds a ruler call that breaks the description, and an error answer without a message', () => {
  const post: RecordedCall = {
    method: 'POST',
    path: '/api/ruler/grafana/api/v1/rules/slos',
    specPath: '/ruler/{Recipient}/api/v1/rules/{Namespace}',
    query: new URLSearchParams(),
    body: { name: 'nines-x-alerts', interval: 60_000_000_000, rules: [{ grafana_alert: { no_data_state: 'Silent' } }] },
    status: 403,
    response: { title: 'Access denied' },
  };
  expect(contractProblems(post)).toEqual([
    'POST /ruler/{Recipient}/api/v1/rules/{Namespace} body/interval must be string',
    'POST /ruler/{Recipient}/api/v1/rules/{Namespace} body/rules/0/grafana_alert/no_data_state must be equal to one of the allowed values',
    "POST /ruler/{Recipient}/api/v1/rules/{Namespace} answer 403 must have required property 'message'",
  ]);
});
