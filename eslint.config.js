import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImports = {
  paths: [
    { name: 'electron', message: 'Only electron/main and electron/preload may import electron (HOUSE.md §1).' },
    { name: 'electron-store', message: 'Only electron/main may import electron-store (HOUSE.md §1).' },
  ],
};

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];

const rendererPatterns = [
  { group: ['node:*', ...nodeBuiltins], message: 'The renderer has no Node: talk to core through lib/api.ts.' },
  {
    group: ['knex', 'sqlite3', 'exceljs', 'docx'],
    message: 'The renderer does not touch the database or write files: call core.',
  },
  { group: ['**/electron/**'], message: 'The renderer reaches core only through lib/api.ts.' },
];

/**
 * Lint blocks for the zones of core and the CLI: the runtime borders (no Electron, no UI) plus
 * each zone's own forbidden imports; `knexValues: false` allows `import type` from knex only.
 */
const enumRule = { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a union (HOUSE.md §6).' };

function coreZones(zones) {
  return zones.map(({ files, forbid, knexValues = true }) => ({
    files,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronImports.paths,
            ...(knexValues
              ? []
              : [
                  {
                    name: 'knex',
                    allowTypeImports: true,
                    message: 'SQL lives in repositories/ and db/ (HOUSE.md §7.7).',
                  },
                ]),
          ],
          patterns: [
            { group: ['**/renderer/**', 'react', 'react-dom'], message: 'core and cli do not import the UI.' },
            ...forbid,
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-restricted-syntax': ['error', enumRule],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImports,
          patterns: [
            { group: ['node:*', ...nodeBuiltins], message: 'shared/ runs everywhere: no Node APIs.' },
            {
              group: ['react', 'react-dom', 'ag-grid-*', 'knex', 'sqlite3'],
              message: 'shared/ is pure TypeScript: no UI and no database.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { ...electronImports, patterns: rendererPatterns }],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Layers inside core (HOUSE.md §1): handlers → services → repositories → db; knex values only in
  // repositories/ and db/. Each zone lists everything it may not import (a later block replaces
  // an earlier one's rule for the same file, so every zone repeats the runtime borders).
  ...coreZones([
    { files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'], forbid: [] },
    {
      files: ['electron/core/handlers/**/*.ts', 'electron/core/handlers.ts'],
      forbid: [{ group: ['**/repositories/**', '**/db/**'], message: 'Handlers call services only (HOUSE.md §7.6).' }],
      knexValues: false,
    },
    {
      files: ['electron/core/services/**/*.ts', 'electron/core/context.ts'],
      forbid: [{ group: ['**/handlers/**', '**/handlers'], message: 'Services do not call handlers.' }],
      knexValues: false,
    },
    {
      files: ['electron/core/repositories/**/*.ts'],
      forbid: [
        {
          group: ['**/services/**', '**/handlers/**', '**/handlers', '**/dispatch', '**/context'],
          message: 'Repositories use the database and shared/ only.',
        },
      ],
    },
    {
      files: ['electron/core/db/**/*.ts'],
      forbid: [
        {
          group: ['**/services/**', '**/handlers/**', '**/handlers', '**/repositories/**', '**/dispatch', '**/context'],
          message: 'db/ is the bottom layer: connections, migrations, backups.',
        },
      ],
    },
  ]),
  // One service shape (issue "One house"): handlers hand the context to services and never touch
  // its database (a restore replaces it); services write only through `auditedChange`.
  {
    files: ['electron/core/handlers/**/*.ts', 'electron/core/handlers.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        enumRule,
        {
          selector: "MemberExpression[object.name='ctx'][property.name='db']",
          message: 'Handlers pass the context to a service; they never hold or read its database.',
        },
      ],
    },
  },
  {
    files: ['electron/core/services/**/*.ts'],
    ignores: ['electron/core/services/audited-change.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        enumRule,
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'A write goes through auditedChange (services/audited-change.ts): transaction, audit, data:changed.',
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/**', '**/cli'], message: 'The shell does not import the CLI (HOUSE.md §1).' }] },
      ],
    },
  },
  {
    // features/x never imports features/y: shared pieces live in renderer/components or renderer/lib.
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImports,
          patterns: [
            ...rendererPatterns,
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/',
              message: 'A feature does not import another feature: move the shared piece to components/ or lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // Tests read raw rows whose driver types are loose; asserting a shape there is the point.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
);
