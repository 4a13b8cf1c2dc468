/**
 * A second process on the same registry file, as a second window's core, the CLI or a web
 * preview would be: it opens the file through the real context and dispatch and writes.
 * Run with `node --import tsx tests/support/writer-process.ts MODE DB [ARGS…]`; it prints one JSON
 * line per answer so the test can count what was acknowledged.
 *
 * - `notes DB ID COUNT`: COUNT updates of partnership ID's notes ("w1" … "wN"), each reading the
 *   current version first, one after another (what an editor does).
 * - `race DB ID VERSION`: one update of partnership ID made with VERSION, as an editor who loaded
 *   the record before anyone else changed it.
 */
import path from 'node:path';
import { createAppContext, noDialogs } from '../../electron/core/context';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { createMemoryPreferences } from '../../electron/core/preferences-file';

const [mode, db, ...args] = process.argv.slice(2);
if (!mode || !db) throw new Error('usage: writer-process MODE DB ARGS…');

const ctx = await createAppContext({
  databasePath: db,
  resourcesDir: path.resolve(import.meta.dirname, '..', '..', 'resources'),
  appVersion: 'writer',
  preferences: createMemoryPreferences(),
  dialogs: noDialogs,
});
const dispatch = createDispatch(createHandlers(ctx));
const id = Number(args[0]);

if (mode === 'notes') {
  const count = Number(args[1]);
  for (let i = 1; i <= count; i += 1) {
    const current = await dispatch('partnerships:get', { id });
    if (!current.ok) {
      console.log(JSON.stringify({ i, ok: false, code: current.error.code }));
      continue;
    }
    const { version } = current.value as { version: number };
    const answer = await dispatch('partnerships:update', { id, version, changes: { notes: `w${String(i)}` } });
    console.log(JSON.stringify({ i, ok: answer.ok, code: answer.ok ? null : answer.error.code }));
  }
} else if (mode === 'race') {
  // Both racers wait for the same moment so that their transactions overlap.
  const at = Number(args[2]);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
  const answer = await dispatch('partnerships:update', {
    id,
    version: Number(args[1]),
    changes: { notes: `racer ${String(process.pid)}` },
  });
  console.log(JSON.stringify({ ok: answer.ok, code: answer.ok ? null : answer.error.code }));
}
await ctx.close();
