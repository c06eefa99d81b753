/**
 * The `nines` command line: argument parsing and the commands. Node-only (node:util); files,
 * output, the clock and fetch come in through `CliIo`, so tests run it in-process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import type { SloSpec } from '../spec';
import { errorCode, errorMessage } from './errors';
import { evaluateAgainstPrometheus, type Evaluated } from './evaluateAgainst';
import type { FetchLike } from './prometheusApi';
import { formatEvaluation } from './report';
import { describeSlo, formatProblem, loadSloFile, type SloFile } from './sloFiles';
import { parseStep, parseTime } from './time';
import { EVAL_USAGE, EXIT, USAGE, VALIDATE_USAGE } from './usage';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rejects with Node's error (its `code` names the reason) when the file cannot be read. */
  readFile(path: string): Promise<string>;
  fetch: FetchLike;
  now(): number;
}

const DEFAULT_DATASOURCE = 'prometheus';
const DEFAULT_STEP = '60s';

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

class UsageError extends Error {}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs' messages name the option ("Unknown option '--foo'"); its tip about '--' is noise for a typo.
    throw new UsageError(errorMessage(error).split('. To specify')[0]);
  }
}

async function readSloFiles(paths: string[], datasource: string, io: CliIo): Promise<SloFile[]> {
  const options = { datasource: { uid: datasource, type: 'prometheus' } };
  return Promise.all(
    paths.map(async (path): Promise<SloFile> => {
      let text: string;
      try {
        text = await io.readFile(path);
      } catch (error) {
        const reason = READ_ERRORS[errorCode(error)] ?? errorMessage(error);
        return {
          file: path,
          format: null,
          slos: [],
          errors: [{ file: path, path: '', message: `cannot read: ${reason}` }],
          notes: [],
        };
      }
      return loadSloFile(path, text, options);
    })
  );
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    datasource: { type: 'string', default: DEFAULT_DATASOURCE },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(VALIDATE_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new UsageError('give one or more SLO files');
  }
  const files = await readSloFiles(positionals, values.datasource, io);
  const lines: string[] = [];
  for (const file of files) {
    lines.push(...file.errors.map(formatProblem));
    lines.push(...file.notes.map((note) => formatProblem({ ...note, message: `note: ${note.message}` })));
    lines.push(...file.slos.map((slo) => `${file.file}: ${describeSlo(slo)}`));
  }
  io.stdout(lines.map((line) => `${line}\n`).join(''));
  return files.some((file) => file.errors.length > 0) ? EXIT.badInput : EXIT.ok;
}

/** `--prometheus`: an http(s) URL without a trailing slash (a path prefix is kept). */
function prometheusUrl(text: string | undefined): string {
  if (text === undefined) {
    throw new UsageError('--prometheus URL is required, e.g. --prometheus http://localhost:9090');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--prometheus: not a URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--prometheus: must be an http or https URL, got ${text}`);
  }
  return text.replace(/\/+$/, '');
}

interface EvaluatedSlo {
  file: string;
  slo: SloSpec;
  result: Evaluated;
}

function jsonOf(evaluated: EvaluatedSlo[]): string {
  return `${JSON.stringify(
    evaluated.map(({ file, slo, result }) => ({
      file,
      uid: slo.uid,
      name: slo.name,
      service: slo.service,
      queries: result.queries,
      range: result.range,
      series: result.series,
      evaluation: result.evaluation,
    }))
  )}\n`;
}

async function evaluate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    prometheus: { type: 'string' },
    at: { type: 'string' },
    step: { type: 'string', default: DEFAULT_STEP },
    json: { type: 'boolean' },
    datasource: { type: 'string', default: DEFAULT_DATASOURCE },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(EVAL_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new UsageError('give one or more SLO files');
  }
  const url = prometheusUrl(values.prometheus);
  const at = values.at === undefined ? io.now() : parseTime(values.at, io.now());
  if (at === null) {
    throw new UsageError(`--at: not an ISO time, epoch seconds or milliseconds, or now: ${values.at}`);
  }
  const step = parseStep(values.step);
  if (step === null) {
    throw new UsageError(`--step: must be whole seconds, like 60s, 1m or 60, got ${values.step}`);
  }

  const files = await readSloFiles(positionals, values.datasource, io);
  const problems = files.flatMap((file) => file.errors);
  if (problems.length > 0) {
    io.stderr(problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
    return EXIT.badInput;
  }

  const evaluated: EvaluatedSlo[] = [];
  let failures = 0;
  for (const file of files) {
    for (const slo of file.slos) {
      const result = await evaluateAgainstPrometheus({
        slo,
        at,
        step,
        prometheusUrl: url,
        fetch: io.fetch,
        progress: (done, total) => {
          if (total > 1) {
            io.stderr(`fetching ${slo.uid}: ${done}/${total} chunks\n`);
          }
        },
        warn: (message) => io.stderr(`${file.file}: ${slo.uid}: ${message}\n`),
      });
      if (!result.ok) {
        io.stderr(`${file.file}: ${slo.uid}: ${result.message}\n`);
        if (result.unreachable) {
          // Every other SLO would fail the same way.
          return EXIT.unreachable;
        }
        failures++;
        continue;
      }
      evaluated.push({ file: file.file, slo, result });
      if (!values.json) {
        io.stdout(`${formatEvaluation(slo, result)}\n\n`);
      }
    }
  }
  if (values.json) {
    io.stdout(jsonOf(evaluated));
  }
  return failures > 0 ? EXIT.badInput : EXIT.ok;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  validate,
  eval: evaluate,
};

/** Runs the CLI on its arguments (without `node` and the script); resolves with the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === '-h' || command === '--help') {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const run = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (run === undefined) {
    io.stderr(`${command === undefined ? 'nines: give a command' : `nines: unknown command "${command}"`}\n\n${USAGE}`);
    return EXIT.badInput;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`nines ${command}: ${error.message}\nRun 'nines ${command} --help' for usage.\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}
