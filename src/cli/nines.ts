/**
 * The `nines` executable (bundled to dist-cli/nines.mjs by `npm run build:cli`): binds the CLI to
 * the process, the file system and the network. Everything else lives in modules without them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { main } from './main';
import { EXIT } from './usage';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: async (path, text) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  },
  fetch: (url, init) => fetch(url, init),
  now: () => Date.now(),
}).then(
  (code) => {
    // exitCode, not exit(): stdout may still be flushing a large JSON answer into a pipe.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `nines: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    process.exitCode = EXIT.bug;
  }
);
