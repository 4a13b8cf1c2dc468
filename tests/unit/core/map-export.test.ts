import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

const outDir = tempDir('twinreg-map-out-');
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ dialogs: createFolderDialogs(outDir) });
});
afterAll(async () => {
  await app.cleanup();
});

const SVG =
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="96" height="64" viewBox="0 0 96 64">' +
  '<rect width="96" height="64" fill="#eaf1f8"/><path d="M10 10 L80 10 L80 50 Z" fill="rgb(29, 95, 168)"/>' +
  '<text x="5" y="60" font-family="sans-serif" font-size="8">Žďár</text></svg>\n';

describe('map:export', () => {
  it('writes the SVG as it is and the PNG rasterised at twice its size', async () => {
    const svg = await ok<{ filePath: string }>(
      app.dispatch('map:export', { format: 'svg', svg: SVG, fileName: 'mapa-partnerstvi-2026-12-02' }),
    );
    expect(path.basename(svg.filePath)).toBe('mapa-partnerstvi-2026-12-02.svg');
    expect(readFileSync(svg.filePath, 'utf8')).toBe(SVG);

    const png = await ok<{ filePath: string }>(
      app.dispatch('map:export', { format: 'png', svg: SVG, fileName: 'mapa-partnerstvi-2026-12-02' }),
    );
    const bytes = readFileSync(png.filePath);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBe(192);
    expect(bytes.readUInt32BE(20)).toBe(128);
  });

  it('refuses what is not an SVG document and writes nothing', async () => {
    for (const svg of ['<html><body>map</body></html>', '<svg><rect/></svg><script>alert(1)</script>', 'x']) {
      const result = await app.dispatch('map:export', { format: 'png', svg, fileName: 'bad' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
    expect(existsSync(path.join(outDir, 'bad.png'))).toBe(false);
  });
});
