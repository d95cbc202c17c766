import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, authorize, removeMember } from '../../src/rights/index.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newActiveUser, newEnvironment, newOrganisation } from '../support/factories.ts';

let t: OpenTestDatabase;
beforeAll(async () => { t = await openTestDatabase(); });
afterAll(async () => { await t?.close(); });

describe('rights service end to end', () => {
  it('invites, activates, adds a member and answers document rights', async () => {
    const { admin, domain } = await newEnvironment(t.deps);
    const bob = await newActiveUser(t.deps, admin, `bob@${domain}`);
    const org = await newOrganisation(t.deps, admin, 'Acme BV');
    expect((await authorize(t.deps, { user: bob.userId, action: 'document:view', organisationId: org.id })).allowed).toBe(false);
    await addMember(t.deps, admin, { organisationId: org.id, userId: bob.userId });
    const yes = await authorize(t.deps, { user: bob.email, action: 'document:send', organisationId: org.id });
    expect(yes).toMatchObject({ allowed: true, userId: bob.userId });
    await removeMember(t.deps, admin, { organisationId: org.id, userId: bob.userId });
    expect((await authorize(t.deps, { user: bob.userId, action: 'document:view', organisationId: org.id })).allowed).toBe(false);
    // the environment administrator created the organisation (rule 4) and is its member
    expect((await authorize(t.deps, { user: admin.userId, action: 'document:view', organisationId: org.id })).allowed).toBe(true);
    const audits = await t.db.prisma.auditEvent.count();
    expect(audits).toBe(6); // environment, invite, activation, organisation, add, remove
  });
});
