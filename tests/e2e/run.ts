/**
 * `npm run e2e [-- <jest args>]`: the browser tests against the test host.
 *
 * Builds what is missing (dist/, the host page, the demo traffic), starts Prometheus on the
 * backfill, the host server and one Chromium, runs jest on tests/e2e/**\/*.e2e.ts with their
 * addresses in the environment, then stops everything (also on failure or Ctrl-C). The exit code
 * is jest's, or 1 when the set-up fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import YAML from 'yaml';

import { backfill, DEFAULT_DATA_DIR, hasBackfill, readTrafficIndex } from '../../scripts/traffic/backfill';
import { startPrometheus, type RunningPrometheus } from '../../scripts/traffic/prometheus';
import { createHostServer, type HostServer } from '../host/server';
import { CHROMIUM_ARGS, E2E_ENV } from './env';
import { newestMtime } from './newestMtime';

const root = process.cwd();
const log = (line: string) => process.stderr.write(`e2e: ${line}\n`);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

function builtMode(file: string): string | undefined {
  if (!existsSync(file)) {
    return undefined;
  }
  const info: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const mode: unknown = typeof info === 'object' && info !== null ? Reflect.get(info, 'mode') : undefined;
  return typeof mode === 'string' ? mode : undefined;
}

/**
 * The host page is rebuilt when a source under tests/host/page is newer than the bundle, or the
 * bundle's mode is not the one wanted (HOST_DEV=1: development React).
 */
function ensureHostPage(): void {
  const info = path.join(root, 'tests/host/.build/build.json');
  const sources = path.join(root, 'tests/host/page');
  const wanted = process.env.HOST_DEV === '1' ? 'development' : 'production';
  const upToDate =
    builtMode(info) === wanted && statSync(info).mtimeMs > newestMtime(sources) && process.env.E2E_REBUILD !== '1';
  if (upToDate) {
    return;
  }
  log('building the host page');
  run(process.execPath, ['tests/host/page/build.mjs']);
}

/**
 * The demo's provisioning/ plus one more dashboard provider for tests/e2e/fixtures/dashboards, in
 * tests/e2e/.build/provisioning: the tests see the demo content and their own fixtures.
 */
function provisioningWithFixtures(): string {
  const target = path.join(root, 'tests/e2e/.build/provisioning');
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(root, 'provisioning'), target, { recursive: true });
  const providersFile = path.join(target, 'dashboards/dashboards.yaml');
  const document: unknown = YAML.parse(readFileSync(providersFile, 'utf8'));
  const providers: unknown =
    typeof document === 'object' && document !== null ? Reflect.get(document, 'providers') : [];
  const fixtures = {
    name: 'e2e fixtures',
    orgId: 1,
    folder: 'E2E fixtures',
    folderUid: 'e2e',
    type: 'file',
    options: { path: path.join(root, 'tests/e2e/fixtures/dashboards') },
  };
  const list = Array.isArray(providers) ? [...providers, fixtures] : [fixtures];
  writeFileSync(providersFile, YAML.stringify({ apiVersion: 1, providers: list }));
  return target;
}

async function ensureTraffic(dataDir: string): Promise<number> {
  if (!hasBackfill(dataDir)) {
    log(`no demo traffic in ${dataDir}: backfilling (about a minute)`);
    await backfill({ dataDir, log });
  }
  return readTrafficIndex(dataDir).end;
}

async function main(jestArgs: string[]): Promise<number> {
  const started = Date.now();
  if (!existsSync(path.join(root, 'dist/module.js')) || process.env.E2E_BUILD === '1') {
    log('building the plugin (npm run build)');
    run('npm', ['run', 'build']);
  }
  ensureHostPage();
  const dataDir = process.env.E2E_DATA_DIR ?? DEFAULT_DATA_DIR;
  const now = await ensureTraffic(dataDir);

  let prometheus: RunningPrometheus | undefined;
  let server: HostServer | undefined;
  let browser: BrowserServer | undefined;
  const stopAll = async () => {
    await Promise.allSettled([browser?.close(), server?.close(), prometheus?.stop()]);
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(143)));

  try {
    [prometheus, browser] = await Promise.all([
      startPrometheus({ dataDir, port: 0 }),
      chromium.launchServer({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        headless: true,
      }),
    ]);
    server = await createHostServer({
      port: 0,
      prometheusUrl: prometheus.url,
      now: () => now,
      provisioningDir: provisioningWithFixtures(),
      libraryElementsFile: path.join(root, 'tests/e2e/fixtures/library-elements.json'),
    });
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: host ${server.url}, Prometheus ${prometheus.url}`);

    const env = {
      ...process.env,
      [E2E_ENV.hostUrl]: server.url,
      [E2E_ENV.browserWs]: browser.wsEndpoint(),
      [E2E_ENV.now]: String(now),
    };
    const jest = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/jest/bin/jest.js'),
        '--config',
        'tests/e2e/jest.config.js',
        '--runInBand',
        ...jestArgs,
      ],
      { stdio: 'inherit', cwd: root, env }
    );
    const code = await new Promise<number>((resolve) => jest.on('exit', (status) => resolve(status ?? 1)));

    const mismatches = server.requests.filter((request) => request.validationError);
    for (const request of mismatches) {
      log(`host API contract: ${request.method} ${request.path} ${request.status}: ${request.validationError}`);
    }
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await stopAll();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  }
);
