/**
 * @jest-environment node
 */
import type { HostServer } from './index';
import { type Client, type Fixture, clientFor, makeFixture, startHost } from './testing';

let fixture: Fixture;
let host: HostServer;
let admin: Client;

beforeAll(async () => {
  fixture = makeFixture();
  host = await startHost(fixture, {
    // A handler whose answer breaks the description: GET /api/org must give an integer id.
    extraRoutes: [
      { method: 'GET', specPath: '/org', handle: () => ({ status: 200, body: { id: 'one', name: 'Main Org.' } }) },
    ],
  });
  admin = clientFor(host.url, 'admin');
});

afterAll(async () => {
  await host.close();
  fixture.remove();
});

const panelModel = { type: 'nines-slo-panel', title: 'Checkout availability' };

describe('the contract check', () => {
  it('accepts a library element create that matches the description', async () => {
    const answer = await admin('POST', '/api/library-elements', {
      folderUid: 'slos',
      name: 'Checkout',
      kind: 1,
      model: panelModel,
    });

    expect(answer.status).toBe(200);
  });

  it('rejects a library element whose model is not an object, naming the field', async () => {
    const answer = await admin('POST', '/api/library-elements', {
      folderUid: 'slos',
      name: 'Bad model',
      kind: 1,
      model: 'text',
    });

    expect(answer).toEqual({
      status: 400,
      body: {
        message: 'host: request does not match api-merged.json: POST /api/library-elements body/model must be object',
      },
    });
    expect(host.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/library-elements',
      status: 400,
      validationError: 'body/model must be object',
    });
  });

  it('rejects a create without kind, which Grafana binds as required', async () => {
    const answer = await admin('POST', '/api/library-elements', {
      folderUid: 'slos',
      name: 'No kind',
      model: panelModel,
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ message: expect.stringContaining("body must have required property 'kind'") });
  });

  it('names the allowed values of an enum', async () => {
    const answer = await admin('POST', '/api/library-elements', {
      folderUid: 'slos',
      name: 'Variable',
      kind: 2,
      model: panelModel,
    });

    expect(answer.body).toEqual({
      message: expect.stringContaining('body/kind must be equal to one of the allowed values (1)'),
    });
  });

  it('rejects a PATCH without version, naming the field', async () => {
    const answer = await admin('PATCH', '/api/library-elements/anything', { kind: 1, name: 'Renamed' });

    expect(answer.body).toEqual({
      message:
        "host: request does not match api-merged.json: PATCH /api/library-elements/anything body must have required property 'version'",
    });
  });

  it('rejects a query parameter of the wrong type', async () => {
    const answer = await admin('GET', '/api/library-elements?perPage=ten');

    expect(answer).toEqual({
      status: 400,
      body: {
        message:
          'host: request does not match api-merged.json: GET /api/library-elements query/perPage must be integer',
      },
    });
  });

  it('rejects a ds/query without its required fields', async () => {
    const answer = await admin('POST', '/api/ds/query', { queries: [] });

    expect(answer.body).toEqual({
      message: expect.stringContaining(
        "body must have required property 'from', body must have required property 'to'"
      ),
    });
  });

  it('checks the ruler against the older description, which lists its paths', async () => {
    const answer = await admin('POST', '/api/ruler/grafana/api/v1/rules/slos', { name: 'g', rules: 'none' });

    expect(answer.body).toEqual({
      message:
        'host: request does not match api-merged.older.json: POST /api/ruler/grafana/api/v1/rules/slos body/rules must be array',
    });
  });

  it('answers 500 when a handler answers what the description does not allow', async () => {
    const answer = await admin('GET', '/api/org');

    expect(answer).toEqual({
      status: 500,
      body: { message: 'host: response does not match api-merged.json: GET /api/org 200 body/id must be integer' },
    });
    expect(host.requests.at(-1)).toMatchObject({
      path: '/api/org',
      status: 500,
      validationError: 'body/id must be integer',
    });
  });

  it('answers 404 Not found for API paths the host lacks, and records them', async () => {
    const answer = await admin('GET', '/api/annotations?x=1');

    expect(answer).toEqual({ status: 404, body: { message: 'Not found' } });
    expect(host.requests.at(-1)).toEqual({
      method: 'GET',
      path: '/api/annotations',
      query: { x: '1' },
      status: 404,
      user: 'admin',
    });
  });

  it('refuses to start with a route that is not an operation of Grafana', async () => {
    const started = startHost(fixture, {
      extraRoutes: [{ method: 'GET', specPath: '/nines/slos', handle: () => ({ status: 200, body: [] }) }],
    });

    await expect(started).rejects.toThrow("host: GET /nines/slos is not an operation of Grafana's API description");
  });
});
