/**
 * Starts the real Prometheus (Debian's package) on a backfilled TSDB, for development and tests.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { tsdbPathOf } from './backfill';

export interface PrometheusOptions {
  /** The data directory of `backfill`: the TSDB is `<dataDir>/prometheus`. */
  dataDir: string;
  /** 0 picks a free port. Default 9090. */
  port?: number;
  host?: string;
  /** Default $PROMETHEUS_BIN or /usr/bin/prometheus. */
  binary?: string;
  /** `file`: Prometheus' output goes to `<dataDir>/prometheus.log` (default); `inherit`: to ours. */
  output?: 'file' | 'inherit';
  readyTimeoutMs?: number;
}

export interface RunningPrometheus {
  url: string;
  pid: number;
  logFile: string | null;
  /** Stops Prometheus (SIGTERM, then SIGKILL after 10 s) and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Far above the backfilled span: the default 15d would delete most of a 35-day backfill shortly
 * after start-up.
 */
export const RETENTION = '400d';

/** No scrape targets: the TSDB then holds only the backfilled demo traffic. */
const CONFIG = `# Written by scripts/traffic/prometheus.ts. No scrape targets: the TSDB holds only the backfill.
global:
  scrape_interval: 1m
  evaluation_interval: 1m
`;

export function prometheusBinary(): string {
  return process.env.PROMETHEUS_BIN || '/usr/bin/prometheus';
}

/** Resolves with the port when it is free on the host, or rejects. */
function listenOnce(host: string, port: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolvePromise(chosen));
    });
  });
}

/** A port that was free a moment ago (another process could still take it before Prometheus does). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return listenOnce(host, 0);
}

function delay(millis: number): Promise<void> {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, millis));
}

function tail(path: string | null, lines = 20): string {
  if (path === null || !existsSync(path)) {
    return '';
  }
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolvePromise();
    } else {
      child.once('exit', () => resolvePromise());
    }
  });
}

export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const host = options.host ?? '127.0.0.1';
  const binary = options.binary ?? prometheusBinary();
  if (binary.includes('/') && !existsSync(binary)) {
    throw new Error(
      `Prometheus not found at ${binary}: install Debian's prometheus package (apt-get install -y prometheus) or set PROMETHEUS_BIN`
    );
  }
  const requested = options.port ?? 9090;
  let port: number;
  try {
    port = await listenOnce(host, requested);
  } catch (error) {
    // Without this check, /-/ready of whatever already listens there would look like success.
    throw new Error(`cannot listen on ${host}:${requested}: ${error instanceof Error ? error.message : String(error)}`);
  }

  const dataDir = resolve(options.dataDir);
  const tsdbPath = tsdbPathOf(dataDir);
  mkdirSync(tsdbPath, { recursive: true });
  const configPath = join(dataDir, 'prometheus.yml');
  writeFileSync(configPath, CONFIG);
  const logFile = options.output === 'inherit' ? null : join(dataDir, 'prometheus.log');
  const logFd = logFile === null ? null : openSync(logFile, 'w');
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const child = spawn(
    binary,
    [
      `--config.file=${configPath}`,
      `--storage.tsdb.path=${tsdbPath}`,
      `--storage.tsdb.retention.time=${RETENTION}`,
      `--web.listen-address=${host.includes(':') ? `[${host}]` : host}:${port}`,
    ],
    { stdio: logFd === null ? 'inherit' : ['ignore', logFd, logFd] }
  );
  if (logFd !== null) {
    closeSync(logFd); // the child holds its own copy
  }
  let spawnError: Error | null = null;
  child.once('error', (error) => (spawnError = error));
  // Never leave a Prometheus behind when this process ends without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (spawnError !== null || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      const reason = spawnError !== null ? String(spawnError) : `exited with ${child.exitCode ?? child.signalCode}`;
      throw new Error(`Prometheus ${reason} before it was ready\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prometheus was not ready at ${url} in time\n${tail(logFile)}`);
    }
    await delay(100);
  }
  return { url, pid: child.pid ?? -1, logFile, stop };
}
