import { defineConfig } from 'vitest/config';
import { LOCALE_REGISTRY } from './shared/registry/locales.ts';
import { embedChoices } from './widget/embed-choices.ts';

// Projects: pure logic in node; the server suite twice, once per database, over real HTTP; and the
// browser suite in real Chromium against the real server (it builds the widget first).
// A missing PostgreSQL or Chromium fails its project; nothing is skipped.
export default defineConfig({
  test: {
    projects: [
      {
        // What the widget build writes into its first-load files (widget/vite-builds.ts), for the unit tests
        // that run the widget's runtime from source.
        define: {
          __WIDGET_LOCALES__: JSON.stringify(LOCALE_REGISTRY.map((l) => l.code)),
          __WIDGET_CHOICES__: JSON.stringify(embedChoices()),
        },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          // A few unit files start an in-memory server (PGlite) or run a type check: on a loaded 2-core
          // machine that exceeds vitest's 5 s / 10 s defaults without anything being wrong.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-pglite',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          env: { TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          env: { TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
