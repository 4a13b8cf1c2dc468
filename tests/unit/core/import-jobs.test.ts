import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { startWebServer, type WebServer } from '../../../electron/cli/web-server';
import { CSU_HEADER, csuRows, toCsv } from '../../support/import-corpus';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => app.cleanup());

const count = async () => Number((await app.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);

/** Writes a municipalities file of `rows` rows, opens it as a dropped file and previews it. */
async function previewMunicipalities(name: string, rows: number) {
  const file = path.join(app.dir, name);
  writeFileSync(file, toCsv([CSU_HEADER, ...csuRows(rows)], ';'));
  const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
  const report = await ok<ImportReport>(app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }));
  return { handle, report };
}

describe('import jobs', () => {
  it('reports progress and, cancelled while writing, rolls back entirely', async () => {
    const { report } = await previewMunicipalities('big.csv', 20_000);
    const phases: string[] = [];
    app.ctx.emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      if (event !== 'job:progress') return;
      const progress = payload as EventPayload<'job:progress'>;
      phases.push(progress.phase);
      // Stop once part of the rows is already written inside the transaction.
      if (progress.phase === 'write' && progress.done > 5000)
        void app.dispatch('jobs:cancel', { jobId: report.previewId });
    };
    const result = await app.dispatch('import:commit', { previewId: report.previewId });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(phases).toContain('backup');
    expect(phases).toContain('write');
    expect(await count()).toBe(0);
    expect(await app.ctx.db.knex('regions').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 0 }]);
    // The same preview can still be imported afterwards.
    app.ctx.emit = () => undefined;
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    expect(await count()).toBe(20_000);
  });

  it('an imported file is not kept for the rest of the session; its preview is gone', async () => {
    const { handle, report } = await previewMunicipalities('obce.csv', 50);
    expect(app.ctx.session.importPreviews.size).toBe(1);
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    expect(await count()).toBe(50);
    expect(app.ctx.session.importPreviews.size).toBe(0);
    expect(await app.dispatch('import:commit', { previewId: report.previewId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { reason: 'import.error.gone' } },
    });
    // The same file previewed again imports nothing twice.
    const again = await ok<ImportReport>(app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }));
    expect(again.counts).toMatchObject({ add: 0, unchanged: 50 });
    expect(await count()).toBe(50);
  });

  it('the bridge takes uploads only with the token, within the size limit, and answers a handle, never a path', async () => {
    const server: WebServer = await startWebServer({ dispatch: app.dispatch, staticDir: app.dir });
    try {
      const url = `http://127.0.0.1:${String(server.port)}/api/upload`;
      const body = toCsv([CSU_HEADER, ...csuRows(2)], ';');
      const denied = await fetch(url, { method: 'POST', body });
      expect(denied.status).toBe(401);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'x-twinreg-token': server.token, 'x-file-name': encodeURIComponent('../../obce č.csv') },
        body,
      });
      const uploaded = (await response.json()) as { ok: true; value: { file: string; fileName: string } };
      expect(uploaded.value.file).toMatch(/^upload:[0-9a-f]{32}$/);
      const report = await ok<ImportReport>(
        app.dispatch('import:preview', { kind: 'municipalities', file: uploaded.value.file }),
      );
      expect(report.counts.add).toBe(2);
      expect(report.fileName).toBe('.._.._obce č.csv');
      const tooLarge = await fetch(url, {
        method: 'POST',
        headers: { 'x-twinreg-token': server.token },
        body: new Uint8Array(51 * 1024 * 1024),
      }).catch(() => null);
      expect(tooLarge === null || tooLarge.status === 413).toBe(true);
    } finally {
      await server.close();
    }
  });
});
