#!/usr/bin/env node
// The `twinreg` command: runs the TypeScript CLI through tsx, so it is always the current source.
import { register } from 'tsx/esm/api';

register();
// Output piped into a reader that stops early (`twinreg import history | head`) ends the command
// quietly, as other command-line tools do, instead of with a stack trace (walkthrough 20).
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
