/**
 * @jest-environment node
 */
import type { HostServer } from './index';
import { type Fixture, makeFixture, startHost } from './testing';
import { USER_COOKIE } from './users';

let fixture: Fixture;
let host: HostServer;

beforeAll(async () => {
  fixture = makeFixture();
  host = await startHost(fixture);
});

afterAll(async () => {
  await host.close();
  fixture.remove();
});

async function bootDataOf(pagePath: string, cookie?: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${host.url}${pagePath}`, { headers: cookie ? { Cookie: cookie } : {} });
  const html = await response.text();
  const script = /<script>window\.grafanaBootData = (.*);<\/script>/.exec(html);
  if (response.status !== 200 || !script) {
    throw new Error(`no boot data in ${pagePath}: ${response.status} ${html.slice(0, 200)}`);
  }
  return JSON.parse(script[1]);
}

describe('the host page', () => {
  it('carries boot data with the bundled panel, the app, the data source and the user from the cookie', async () => {
    const data = await bootDataOf('/a/nines-slo-app/slos', `${USER_COOKIE}=viewer`);

    expect(data).toMatchObject({
      settings: {
        appSubUrl: '',
        buildInfo: { version: '12.3.0' },
        featureToggles: {},
        defaultDatasource: 'Prometheus',
        datasources: {
          Prometheus: { uid: 'prometheus', type: 'prometheus', name: 'Prometheus', jsonData: { timeInterval: '1m' } },
        },
        panels: {
          'nines-slo-panel': {
            id: 'nines-slo-panel',
            name: 'Nines SLO',
            module: 'public/plugins/nines-slo-app/panels/slo/module.js',
            baseUrl: 'public/plugins/nines-slo-app/panels/slo',
            info: { logos: { small: 'public/plugins/nines-slo-app/panels/slo/img/logo.svg' } },
          },
        },
        apps: {
          'nines-slo-app': { id: 'nines-slo-app', path: 'public/plugins/nines-slo-app/module.js', preload: false },
        },
      },
      user: { login: 'viewer', orgRole: 'Viewer', isGrafanaAdmin: false, theme: 'dark', timezone: 'utc' },
      navTree: [],
    });
  });

  it('signs the admin in by default and takes the theme from the query', async () => {
    const data = await bootDataOf('/?theme=light');

    expect(data.user).toMatchObject({
      login: 'admin',
      orgRole: 'Admin',
      isGrafanaAdmin: true,
      theme: 'light',
      lightTheme: true,
    });
  });

  it('switches user through /host-login and goes on to the page asked for', async () => {
    const response = await fetch(`${host.url}/host-login?user=editor&redirect=/a/nines-slo-app/slos`, {
      redirect: 'manual',
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/a/nines-slo-app/slos');
    expect((await bootDataOf('/a/nines-slo-app/slos', cookie)).user).toMatchObject({
      login: 'editor',
      orgRole: 'Editor',
    });
  });

  it('serves the built plugin under Grafana’s plugin path and the page files under /host/', async () => {
    const module = await fetch(`${host.url}/public/plugins/nines-slo-app/module.js`);
    const panelJson = await fetch(`${host.url}/public/plugins/nines-slo-app/panels/slo/plugin.json`);
    const page = await fetch(`${host.url}/host/index.html`);
    const outside = await fetch(`${host.url}/public/plugins/nines-slo-app/%2e%2e/%2e%2e/package.json`);

    expect([module.status, module.headers.get('content-type')]).toEqual([200, 'application/javascript; charset=utf-8']);
    expect(await panelJson.json()).toMatchObject({ id: 'nines-slo-panel' });
    expect(await page.text()).toContain('<!--BOOT_DATA-->');
    expect(outside.status).toBe(404);
  });

  it('records every request, with the user who made it', async () => {
    await fetch(`${host.url}/api/user`, { headers: { Cookie: `${USER_COOKIE}=editor` } });

    expect(host.requests.at(-1)).toEqual({ method: 'GET', path: '/api/user', query: {}, status: 200, user: 'editor' });
  });
});
