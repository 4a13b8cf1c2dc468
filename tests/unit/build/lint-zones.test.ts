import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Lints a snippet as if it were a file at `file` (type information is not needed by these rules). */
async function messagesFor(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports') || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('the layers are held by lint (HOUSE.md §1, §7)', () => {
  const violations: [string, string, string][] = [
    [
      'electron/core/handlers/x-handlers.ts',
      "import { listRegions } from '../repositories/reference-repository';",
      'Handlers call services only',
    ],
    ['electron/core/handlers/x-handlers.ts', "import knex from 'knex';", 'SQL lives in repositories/'],
    ['electron/core/services/x-service.ts', "import knex from 'knex';", 'SQL lives in repositories/'],
    [
      'electron/core/services/x-service.ts',
      "import { createHandlers } from '../handlers';",
      'Services do not call handlers',
    ],
    [
      'electron/core/repositories/x-repository.ts',
      "import { createPartnership } from '../services/partnerships-service';",
      'Repositories use the database and shared/ only',
    ],
    [
      'electron/core/db/x.ts',
      "import { countRows } from '../repositories/reference-repository';",
      'db/ is the bottom layer',
    ],
    ['electron/main/x.ts', "import { main } from '../cli/main';", 'The shell does not import the CLI'],
    [
      'renderer/features/members/X.tsx',
      "import { RequestForm } from '../requests/RequestForm';",
      'A feature does not import another feature',
    ],
    ['electron/core/services/x-service.ts', "import { app } from 'electron';", 'Only electron/main'],
    ['shared/domain/x.ts', "import fs from 'node:fs';", 'no Node APIs'],
    [
      'electron/core/handlers/x-handlers.ts',
      'export const h = (ctx) => ({ get: (id) => find(ctx.db.knex, id) });',
      'they never hold or read its database',
    ],
    [
      'electron/core/services/x-service.ts',
      'export const save = (ctx) => ctx.db.knex.transaction(async (trx) => trx("t").insert({}));',
      'A write goes through auditedChange',
    ],
  ];

  for (const [file, code, expected] of violations) {
    it(`${file}: ${code}`, async () => {
      const messages = await messagesFor(file, code);
      expect(messages.join('\n')).toContain(expected);
    });
  }

  it('allows what each layer may do', async () => {
    expect(await messagesFor('electron/core/services/x-service.ts', "import type { Knex } from 'knex';")).toEqual([]);
    expect(
      await messagesFor(
        'electron/core/handlers/x-handlers.ts',
        "import { regions } from '../services/registry-service';",
      ),
    ).toEqual([]);
    expect(
      await messagesFor('renderer/features/members/X.tsx', "import { Dialog } from '../../components/dialogs';"),
    ).toEqual([]);
    expect(
      await messagesFor(
        'electron/core/services/x-service.ts',
        'export const save = (ctx) => auditedChange(ctx, ({ trx }) => trx("t").insert({}));',
      ),
    ).toEqual([]);
  });
});
