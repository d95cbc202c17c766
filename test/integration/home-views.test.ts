// Who has an App Home open, and the claim that lets one process (of several hearing the same change)
// publish it, no more often than the gap allows, and only when the home is older than the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimHomePublish, homeViewersAffectedBy, markHomePublished, rememberHomeView, setHomePage } from '../../src/rights/index.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { addMember, newActiveUser, newEnvironment, newOrganisation } from '../support/factories.ts';

let t: OpenTestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const GAP = 3_000;

describe('App Home viewers', () => {
  it('are the changed person and the administrators of their environment who opened their home', async () => {
    const { environment, domain, admin } = await newEnvironment(t.deps);
    const olga = await newActiveUser(t.deps, admin, `olga@${domain}`);
    const bob = await newActiveUser(t.deps, admin, `bob@${domain}`);
    const vera = await newActiveUser(t.deps, admin, `vera@${domain}`, 'ADVANCED');
    const org = await newOrganisation(t.deps, admin);
    await addMember(t.deps, admin, { organisationId: org.id, userId: olga.userId, role: 'ADMINISTRATOR' });
    const team = `T${domain}`;
    for (const [slack, userId] of [['UADMIN', admin.userId], ['UOLGA', olga.userId], ['UVERA', vera.userId]] as const) {
      await rememberHomeView(t.deps, { teamId: team, slackUserId: slack, userId, environmentId: environment.id });
    }
    const about = async (userId: string) => (await homeViewersAffectedBy(t.deps, [userId])).map((v) => v.slackUserId).sort();
    // Bob never opened his home; Vera (advanced, no organisation to administer) is not told of Bob
    expect(await about(bob.userId)).toEqual(['UADMIN', 'UOLGA']);
    expect(await about(vera.userId)).toEqual(['UADMIN', 'UOLGA', 'UVERA']);
    const other = await newEnvironment(t.deps);
    expect(await about(other.admin.userId)).toEqual([]);
  });
});

describe('claimHomePublish', () => {
  it('publishes a home older than the change once, waits for the gap, and leaves a newer home alone', async () => {
    const { environment, domain, admin } = await newEnvironment(t.deps);
    const v = { teamId: `T${domain}`, slackUserId: 'UCLAIM' };
    await rememberHomeView(t.deps, { ...v, userId: admin.userId, environmentId: environment.id });
    await setHomePage(t.deps, v, 2);
    const t0 = Date.now();
    // never published: the first claim wins, a second process's claim for the same change does not
    const [a, b] = await Promise.all([claimHomePublish(t.deps, v, t0, GAP, t0 + 1), claimHomePublish(t.deps, v, t0, GAP, t0 + 1)]);
    expect([a, b].filter((c) => c.publish)).toEqual([{ publish: true, page: 2 }]);
    expect([a, b].filter((c) => !c.publish)).toEqual([{ publish: false, retryAt: null }]);
    // a change heard after that publication, within the gap: wait until the gap has passed
    expect(await claimHomePublish(t.deps, v, t0 + 100, GAP, t0 + 200)).toEqual({ publish: false, retryAt: t0 + 1 + GAP });
    expect(await claimHomePublish(t.deps, v, t0 + 100, GAP, t0 + 1 + GAP)).toEqual({ publish: true, page: 2 });
    // a click published the home after the change was heard: nothing to do
    await markHomePublished(t.deps, v, t0 + 10_000);
    expect(await claimHomePublish(t.deps, v, t0 + 9_000, GAP, t0 + 20_000)).toEqual({ publish: false, retryAt: null });
    // nobody opened this one
    expect(await claimHomePublish(t.deps, { teamId: v.teamId, slackUserId: 'UNOBODY' }, t0, GAP)).toEqual({ publish: false, retryAt: null });
  });
});
