// A scale's worker (main.ts): bundled by esbuild as the app's core is (build-shell.mjs), then run
// by plain Node, so that figure 7 samples the core as it ships, not the TypeScript loader's copy
// of every source file and its compiled text (~60 MB, measured).
import { readFileSync, writeFileSync } from 'node:fs';
import { runScale } from './worker';
import type { ScaleSpec } from './types';

const specPath = process.argv[2];
if (specPath === undefined) throw new Error('usage: worker-entry <spec.json>');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as ScaleSpec;
writeFileSync(spec.resultPath, JSON.stringify(await runScale(spec, (message) => process.stderr.write(`${message}\n`))));
