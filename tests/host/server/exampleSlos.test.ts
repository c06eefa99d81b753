/**
 * @jest-environment node
 */
import fs from 'fs';
import path from 'path';

import { readExampleSlos } from '../../../scripts/demo/exampleSlos';
import { seedSlos } from '../../../scripts/demo/seed';
import { libraryPanelToSlo } from '../../../src/spec/libraryPanel';
import type { HostServer } from './index';
import { clientsFor, type Fixture, makeFixture, startHost } from './testing';

const EXAMPLES = 'provisioning/slos';
const EXAMPLE_UIDS = [
  'admin-availability',
  'checkout-availability',
  'checkout-latency',
  'payments-availability-monthly',
  'search-availability',
];

function elementsOf(body: unknown): Array<Record<string, unknown>> {
  const result = typeof body === 'object' && body !== null ? Reflect.get(body, 'result') : undefined;
  const elements = typeof result === 'object' && result !== null ? Reflect.get(result, 'elements') : undefined;
  return Array.isArray(elements) ? elements : [];
}

/** Library panel uids a dashboard's panels (and the panels of its rows) use. */
function libraryPanelUids(panels: unknown): string[] {
  if (!Array.isArray(panels)) {
    return [];
  }
  return panels.flatMap((panel: Record<string, unknown>) => {
    const reference = panel.libraryPanel;
    const uid = typeof reference === 'object' && reference !== null ? Reflect.get(reference, 'uid') : undefined;
    return [...(typeof uid === 'string' ? [uid] : []), ...libraryPanelUids(panel.panels)];
  });
}

describe('the example SLOs', () => {
  it('read into valid library panels in the SLOs folder, of three teams, on the provisioned Prometheus', () => {
    const elements = readExampleSlos(EXAMPLES);
    expect(elements.map((element) => element.uid)).toEqual(EXAMPLE_UIDS);
    for (const element of elements) {
      const read = libraryPanelToSlo(element);
      expect({ uid: element.uid, ok: read.ok }).toEqual({ uid: element.uid, ok: true });
      expect(element.folderUid).toBe('slos');
      expect(element.model.datasource).toEqual({ uid: 'prometheus', type: 'prometheus' });
    }
    const byUid = new Map(elements.map((element) => [element.uid, element]));
    expect(new Set(elements.map((element) => element.model.nines.spec.team))).toEqual(
      new Set(['payments', 'discovery', 'platform'])
    );
    expect(byUid.get('checkout-latency')?.model.nines.spec.source.kind).toBe('prometheusLatency');
    expect(byUid.get('payments-availability-monthly')?.model.options.objective.window).toBe('calendar:month');
    expect(byUid.get('admin-availability')?.model.options.alerting.minEvents).toBe(20);
  });

  it('are the only library panels the provisioned dashboards use', () => {
    const dir = 'provisioning/dashboards';
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const dashboard: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const panels = typeof dashboard === 'object' && dashboard !== null ? Reflect.get(dashboard, 'panels') : [];
      for (const uid of libraryPanelUids(panels)) {
        expect({ file, uid, known: EXAMPLE_UIDS.includes(uid) }).toEqual({ file, uid, known: true });
      }
    }
  });
});

describe('the test host with provisioning/slos', () => {
  let fixture: Fixture;
  let host: HostServer;
  const { admin } = clientsFor(() => host.url);

  beforeAll(async () => {
    fixture = makeFixture({
      'service.json': {
        uid: 'service',
        title: 'Service',
        panels: [{ id: 1, libraryPanel: { uid: 'checkout-latency' } }],
      },
    });
    fs.cpSync(EXAMPLES, path.join(fixture.provisioningDir, 'slos'), { recursive: true });
    const seedFile = path.join(fixture.root, 'library-elements.json');
    const replaced = { uid: 'search-availability', name: 'Search (from the seed file)', folderUid: 'slos', model: {} };
    fs.writeFileSync(seedFile, JSON.stringify([replaced]));
    host = await startHost(fixture, { libraryElementsFile: seedFile });
  });

  afterAll(async () => {
    await host.close();
    fixture.remove();
  });

  it('holds them as library elements from start-up, connected where a dashboard uses them', async () => {
    const answer = await admin('GET', '/api/library-elements?perPage=100');
    expect(answer.status).toBe(200);
    const elements = elementsOf(answer.body);
    expect(elements.map((element) => element.uid).sort()).toEqual(EXAMPLE_UIDS);
    const latency = elements.find((element) => element.uid === 'checkout-latency');
    expect(latency).toMatchObject({ folderUid: 'slos', meta: { connectedDashboards: 1 } });
  });

  it('lets an element of the seed file replace the example of the same uid', async () => {
    const answer = await admin('GET', '/api/library-elements/search-availability');
    expect(answer.body).toMatchObject({ result: { name: 'Search (from the seed file)' } });
  });
});

describe('seeding the example SLOs through the HTTP API', () => {
  let fixture: Fixture;
  let host: HostServer;
  const { admin } = clientsFor(() => host.url);

  beforeAll(async () => {
    fixture = makeFixture();
    host = await startHost(fixture);
  });

  afterAll(async () => {
    await host.close();
    fixture.remove();
  });

  it('creates the missing ones, then leaves existing ones alone', async () => {
    const elements = readExampleSlos(EXAMPLES);
    const first = await seedSlos({ grafana: host.url, elements, pollMs: 10 });
    expect(first).toEqual({ created: EXAMPLE_UIDS, existing: [] });
    const stored = elementsOf((await admin('GET', '/api/library-elements?perPage=100')).body);
    expect(stored.map((element) => element.uid).sort()).toEqual(EXAMPLE_UIDS);
    for (const element of stored) {
      expect(libraryPanelToSlo(element).ok).toBe(true);
    }

    const second = await seedSlos({ grafana: host.url, elements, pollMs: 10 });
    expect(second).toEqual({ created: [], existing: EXAMPLE_UIDS });
    expect(host.requests.filter((request) => request.validationError !== undefined)).toEqual([]);
  });

  it('gives up with a message when Grafana never answers', async () => {
    await expect(seedSlos({ grafana: 'http://127.0.0.1:9', elements: [], waitMs: 50, pollMs: 10 })).rejects.toThrow(
      'gave up waiting for Grafana to answer /api/health at http://127.0.0.1:9'
    );
  });
});
