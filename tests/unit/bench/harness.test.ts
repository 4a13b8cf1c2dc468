import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../../scripts/bench/main';
import { renderTable, renderVerdicts } from '../../../scripts/bench/table';
import { tempDir } from '../../support/temp-db';

// A smoke test of the benchmark harness at a tiny scale and one run: it proves that every figure
// runs end to end (or says clearly that its feature is not built); it asserts no timing at all.
describe('benchmark harness', () => {
  it('runs every figure at a tiny custom scale and writes the JSON report', async () => {
    const dir = tempDir('twinreg-bench-test-');
    const jsonPath = path.join(dir, 'bench.json');
    try {
      const report = await runBench({
        scales: [{ name: 'custom', size: { municipalities: 40, partnerships: 30, activities: 60 } }],
        runs: 1,
        seed: 1,
        browser: false,
        inProcess: true,
        jsonPath,
        log: () => undefined,
      });
      expect(existsSync(jsonPath)).toBe(true);
      const saved = JSON.parse(readFileSync(jsonPath, 'utf8')) as typeof report;
      expect(saved.results).toHaveLength(1);
      const figures = report.results[0]?.figures ?? [];
      const ids = figures.map((figure) => figure.id);
      for (const id of [
        'import',
        'load-partnerships',
        'load-members',
        'stats',
        'stats-export',
        'agreements',
        'export-xlsx',
        'browser-open',
        'browser-search',
        'cold-start-bytes',
        'cold-start-rows',
        'memory',
      ]) {
        expect(ids).toContain(id);
      }
      // Nothing fails: a figure is measured, or n/a with the reason.
      for (const figure of figures) {
        expect(figure.status, `${figure.id}: ${figure.note ?? ''}`).not.toBe('error');
        if (figure.status === 'n/a') expect(figure.note).toBeTruthy();
        if (figure.status === 'ok') expect(figure.value?.runs.length).toBeGreaterThan(0);
      }
      // The raw-insert baseline is always measured, and the members data always loads.
      expect(figures.find((f) => f.id === 'import')?.baseline?.median).toBeGreaterThan(0);
      expect(figures.find((f) => f.id === 'load-members')?.extra?.rows).toBe(40);
      const table = renderTable(report.results);
      expect(table).toContain('1 Import municipalities CSV');
      expect(table).toContain('custom');
      expect(renderVerdicts(report.results)).toContain('Not measured');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
