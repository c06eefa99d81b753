/**
 * @jest-environment node
 */
import fs from 'fs';
import path from 'path';

import type { HostServer } from './index';
import { type Fixture, clientsFor, makeFixture, startHost } from './testing';

let fixture: Fixture;
let host: HostServer;
const { admin, editor, viewer } = clientsFor(() => host.url);

const SETTINGS = '/api/plugins/nines-slo-app/settings';

beforeAll(async () => {
  fixture = makeFixture();
  fs.mkdirSync(path.join(fixture.provisioningDir, 'plugins'));
  fs.writeFileSync(
    path.join(fixture.provisioningDir, 'plugins', 'apps.yaml'),
    "apiVersion: 1\napps:\n  - type: 'nines-slo-app'\n    org_id: 1\n    disabled: false\n    jsonData:\n      defaultFolderUid: slos\n"
  );
  host = await startHost(fixture);
});

afterAll(async () => {
  await host.close();
  fixture.remove();
});

describe('the app settings', () => {
  it('starts as provisioned, and every signed-in user may read them', async () => {
    for (const client of [admin, editor, viewer]) {
      const answer = await client('GET', SETTINGS);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        id: 'nines-slo-app',
        type: 'app',
        enabled: true,
        jsonData: { defaultFolderUid: 'slos' },
        defaultNavUrl: '/a/nines-slo-app/slos',
      });
    }
  });

  it('replaces jsonData whole when an admin saves, as Grafana does', async () => {
    const saved = await admin('POST', SETTINGS, { enabled: true, pinned: true, jsonData: { minEvents: 5 } });
    expect(saved).toEqual({ status: 200, body: { message: 'Plugin settings updated' } });

    const answer = await viewer('GET', SETTINGS);
    expect(answer.body).toMatchObject({ enabled: true, pinned: true, jsonData: { minEvents: 5 } });
    expect(answer.body).not.toHaveProperty('jsonData.defaultFolderUid');
  });

  it('disables the app when a save leaves enabled out (Go reads it as false)', async () => {
    await admin('POST', SETTINGS, { jsonData: {} });
    expect((await admin('GET', SETTINGS)).body).toMatchObject({ enabled: false, pinned: false, jsonData: {} });
    await admin('POST', SETTINGS, { enabled: true, pinned: true, jsonData: {} });
  });

  it("refuses editors and viewers with Grafana's access-denied answer", async () => {
    for (const client of [editor, viewer]) {
      expect(await client('POST', SETTINGS, { enabled: true, pinned: true, jsonData: { x: 1 } })).toEqual({
        status: 403,
        body: {
          title: 'Access denied',
          message: "You'll need additional permissions to perform this action. Permissions needed: plugins:write",
        },
      });
    }
    expect((await admin('GET', SETTINGS)).body).toMatchObject({ jsonData: {} });
  });

  it('knows no other plugin', async () => {
    expect(await admin('GET', '/api/plugins/other-app/settings')).toEqual({
      status: 404,
      body: { message: 'Plugin not found, no installed plugin with that id' },
    });
  });

  it("checks the body against the operation's description", async () => {
    const answer = await admin('POST', SETTINGS, { enabled: 'yes', jsonData: [] });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      message:
        'host: request does not match the plugin settings description (tests/host/server/pluginSettings.description.json): ' +
        `POST ${SETTINGS} body/enabled must be boolean, body/jsonData must be object,null`,
    });
  });
});
