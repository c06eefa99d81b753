/** `nines validate FILE...`: every problem of the files, or one line per SLO. */
import { DEFAULT_DATASOURCE, parse, readSloFiles, UsageError, type CliIo } from './command';
import { describeSlo, formatProblem } from './sloFiles';
import { EXIT, VALIDATE_USAGE } from './usage';

export async function validate(args: string[], io: CliIo): Promise<number> {
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
