// authorize keeps decisions in the process and forgets them when the database announces a change
// (the migration rights_changes); on PostgreSQL, while its listening connection is down, it asks the
// database every time.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnPostgres } from '../../src/db/rights-changes.ts';
import { authorize, decisionCache, type RightsDeps } from '../../src/rights/index.ts';
import { backend, openTestDatabase, startDatabaseProxy, type OpenTestDatabase } from '../support/database.ts';
import { seedWorkspace, type Workspace } from '../support/slack-workspace.ts';
import { waitFor } from '../support/wait-for.ts';

let t: OpenTestDatabase;
let ws: Workspace;
beforeAll(async () => {
  t = await openTestDatabase();
  ws = await seedWorkspace(t.deps);
});
afterAll(async () => {
  await t.close();
});

const send = async (deps: RightsDeps, userId: string, organisationId: string) => (await authorize(deps, { user: userId, action: 'document:send', organisationId })).allowed;
const stats = (deps: RightsDeps) => decisionCache(deps.changes)!.stats();

/** a change made behind the rights service's back: only the database's announcement tells the cache */
async function removeMembershipBySql(userId: string, organisationId: string) {
  if (t.url) {
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    await other.query('DELETE FROM "Membership" WHERE "userId" = $1 AND "organisationId" = $2', [userId, organisationId]);
    await other.end();
  } else {
    await t.db.prisma.$executeRaw`DELETE FROM "Membership" WHERE "userId" = ${userId} AND "organisationId" = ${organisationId}`;
  }
}

describe(`decision cache on ${backend}`, () => {
  it('answers from memory, and forgets a decision when the database announces its change', async () => {
    const { users, orgs } = ws;
    expect(t.deps.changes!.live()).toBe(true);
    // (the announcements of the seeding's own changes may still be arriving and emptying it)
    await waitFor(async () => {
      const before = stats(t.deps).hits;
      expect(await send(t.deps, users.orgAdmin.id, orgs.sales.id)).toBe(true);
      return stats(t.deps).hits > before;
    }, { what: 'a decision answered from memory' });
    // by email too, the same user
    expect(await send(t.deps, users.orgAdmin.email, orgs.sales.id)).toBe(true);

    await removeMembershipBySql(users.orgAdmin.id, orgs.sales.id);
    await waitFor(async () => !(await send(t.deps, users.orgAdmin.id, orgs.sales.id)), { what: 'the removed membership to be refused' });
    expect(await send(t.deps, users.orgAdmin.email, orgs.sales.id)).toBe(false);
  });

  it('a change through the rights service is seen by the next decision of the same process at once', async () => {
    const { users } = ws;
    expect((await authorize(t.deps, { user: users.advanced.id, action: 'directory:read' })).allowed).toBe(true);
    expect((await authorize(t.deps, { user: users.advanced.id, action: 'directory:read' })).allowed).toBe(true);
    const { blockUser } = await import('../../src/rights/index.ts');
    await blockUser(t.deps, { userId: users.admin.id }, { userId: users.advanced.id });
    expect((await authorize(t.deps, { user: users.advanced.id, action: 'directory:read' })).allowed).toBe(false);
  });
});

// PGlite's notifications are this process's own: it has no connection to lose.
if (backend === 'postgres') {
  describe('decision cache while the listening connection is down', () => {
    it('asks the database while it cannot hear changes, and uses memory again once it listens', async () => {
      const { users, orgs } = ws;
      const proxy = await startDatabaseProxy(t.url!);
      const changes = await listenOnPostgres(proxy.url, { heartbeatMs: 200 });
      const deps: RightsDeps = { ...t.deps, changes };
      try {
        expect(changes.live()).toBe(true);
        expect(await send(deps, users.basic.id, orgs.sales.id)).toBe(true);
        expect(await send(deps, users.basic.id, orgs.sales.id)).toBe(true);
        expect(stats(deps).hits).toBe(1);

        proxy.freeze(); // the listener's server stops answering: its heartbeat notices
        await waitFor(() => !changes.live(), { what: 'the feed to notice it is not heard' });
        expect(stats(deps).size).toBe(0);
        await removeMembershipBySql(users.basic.id, orgs.sales.id); // announced, but not heard here
        expect(await send(deps, users.basic.id, orgs.sales.id)).toBe(false);
        expect(await send(deps, users.basic.id, orgs.sales.id)).toBe(false);
        expect(stats(deps)).toMatchObject({ hits: 1, bypassed: 2, size: 0 });

        proxy.thaw();
        await waitFor(() => changes.live(), { what: 'the feed to listen again' });
        expect(await send(deps, users.basic.id, orgs.sales.id)).toBe(false);
        expect(await send(deps, users.basic.id, orgs.sales.id)).toBe(false);
        expect(stats(deps).hits).toBe(2);
      } finally {
        await changes.close();
        await proxy.close();
      }
    });
  });
}
