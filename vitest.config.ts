import { defineConfig } from 'vitest/config';

// unit: pure rules. integration: the rights service, the same files on PGlite and on PostgreSQL.
// slack: each Slack listener in this process (real Bolt app, signed HTTP requests, fake Slack Web
// API, a real database), the same files on PGlite and on PostgreSQL.
// e2e: the app as a process (signed Slack requests, fake Slack Web API, real SMTP, real Chromium).
export default defineConfig({
  test: {
    // the PostgreSQL server the tests use: the one that answers, or one started from npm
    globalSetup: ['test/support/postgres-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration-pglite',
          include: ['test/integration/**/*.test.ts'],
          env: { TEST_DATABASE: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration-postgres',
          include: ['test/integration/**/*.test.ts'],
          env: { TEST_DATABASE: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'slack-pglite',
          include: ['test/slack/**/*.test.ts'],
          env: { TEST_DATABASE: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'slack-postgres',
          include: ['test/slack/**/*.test.ts'],
          env: { TEST_DATABASE: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // the app runs as child processes; two at a time fit a 2-core machine. Runs after the
          // other projects (a project with its own worker count needs its own group).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
