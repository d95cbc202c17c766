// Vitest global setup: the PostgreSQL server the tests create their databases on. When a server
// answers at TEST_POSTGRES_URL (or postgres://postgres@127.0.0.1:5432), the tests use it; otherwise
// they start a real PostgreSQL from npm (the app's own embedded server code) in a temporary folder,
// on a free loopback port with a random password, and stop it afterwards. Either way the run says
// which one it uses. Workers and app processes under test get its URL as TEST_POSTGRES_URL.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { safeUrl } from '../../src/db/connection-errors.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { postgresServerUrl } from './database.ts';

async function answers(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // the unit tests alone need no server
  if (project.vitest.projects.every((p) => p.name === 'unit')) return undefined;
  const configured = postgresServerUrl();
  const version = await answers(configured);
  if (version) {
    console.log(`PostgreSQL for the tests: the server at ${safeUrl(configured)} (PostgreSQL ${version})`);
    return undefined;
  }
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'econnect-test-postgres-'));
  await chmod(dir, 0o755); // under root the server runs as another user, who must enter it
  // a server for parallel test files, each with its own database and pool
  const server = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), listen: 'tcp', settings: { max_connections: '300', fsync: 'off' } });
  process.env.TEST_POSTGRES_URL = server.url;
  console.log(
    `PostgreSQL for the tests: nothing answers at ${safeUrl(configured)}, so a PostgreSQL ${await answers(server.url)} from npm ` +
      `was started at ${server.address} in ${((performance.now() - started) / 1000).toFixed(1)} s (folder ${dir}); it is stopped after the run`,
  );
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
