#!/usr/bin/env node
// The `twinreg` command: runs the TypeScript CLI through tsx, so it is always the current source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
