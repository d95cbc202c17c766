// An in-memory PGlite database opened the way src/db/database.ts opens it (same migrations, same
// adapter), keeping the PGlite instance so the benchmark can also query it by hand.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Database } from '../../src/db/database.ts';
import { applyMigrations, readMigrations } from '../../src/db/migrate.ts';
import { listenOnPGlite } from '../../src/db/rights-changes.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';

export async function openPGlite(): Promise<{ db: Database; lite: PGlite }> {
  const lite = new PGlite({ extensions: { pg_trgm } });
  await lite.waitReady;
  await applyMigrations({ query: (sql, params) => lite.query(sql, params) as never, exec: async (sql) => void (await lite.exec(sql)) }, await readMigrations());
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) as never });
  const changes = await listenOnPGlite(lite);
  const db: Database = {
    kind: 'pglite',
    description: 'PGlite in memory',
    prisma,
    changes,
    ready: async () => true,
    async close() {
      await changes.close();
      await prisma.$disconnect();
      await lite.close();
    },
  };
  return { db, lite };
}
