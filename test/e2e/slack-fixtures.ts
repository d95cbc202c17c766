// The database the Slack end-to-end tests run on: PGlite in a temp folder, or a new PostgreSQL
// database. The environments in it are seeded with test/support/slack-workspace.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { createPostgresDatabase } from '../support/database.ts';

export type DbKind = 'pglite' | 'postgres';

export interface TestDatabase {
  kind: DbKind;
  /** the app's working directory (PGlite keeps ./data there) */
  cwd: string;
  /** DATABASE_URL for the app; undefined means PGlite */
  url?: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'econnect-slack-'));
  if (kind === 'pglite') {
    return { kind, cwd, open: () => openDatabase({ dir: path.join(cwd, 'data', 'pglite') }), drop: () => rm(cwd, { recursive: true, force: true }) };
  }
  const pgdb = await createPostgresDatabase('slack_e2e');
  return {
    kind,
    cwd,
    url: pgdb.url,
    open: () => openDatabase({ url: pgdb.url, poolSize: 3 }),
    async drop() {
      await pgdb.drop();
      await rm(cwd, { recursive: true, force: true });
    },
  };
}
