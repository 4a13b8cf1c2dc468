import { parseArgs } from 'node:util';
import { AppError } from '../../shared/domain/errors';
import { knownFailure } from '../core/dispatch';
import { UsageError, type CliIo } from './command';

/** The first line of a message, at most 300 characters. */
const brief = (message: string): string => {
  const line = message.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
};
import { COMMANDS } from './commands/index';

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function help(io: CliIo): void {
  io.out('twinreg: the command line of Twinning Registry');
  io.out('');
  io.out('Usage: twinreg <command> [options]');
  io.out('');
  for (const command of COMMANDS) io.out(`  ${command.name.padEnd(12)} ${command.summary}`);
  io.out('');
  io.out('A registry is a file (--db FILE) or a registry on a PostgreSQL server');
  io.out('(--db postgres://user@host:port/database, or the DATABASE_URL variable).');
  io.out('');
  io.out('Run `twinreg <command> --help` for the options of a command.');
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command: ${name}`);
    help(io);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    const parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    return await command.run(
      { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals },
      io,
    );
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(`Error (${error.code}): ${brief(error.message)}`);
      return 1;
    }
    // A locked, full or read-only database is said in words; any other failure by its first line
    // only (a driver's message can carry a whole SQL statement).
    const known = knownFailure(error);
    if (known) {
      io.err(`Error (${known.code}): ${known.message}`);
      return 1;
    }
    io.err(`Error: ${brief(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}
