// A fresh database per test file: PGlite in memory, or a new PostgreSQL database on the machine's
// server (postgres://postgres@127.0.0.1:5432, or TEST_POSTGRES_URL), dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { defaultOptions, type RightsDeps, type RightsOptions } from '../../src/rights/index.ts';

export type Backend = 'pglite' | 'postgres';

export const backend: Backend = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

export const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  deps: RightsDeps;
  /** set for PostgreSQL: the URL of this file's own database */
  url?: string;
  close(): Promise<void>;
}

/** Creates an empty PostgreSQL database and returns its URL and a function that drops it. */
export async function createPostgresDatabase(prefix = 'test'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: postgresAdminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(options: Partial<RightsOptions> = {}, which: Backend = backend): Promise<TestDatabase> {
  const rightsOptions = { ...defaultOptions, ...options };
  if (which === 'postgres') {
    const pgdb = await createPostgresDatabase();
    const db = await openDatabase({ url: pgdb.url, poolSize: 20 });
    return {
      db,
      url: pgdb.url,
      deps: { prisma: db.prisma, options: rightsOptions },
      async close() {
        await db.close();
        await pgdb.drop();
      },
    };
  }
  const db = await openDatabase({});
  return { db, deps: { prisma: db.prisma, options: rightsOptions }, close: () => db.close() };
}
