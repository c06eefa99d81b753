/**
 * Runs the real promtool (Debian's prometheus package). The tests never skip: CI installs it, and
 * a missing binary fails them with the command that installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function promtoolPath(): string {
  return process.env.PROMTOOL_BIN || '/usr/bin/promtool';
}

export function requirePromtool(): string {
  const path = promtoolPath();
  if (!existsSync(path)) {
    throw new Error(
      `promtool is missing at ${path}: install Debian's prometheus package (apt-get install -y prometheus) ` +
        'or set PROMTOOL_BIN. These tests check the rules with the real tool and do not skip.'
    );
  }
  return path;
}

export interface PromtoolRun {
  status: number | null;
  output: string;
}

export function promtool(args: string[], cwd: string): PromtoolRun {
  const run = spawnSync(requirePromtool(), args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (run.error) {
    throw run.error;
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export function temporaryDirectory(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
