/**
 * The `nines` command line: picks the command and reports usage errors. Node-only, like the
 * commands; see command.ts for what they are given.
 */
import { UsageError, type CliIo, type Command } from './command';
import { evaluate } from './evalCommand';
import { rules } from './rulesCommand';
import { EXIT, USAGE } from './usage';
import { validate } from './validateCommand';

export type { CliIo } from './command';

const COMMANDS: Record<string, Command> = {
  validate,
  eval: evaluate,
  rules,
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
