/**
 * Documents per second of the agreement generator: one template and language (partnership,
 * Czech–German, parallel), model + DOCX bytes, in memory. Prints the figure; asserts nothing.
 *
 *   npx tsx scripts/agreements-bench.ts [count] [template] [language] [layout]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, noDialogs } from '../electron/core/context';
import { createMemoryPreferences } from '../electron/core/preferences-file';
import { agreementDefaults, buildAgreement } from '../electron/core/services/agreements/agreements-service';
import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES } from '../shared/domain/codes';
import { PARTNER_LANGUAGES } from '../shared/domain/agreements/model';

const [countArg, templateArg, languageArg, layoutArg] = process.argv.slice(2);
const count = Math.max(1, Number(countArg ?? 200) || 200);
const template = AGREEMENT_TEMPLATES.find((t) => t === templateArg) ?? 'partnership';
const language = PARTNER_LANGUAGES.find((l) => l === languageArg) ?? 'de';
const layout = AGREEMENT_LAYOUTS.find((l) => l === layoutArg) ?? 'parallel';

const dir = mkdtempSync(path.join(os.tmpdir(), 'twinreg-bench-agreements-'));
const ctx = await createAppContext({
  databasePath: path.join(dir, 'registry.db'),
  resourcesDir: path.resolve(import.meta.dirname, '..', 'resources'),
  appVersion: 'bench',
  preferences: createMemoryPreferences(),
  dialogs: noDialogs,
  seedDemoIfEmpty: true,
});
try {
  const row = await ctx.db.knex('partnerships').orderBy('id').first<{ id: number }>('id');
  const { request } = await agreementDefaults(ctx, { partnershipId: row.id });
  const job = { ...request, template, language, layout };
  for (let i = 0; i < 5; i += 1) await buildAgreement(ctx, job); // warm-up (library load, JIT)
  let bytes = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) bytes += (await buildAgreement(ctx, job)).bytes.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `agreements: ${count} × ${template} cs+${language} ${layout}: ${(count / seconds).toFixed(1)} documents/s, ` +
      `${((seconds / count) * 1000).toFixed(1)} ms each, ${Math.round(bytes / count / 1024)} KiB each`,
  );
} finally {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
