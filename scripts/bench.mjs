#!/usr/bin/env node
// `npm run bench`: runs the TypeScript benchmark harness (scripts/bench/) through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
