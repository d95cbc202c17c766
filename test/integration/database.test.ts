// The database handle itself: readiness, and on PostgreSQL the statement timeout every pooled
// connection carries, so a runaway query gives its connection back instead of holding it.
// (PGlite runs SQL on the app's thread and has no statement timeout.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, STATEMENT_TIMEOUT_MS } from '../../src/db/database.ts';
import { backend, openTestDatabase, type OpenTestDatabase } from '../support/database.ts';

describe(`the database on ${backend}`, () => {
  let t: OpenTestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is ready once every migration is applied', async () => {
    expect(await t.db.ready()).toBe(true);
    await t.db.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`);
    expect(await t.db.ready()).toBe(false);
    await t.db.prisma.$executeRawUnsafe('UPDATE "_prisma_migrations" SET rolled_back_at = NULL');
    expect(await t.db.ready()).toBe(true);
  });

  if (backend === 'postgres') {
    it(`pooled connections carry a statement timeout of ${STATEMENT_TIMEOUT_MS / 1000} s`, async () => {
      const [row] = await t.db.prisma.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
      expect(row!.statement_timeout).toBe(`${STATEMENT_TIMEOUT_MS / 1000}s`);
    });

    it('a statement that runs past the timeout is cancelled by PostgreSQL, and the pool goes on working', async () => {
      const short = await openDatabase({ url: t.url!, poolSize: 1, statementTimeoutMs: 200 });
      try {
        await expect(short.prisma.$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow(/statement timeout/);
        expect(await short.prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      } finally {
        await short.close();
      }
    });
  }
});
