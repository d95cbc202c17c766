// A database that does not answer, through the running app: start-up stops with one line naming
// DATABASE_URL and what went wrong (no stack trace, no password), and /readyz reports a database
// that stopped answering without hanging.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { freePort, startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, postgresServerUrl, startDatabaseProxy, startSilentServer, type DatabaseProxy, type TestDatabase } from '../support/database.ts';
import { waitFor } from '../support/wait-for.ts';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'econnect-unavailable-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** Starts the app on `url` and returns what it printed before it stopped. */
async function failedStart(url: string): Promise<string> {
  const started = performance.now();
  const outcome = await startApp({ env: { DATABASE_URL: url, LOG_LEVEL: 'info' }, cwd }).then(
    async (app) => {
      await app.stop();
      return undefined;
    },
    (e: Error) => e.message,
  );
  expect(outcome, 'the app started').toBeDefined();
  expect(outcome).toMatch(/^the app exited with 1 during start-up:\n/);
  console.log(`start-up stopped after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return outcome!.replace(/^the app exited with 1 during start-up:\n/, '');
}

function expectOneLine(output: string, reason: RegExp) {
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(lines[0]).toMatch(/^Start-up failed: DATABASE_URL: cannot use the database at postgres(ql)?:\/\/[^ ]+: /);
  expect(lines[0]).toMatch(reason);
}

describe('start-up on a database that does not answer', () => {
  it('a port that accepts connections and never answers', async () => {
    const silent = await startSilentServer();
    try {
      const said = await failedStart(`postgres://postgres@127.0.0.1:${silent.port}/rights`);
      expectOneLine(said, new RegExp(`127\\.0\\.0\\.1:${silent.port} accepted the connection but did not answer within 8 s`));
    } finally {
      await silent.close();
    }
  });

  it('a refused port', async () => {
    const port = await freePort();
    expectOneLine(await failedStart(`postgres://postgres@127.0.0.1:${port}/rights`), new RegExp(`nothing accepts connections at 127\\.0\\.0\\.1:${port} \\(connection refused\\)`));
  });

  it('an unknown host', async () => {
    expectOneLine(await failedStart('postgres://postgres@db.invalid:5432/rights'), /the host name of db\.invalid:5432 is unknown/);
  });

  it('an unknown database', async () => {
    const url = new URL(postgresServerUrl());
    const name = `missing_${randomBytes(4).toString('hex')}`;
    url.pathname = `/${name}`;
    expectOneLine(await failedStart(url.toString()), new RegExp(`the database "${name}" does not exist on `));
  });

  describe('bad credentials', () => {
    // the test server may trust everyone (as the machine's own does): this one asks for a password
    let dir: string;
    let server: EmbeddedPostgres;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'econnect-password-'));
      await chmod(dir, 0o755); // under root the server runs as another user
      server = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), listen: 'tcp' });
    });
    afterAll(async () => {
      await server?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('a wrong password is named as such and never printed', async () => {
      const url = new URL(server.url);
      url.password = 'wrong-horse-battery';
      const said = await failedStart(url.toString());
      expectOneLine(said, /refused the password of user "postgres": correct the user or password\.$/);
      expect(said).not.toContain('wrong-horse-battery');
    });
  });
});

describe('a database that stops answering while the app runs', () => {
  let database: TestDatabase;
  let proxy: DatabaseProxy;
  let app: AppProcess;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', 'unavailable');
    proxy = await startDatabaseProxy(database.url!);
    app = await startApp({ env: { DATABASE_URL: proxy.url, LOG_LEVEL: 'info' }, cwd: database.cwd });
  });
  afterAll(async () => {
    proxy?.thaw();
    await app?.stop();
    await proxy?.close();
    await database?.drop();
  });

  /** /readyz must answer, whatever the database does. */
  async function readyz(): Promise<number> {
    return (await fetch(`${app.baseUrl}/readyz`, { signal: AbortSignal.timeout(10_000) })).status;
  }

  async function waitForReadyz(status: number) {
    await waitFor(async () => (await readyz()) === status, { what: `/readyz answering ${status}`, timeout: 30_000, interval: 200 });
  }

  it('/readyz answers 503 while the database is silent, and 200 once it answers again', async () => {
    expect(await readyz()).toBe(200);
    proxy.freeze();
    await waitForReadyz(503);
    const body = await (await fetch(`${app.baseUrl}/readyz`, { signal: AbortSignal.timeout(10_000) })).json();
    expect(body).toEqual({ ok: false, database: 'unreachable or migrations pending' });
    proxy.thaw();
    await waitForReadyz(200);
  });
});
