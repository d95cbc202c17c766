// Opens the database: a PostgreSQL server (DATABASE_URL), or an embedded one in a folder owned by
// this process alone: PostgreSQL from npm (the default) or PGlite. One Prisma client either way,
// migrations applied before it is handed out.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { CONNECT_TIMEOUT_MS, explainConnectionError, safeUrl } from './connection-errors.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { claimFolder, type FolderClaim } from './folder-owner.ts';
import { applyMigrations, pendingMigrations, readMigrations, type Migration, type SqlSession } from './migrate.ts';
import { listenOnPGlite, listenOnPostgres, type RightsChangeFeed } from './rights-changes.ts';

export type Prisma = InstanceType<typeof PrismaClient>;

export type EmbeddedEngine = 'postgres' | 'pglite';

export interface Database {
  kind: 'pglite' | 'postgres';
  /** where the data is, for the log: never holds a password */
  description: string;
  prisma: Prisma;
  /** changes of rights as the database announces them (the rights service's `changes`) */
  changes: RightsChangeFeed;
  /** true when the database answers and every migration is applied; answers within a few seconds */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** a postgres:// URL of a PostgreSQL server */
  url?: string;
  /** an embedded database in a folder, when there is no url; neither means PGlite in memory (tests) */
  embedded?: { engine: EmbeddedEngine; dir: string };
  /** pool size for PostgreSQL */
  poolSize?: number;
  /** PostgreSQL cancels a statement that runs longer (statement_timeout) */
  statementTimeoutMs?: number;
}

/**
 * The embedded engine when EMBEDDED_DATABASE is unset: PostgreSQL from npm, unless ./data holds a
 * PGlite database from an earlier version and no PostgreSQL one, whose data would otherwise seem
 * gone; that one stays on PGlite.
 */
export async function defaultEmbeddedEngine(dataDir: string): Promise<{ engine: EmbeddedEngine; reason?: string }> {
  const has = (file: string) => stat(path.join(dataDir, file)).then(() => true, () => false);
  if ((await has('pglite/PG_VERSION')) && !(await has('postgres'))) {
    return {
      engine: 'pglite',
      reason: `${path.resolve(dataDir, 'pglite')} holds the data of an earlier version, so the app stays on PGlite; set EMBEDDED_DATABASE=pglite to say so`,
    };
  }
  return { engine: 'postgres' };
}

/** Long enough for any query of ours on a large environment; short enough that a stuck one gives its connection back. */
export const STATEMENT_TIMEOUT_MS = 15_000;

/** How long /readyz waits for the database before it reports it unreachable. */
const READY_TIMEOUT_MS = 3_000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrations = await readMigrations();
  if (options.url) return openPostgres(options.url, migrations, options, safeUrl(options.url));
  if (!options.embedded) return openPGlite(undefined, migrations);

  const dir = options.embedded.dir;
  const claim = await claimFolder(dir);
  try {
    if (options.embedded.engine === 'pglite') {
      const db = await openPGlite(dir, migrations);
      return { ...db, close: () => db.close().finally(() => claim.release()) };
    }
    return await openEmbeddedPostgres(dir, claim, migrations, options);
  } catch (err) {
    await claim.release();
    throw err;
  }
}

async function openEmbeddedPostgres(dir: string, claim: FolderClaim, migrations: Migration[], options: DatabaseOptions): Promise<Database> {
  const server = await startEmbeddedPostgres({ dir });
  try {
    const leftover = server.leftover ? `; stopped the server a killed process had left running (pid ${server.leftover})` : '';
    const db = await openPostgres(server.url, migrations, options, `embedded PostgreSQL in ${path.resolve(dir)} (${server.address})${leftover}`);
    return {
      ...db,
      async close() {
        try {
          await db.close();
          await server.stop();
        } finally {
          await claim.release();
        }
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

function pgSession(client: pg.Client): SqlSession {
  return {
    query: (sql, params) => client.query(sql, params) as never,
    exec: async (sql) => void (await client.query(sql)),
  };
}

async function openPostgres(url: string, migrations: Migration[], options: DatabaseOptions, description: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined); // a failed connect also emits it; the rejection below says it all
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw explainConnectionError(err, url);
  }
  try {
    await applyMigrations(pgSession(client), migrations);
  } finally {
    await client.end();
  }
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS,
  });
  const prisma = new PrismaClient({ adapter });
  const changes = await listenOnPostgres(url);
  return {
    kind: 'postgres',
    description,
    prisma,
    changes,
    ready: () => postgresReady(url, migrations),
    async close() {
      await changes.close();
      await prisma.$disconnect();
    },
  };
}

/**
 * A fresh connection (a pool stuck behind slow queries is not an unreachable database), given up
 * after a few seconds: a server that stopped answering never answers the connection's end either,
 * so its socket is destroyed instead of waited for.
 */
async function postgresReady(url: string, migrations: Migration[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: READY_TIMEOUT_MS, statement_timeout: READY_TIMEOUT_MS });
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, READY_TIMEOUT_MS, false);
  });
  const check = (async () => {
    await client.connect();
    return (await pendingMigrations(pgSession(client), migrations)).length === 0;
  })().catch(() => false);
  try {
    return await Promise.race([check, gaveUp]);
  } finally {
    clearTimeout(timer);
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}

async function openPGlite(dir: string | undefined, migrations: Migration[]): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  // pg_trgm: the trigram indexes of the searches (migration search_trigrams)
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (dir) await mkdir(dir, { recursive: true });
  // options in the first argument: PGlite ignores the second one when the first is not a folder (in memory)
  const lite = new PGlite({ dataDir: dir, ...pgliteOptions(PGlite), extensions: { pg_trgm } });
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
  const changes = await listenOnPGlite(lite);
  return {
    kind: 'pglite',
    description: dir ? `embedded PGlite in ${path.resolve(dir)}` : 'PGlite in memory',
    prisma,
    changes,
    async ready() {
      try {
        return (await pendingMigrations(session, migrations)).length === 0;
      } catch {
        return false;
      }
    },
    async close() {
      await changes.close();
      await prisma.$disconnect();
      await lite.close();
    },
  };
}

// 16 MB of shared buffers instead of 128 MB: measured here, PGlite then keeps about 120 MB less
// memory after a restart. startParams replaces PGlite's own, so those come first.
function pgliteOptions(PGlite: { defaultStartParams: string[] }) {
  const sharedBuffers = ['-c', 'shared_buffers=16MB'];
  return { initDbStartParams: sharedBuffers, startParams: [...PGlite.defaultStartParams, ...sharedBuffers] };
}
