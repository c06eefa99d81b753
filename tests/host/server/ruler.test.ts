/**
 * @jest-environment node
 */
import type { HostServer } from './index';
import { type Fixture, clientsFor, makeFixture, startHost } from './testing';

let fixture: Fixture;
let host: HostServer;
const { admin, editor, viewer } = clientsFor(() => host.url);

beforeAll(async () => {
  fixture = makeFixture();
  host = await startHost(fixture);
});

afterAll(async () => {
  await host.close();
  fixture.remove();
});

function burnRateGroup(threshold: number, uid?: string) {
  return {
    name: 'nines-checkout',
    interval: '1m',
    rules: [
      {
        for: '2m',
        labels: { severity: 'page' },
        annotations: { summary: 'Checkout burns its error budget' },
        grafana_alert: {
          ...(uid ? { uid } : {}),
          title: 'Checkout fast burn',
          condition: 'B',
          no_data_state: 'OK',
          exec_err_state: 'Error',
          data: [
            {
              refId: 'A',
              datasourceUid: 'prometheus',
              relativeTimeRange: { from: 3600, to: 0 },
              model: { expr: 'sum(rate(x[1h]))', refId: 'A' },
            },
            {
              refId: 'B',
              datasourceUid: '__expr__',
              model: {
                type: 'threshold',
                expression: 'A',
                conditions: [{ evaluator: { type: 'gt', params: [threshold] } }],
                refId: 'B',
              },
            },
          ],
        },
      },
    ],
  };
}

describe('the ruler (Grafana-managed rules)', () => {
  it('stores a group an Editor posts into slos, and answers it by folder title', async () => {
    const posted = await editor('POST', '/api/ruler/grafana/api/v1/rules/slos', burnRateGroup(14.4));
    const uid = (posted.body as { created: string[] }).created[0];
    const all = await viewer('GET', '/api/ruler/grafana/api/v1/rules?subtype=cortex');
    const group = await viewer('GET', '/api/ruler/grafana/api/v1/rules/slos/nines-checkout');

    expect(posted).toEqual({
      status: 202,
      body: { message: 'rule group updated successfully', created: [uid], updated: [], deleted: [] },
    });
    expect(all.body).toEqual({ SLOs: [group.body] });
    expect(group.body).toMatchObject({
      name: 'nines-checkout',
      interval: '1m',
      rules: [
        {
          for: '2m',
          labels: { severity: 'page' },
          grafana_alert: {
            uid,
            title: 'Checkout fast burn',
            version: 1,
            namespace_uid: 'slos',
            rule_group: 'nines-checkout',
            intervalSeconds: 60,
          },
        },
      ],
    });
  });

  it('bumps the version of a changed rule and reports an unchanged post as no change', async () => {
    const first = await editor('POST', '/api/ruler/grafana/api/v1/rules/slos', burnRateGroup(14.4, 'fast-burn'));
    const again = await editor('POST', '/api/ruler/grafana/api/v1/rules/slos', burnRateGroup(14.4, 'fast-burn'));
    const changed = await editor('POST', '/api/ruler/grafana/api/v1/rules/slos', burnRateGroup(6, 'fast-burn'));
    const group = await editor('GET', '/api/ruler/grafana/api/v1/rules/slos/nines-checkout');

    expect(first.body).toMatchObject({ created: ['fast-burn'] });
    expect(again.body).toMatchObject({ message: 'no changes detected in the rule group', created: [], updated: [] });
    expect(changed.body).toMatchObject({ updated: ['fast-burn'] });
    expect(group.body).toMatchObject({ rules: [{ grafana_alert: { uid: 'fast-burn', version: 2 } }] });
  });

  it('refuses a Viewer, and an Editor in platform where only Admins may edit', async () => {
    const byViewer = await viewer('POST', '/api/ruler/grafana/api/v1/rules/slos', burnRateGroup(14.4));
    const byEditor = await editor('POST', '/api/ruler/grafana/api/v1/rules/platform', burnRateGroup(14.4));
    const byAdmin = await admin('POST', '/api/ruler/grafana/api/v1/rules/platform', burnRateGroup(14.4));

    expect(byViewer.status).toBe(403);
    expect(byEditor).toEqual({
      status: 403,
      body: { message: 'user does not have permissions to edit the namespace' },
    });
    expect(byAdmin.status).toBe(202);
  });

  it('answers a missing group with 404', async () => {
    const answer = await viewer('GET', '/api/ruler/grafana/api/v1/rules/slos/none');

    expect(answer).toEqual({ status: 404, body: { message: 'rule group does not exist' } });
  });
});
