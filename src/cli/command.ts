/**
 * What every command shares: the IO it is given, usage errors, argument parsing and reading SLO
 * files. Node-only (node:util); files, output, the clock and fetch come in through `CliIo`, so
 * tests run the CLI in-process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { errorCode, errorMessage } from './errors';
import type { FetchLike } from './prometheusApi';
import { loadSloFile, type SloFile } from './sloFiles';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rejects with Node's error (its `code` names the reason) when the file cannot be read. */
  readFile(path: string): Promise<string>;
  /** Writes a file, creating its directory; rejects like readFile. */
  writeFile(path: string, text: string): Promise<void>;
  fetch: FetchLike;
  now(): number;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** A mistake in the arguments: main prints it with a pointer to the command's help, exit 1. */
export class UsageError extends Error {}

export const DEFAULT_DATASOURCE = 'prometheus';

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

/** Node's reason for a failed file operation, in a few words. */
export function fileErrorReason(error: unknown): string {
  return READ_ERRORS[errorCode(error)] ?? errorMessage(error);
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs' messages name the option ("Unknown option '--foo'"); its tip about '--' is noise for a typo.
    throw new UsageError(errorMessage(error).split('. To specify')[0]);
  }
}

export async function readSloFiles(paths: string[], datasource: string, io: CliIo): Promise<SloFile[]> {
  const options = { datasource: { uid: datasource, type: 'prometheus' } };
  return Promise.all(
    paths.map(async (path): Promise<SloFile> => {
      let text: string;
      try {
        text = await io.readFile(path);
      } catch (error) {
        return {
          file: path,
          format: null,
          slos: [],
          errors: [{ file: path, path: '', message: `cannot read: ${fileErrorReason(error)}` }],
          notes: [],
        };
      }
      return loadSloFile(path, text, options);
    })
  );
}

/** An http(s) URL flag, without a trailing slash (a path prefix is kept). */
export function httpUrl(flag: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${flag}: not a URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${flag}: must be an http or https URL, got ${text}`);
  }
  return text.replace(/\/+$/, '');
}
