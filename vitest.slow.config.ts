import { defineConfig } from 'vitest/config';

/**
 * The slow tests (kill -9 at random moments of real imports, 20 runs; every agreement template ×
 * layout rendered to PDF by LibreOffice): `npm run test:slow`, part of `npm test` and so of CI, but
 * apart from the quick unit suite a developer runs all day.
 */
export default defineConfig({
  test: {
    include: ['tests/slow/**/*.test.ts'],
    environment: 'node',
    // These runs are on SQLite; the PostgreSQL run is `npm run test:unit:pg` (vitest.pg.config.ts),
    // even when CI has exported the server's address for it.
    env: { TWINREG_TEST_DATABASE_URL: '' },
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
