// Opens the database: embedded PGlite (a folder, or memory for tests) when there is no DATABASE_URL,
// PostgreSQL otherwise. One Prisma client either way, migrations applied before it is handed out.
import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyMigrations, pendingMigrations, readMigrations, type SqlSession } from './migrate.ts';

export type Prisma = InstanceType<typeof PrismaClient>;

export interface Database {
  kind: 'pglite' | 'postgres';
  prisma: Prisma;
  /** true when the database answers and every migration is applied */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; unset means PGlite */
  url?: string;
  /** PGlite folder; unset (with no url) means in memory */
  dir?: string;
  /** pool size for PostgreSQL */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrations = await readMigrations();
  if (options.url) {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    const session: SqlSession = {
      query: (sql, params) => client.query(sql, params) as never,
      exec: async (sql) => void (await client.query(sql)),
    };
    try {
      await applyMigrations(session, migrations);
    } finally {
      await client.end();
    }
    const adapter = new PrismaPg({ connectionString: options.url, max: options.poolSize ?? 10 });
    const prisma = new PrismaClient({ adapter });
    return {
      kind: 'postgres',
      prisma,
      async ready() {
        try {
          const c = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 2000 });
          await c.connect();
          try {
            return (await pendingMigrations({ query: (s, p) => c.query(s, p) as never, exec: async (s) => void (await c.query(s)) }, migrations)).length === 0;
          } finally {
            await c.end();
          }
        } catch {
          return false;
        }
      },
      close: () => prisma.$disconnect(),
    };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  if (options.dir) await mkdir(options.dir, { recursive: true });
  const lite = options.dir ? new PGlite(options.dir) : new PGlite();
  await lite.waitReady;
  const session: SqlSession = {
    query: (sql, params) => lite.query(sql, params) as never,
    exec: async (sql) => void (await lite.exec(sql)),
  };
  await applyMigrations(session, migrations);
  // PGlite runs SQL on this thread, and a chain of queries resolves in microtasks: without a pause
  // between queries one long change would keep every incoming HTTP request (and Slack's ack) waiting.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) as never }).$extends({
    query: {
      async $allOperations({ args, query }) {
        await new Promise((resolve) => setImmediate(resolve));
        return query(args);
      },
    },
  }) as unknown as Prisma;
  return {
    kind: 'pglite',
    prisma,
    async ready() {
      try {
        return (await pendingMigrations(session, migrations)).length === 0;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
