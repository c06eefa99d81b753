import { type GrafanaRuleGroup, sloGrafanaRules } from '../prometheus/grafanaRules';
import { sloAlertRules } from '../prometheus/alerts';
import { type RuleGroup, sloRecordingRules } from '../prometheus/rules';
import type { SloSpec } from '../spec/types';
import { ratioSlo, rawSlo } from '../spec/testing';
import { findSloAlertRules, hasDatasourceRuler, mayHaveRuler, pushDatasourceRules, saveSloAlertRules } from './alertRules';
import { errorOf, type FakeGrafana, installFakeGrafana, valueOf } from './testing';

const RULER = '/api/ruler/grafana/api/v1/rules';
const GROUP = 'nines-checkout-availability-alerts';

let grafana: FakeGrafana;
beforeEach(() => {
  grafana = installFakeGrafana();
});

const slo = (): SloSpec => ({ ...ratioSlo(), folderUid: 'slos' });

function rulesOf(spec: SloSpec): GrafanaRuleGroup {
  const generated = sloGrafanaRules(spec);
  if (!generated.ok) {
    throw new Error(`no rules: ${JSON.stringify(generated.errors)}`);
  }
  return generated.group;
}

/** The SLO without its tier of `longWindow`. */
function withoutTier(spec: SloSpec, longWindow: string): SloSpec {
  const tiers = spec.alerting.tiers.filter((tier) => tier.longWindow !== longWindow);
  return { ...spec, alerting: { ...spec.alerting, tiers } };
}

/** The uids a POST carried, rule by rule. */
function postedUids(body: unknown): unknown[] {
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
  const rules = isRecord(body) && Array.isArray(body.rules) ? body.rules : [];
  return rules.map((rule) => (isRecord(rule) && isRecord(rule.grafana_alert) ? rule.grafana_alert.uid : 'unreadable'));
}

const uidsByKey = (rules: Array<{ key: string; uid: string }>) =>
  Object.fromEntries(rules.map((rule) => [rule.key, rule.uid]));

describe('saveSloAlertRules and findSloAlertRules', () => {
  it('creates the group in the folder and finds it again by the SLO uid', async () => {
    const group = rulesOf(slo());

    const saved = valueOf(await saveSloAlertRules(group, 'slos', null));
    const found = valueOf(await findSloAlertRules('checkout-availability'));

    expect(group.name).toBe(GROUP);
    expect(saved).toMatchObject({ folderUid: 'slos', group: GROUP, created: 5, updated: 0, deleted: 0 });
    expect(saved.rules.map((rule) => rule.title)).toEqual(group.rules.map((rule) => rule.grafana_alert.title));
    expect(new Set(saved.rules.map((rule) => rule.uid)).size).toBe(5);
    expect(found).toEqual({ folderUid: 'slos', folderTitle: 'SLOs', group: GROUP, rules: saved.rules });
    expect(grafana.ruler.groups.get('slos')?.get(GROUP)?.rules).toHaveLength(5);
  });

  it('finds nothing for an SLO without rules', async () => {
    valueOf(await saveSloAlertRules(rulesOf(slo()), 'slos', null));

    expect(await findSloAlertRules('another-slo')).toEqual({ ok: true, value: null });
  });

  it('keeps the uids of the rules a changed SLO replaces, and deletes the rule of a removed tier', async () => {
    valueOf(await saveSloAlertRules(rulesOf(slo()), 'slos', null));
    const stored = valueOf(await findSloAlertRules('checkout-availability'));
    const changed = withoutTier({ ...slo(), objective: { ...slo().objective, target: 99.5 } }, '3d');

    const saved = valueOf(await saveSloAlertRules(rulesOf(changed), 'slos', stored));

    const before = uidsByKey(stored?.rules ?? []);
    const removed = stored?.rules.find((rule) => rule.key.includes('3d'));
    expect(saved).toMatchObject({ created: 0, updated: 4, deleted: 1 });
    expect(saved.rules).toHaveLength(4);
    for (const rule of saved.rules) {
      expect(rule.uid).toBe(before[rule.key]);
    }
    expect(saved.rules.map((rule) => rule.uid)).not.toContain(removed?.uid);
    const [post] = grafana.callsTo('POST', `${RULER}/slos`).slice(-1);
    expect(post.response).toMatchObject({ deleted: [removed?.uid] });
  });

  it('reports no change when the same group is saved again', async () => {
    valueOf(await saveSloAlertRules(rulesOf(slo()), 'slos', null));
    const stored = valueOf(await findSloAlertRules('checkout-availability'));

    const saved = valueOf(await saveSloAlertRules(rulesOf(slo()), 'slos', stored));

    expect(saved).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(uidsByKey(saved.rules)).toEqual(uidsByKey(stored?.rules ?? []));
  });

  it('does not reuse the uids of rules stored in another folder when saving into a new one', async () => {
    grafana.addFolder('payments', 'Payments', ['Editor']);
    valueOf(await saveSloAlertRules(rulesOf(slo()), 'slos', null));
    const stored = valueOf(await findSloAlertRules('checkout-availability'));

    const saved = valueOf(await saveSloAlertRules(rulesOf(slo()), 'payments', stored));

    const [post] = grafana.callsTo('POST', `${RULER}/payments`);
    expect(saved).toMatchObject({ folderUid: 'payments', created: 5, updated: 0, deleted: 0 });
    expect(rulesOf(slo()).rules.map(() => undefined)).toEqual(postedUids(post.body));
    const old = new Set(stored?.rules.map((rule) => rule.uid));
    expect(saved.rules.filter((rule) => old.has(rule.uid))).toEqual([]);
    expect(grafana.ruler.groups.get('slos')?.get(GROUP)?.rules).toHaveLength(5);
  });

  it('deletes the group when the SLO has no rules left, and says so', async () => {
    const raw = rawSlo();
    valueOf(await saveSloAlertRules(rulesOf(raw), 'slos', null));
    const stored = valueOf(await findSloAlertRules(raw.uid));
    const none = { ...raw, alerting: { ...raw.alerting, tiers: [] } };

    const saved = valueOf(await saveSloAlertRules(rulesOf(none), 'slos', stored));

    expect(saved).toMatchObject({ rules: [], created: 0, updated: 0, deleted: 4 });
    expect(valueOf(await findSloAlertRules(raw.uid))).toBeNull();
  });

  it('explains a folder the user may not edit', async () => {
    const error = errorOf(await saveSloAlertRules(rulesOf(slo()), 'platform', null));

    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(error.message).toBe(
      'You may not save the alert rules: Grafana refused: "user does not have permissions to edit the namespace". Ask an admin for the permission.'
    );
  });

  it('refuses a Viewer, naming the permission', async () => {
    grafana.signIn('viewer');

    const error = errorOf(await saveSloAlertRules(rulesOf(slo()), 'slos', null));

    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(error.message).toContain('alert.rules:create');
    expect(grafana.ruler.groups.size).toBe(0);
  });

  it('says the folder does not exist', async () => {
    const error = errorOf(await saveSloAlertRules(rulesOf(slo()), 'gone', null));

    expect(error).toMatchObject({ kind: 'notFound', status: 404, serverMessage: 'folder not found' });
    expect(error.message).toBe('Could not save the alert rules: Grafana has no such folder ("folder not found").');
  });

  it("gives Grafana's message when it refuses the rules", async () => {
    const error = errorOf(await saveSloAlertRules({ ...rulesOf(slo()), interval: '15s' }, 'slos', null));

    const said =
      'rule evaluation interval "15s" should be positive number that is multiple of the base interval of 10 seconds';
    expect(error).toMatchObject({ kind: 'invalid', status: 400, serverMessage: said, errors: [] });
    expect(error.message).toBe(`Could not save the alert rules: Grafana refused the rules: "${said}".`);
  });

  it('says which rule Grafana no longer has when a stored one was deleted meanwhile', async () => {
    valueOf(await saveSloAlertRules(rulesOf(slo()), 'slos', null));
    const stored = valueOf(await findSloAlertRules('checkout-availability'));
    grafana.ruler.groups.get('slos')?.delete(GROUP);

    const error = errorOf(await saveSloAlertRules(rulesOf(slo()), 'slos', stored));

    expect(error).toMatchObject({ kind: 'notFound', status: 404 });
    expect(error.message).toMatch(
      /^Could not save the alert rules: Grafana could not find a stored rule \(".*could not find alert rule"\)\.$/
    );
  });

  it('keeps the request intact to send again when Grafana cannot be reached', async () => {
    grafana.outage = 'offline';
    const group = rulesOf(slo());

    const error = errorOf(await saveSloAlertRules(group, 'slos', null));

    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(error.kind === 'network' && error.request).toEqual({ method: 'POST', url: `${RULER}/slos`, data: group });
    expect(error.message).toMatch(/Your changes are still here/);
    expect(grafana.ruler.groups.size).toBe(0);
  });

  it('says so when the rules cannot be loaded', async () => {
    grafana.outage = 503;

    expect(await findSloAlertRules('checkout-availability')).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});

describe('mayHaveRuler', () => {
  it('is true only for Mimir and Cortex with rule management on', () => {
    expect(mayHaveRuler({ prometheusType: 'Mimir' })).toBe(true);
    expect(mayHaveRuler({ prometheusType: 'cortex', manageAlerts: true })).toBe(true);
    expect(mayHaveRuler({ prometheusType: 'Mimir', manageAlerts: false })).toBe(false);
    expect(mayHaveRuler({ prometheusType: 'Prometheus' })).toBe(false);
    expect(mayHaveRuler({ prometheusType: 'Thanos' })).toBe(false);
    expect(mayHaveRuler({})).toBe(false);
    expect(mayHaveRuler(undefined)).toBe(false);
  });
});

describe('hasDatasourceRuler', () => {
  it('is true for a datasource whose ruler answers, false for one without', async () => {
    grafana.ruler.datasources.add('mimir');

    expect(await hasDatasourceRuler('mimir')).toEqual({ ok: true, value: true });
    expect(await hasDatasourceRuler('prometheus-main')).toEqual({ ok: true, value: false });
  });

  it('fails when Grafana cannot be reached, rather than guessing', async () => {
    grafana.outage = 502;

    expect(await hasDatasourceRuler('mimir')).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});

describe('pushDatasourceRules', () => {
  /** The SLO's Prometheus groups: recording rules, then alerts. */
  const prometheusGroups = (): RuleGroup[] => {
    const recording = sloRecordingRules(ratioSlo());
    const alerts = sloAlertRules(ratioSlo());
    if (!recording.ok || !alerts.ok) {
      throw new Error('no Prometheus rules');
    }
    return [...recording.groups, ...alerts.groups];
  };

  it('posts each group in order into the namespace', async () => {
    grafana.ruler.datasources.add('mimir');
    const groups = prometheusGroups();

    expect(await pushDatasourceRules('mimir', 'nines', groups)).toEqual({ ok: true, value: { groups: groups.length } });

    const posts = grafana.callsTo('POST', '/api/ruler/mimir/api/v1/rules/nines');
    expect(posts.map((post) => post.body)).toEqual(groups);
    expect(grafana.ruler.datasourceGroups.get('mimir')?.get('nines')).toEqual(groups);
  });

  it('stops at the first group the ruler refuses', async () => {
    grafana.ruler.datasources.add('mimir');
    const [first, second, third] = prometheusGroups();

    const broken = { ...second, rules: [{ record: 'slo:broken', expr: '', labels: {} }] };

    const error = errorOf(await pushDatasourceRules('mimir', 'nines', [first, broken, third]));

    expect(third).toBeDefined();
    expect(error).toMatchObject({ kind: 'invalid', status: 400 });
    expect(error.message).toBe(
      `Could not push the rule group ${second.name}: Grafana refused the rules: "invalid rules configuration: group \"${second.name}\": a rule needs record or alert, and expr".`
    );
    expect(grafana.callsTo('POST', '/api/ruler/mimir/api/v1/rules/nines')).toHaveLength(2);
    expect(grafana.ruler.datasourceGroups.get('mimir')?.get('nines')).toEqual([first]);
  });

  it('says the datasource has no ruler', async () => {
    const error = errorOf(await pushDatasourceRules('prometheus-main', 'nines', prometheusGroups()));

    expect(error).toMatchObject({ kind: 'notFound', status: 404 });
    expect(error.message).toMatch(/the datasource has no ruler/);
    expect(grafana.calls).toHaveLength(1);
  });
});
