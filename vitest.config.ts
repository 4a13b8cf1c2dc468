import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    environment: 'node',
    // These runs are on SQLite; the PostgreSQL run is `npm run test:unit:pg` (vitest.pg.config.ts),
    // even when CI has exported the server's address for it.
    env: { TWINREG_TEST_DATABASE_URL: '' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
