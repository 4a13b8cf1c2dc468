import type { ParseArgsConfig } from 'node:util';

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
};

/** One `twinreg` sub-command. Exit codes: 0 ok, 1 failure, 2 usage error. */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    io: CliIo,
  ) => Promise<number>;
};

export class UsageError extends Error {}
