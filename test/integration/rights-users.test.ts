// Environment roles and statuses: set role, block, unblock, remove (rules 1, 8, 9).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, authorize, blockUser, removeUser, setRole, unblockUser, type RightsDeps } from '../../src/rights/index.ts';
import { allActions } from '../../src/rights/policy.ts';
import { hashToken } from '../../src/rights/secrets.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newActiveUser, newEnvironment, newOrganisation } from '../support/factories.ts';
import { expectOneAudit, expectRefusedUnchanged } from './rights-support.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
beforeAll(async () => { t = await openTestDatabase(); deps = t.deps; });
afterAll(async () => { await t?.close(); });

async function openSession(userId: string) {
  return deps.prisma.session.create({ data: { userId, tokenHash: hashToken(randomBytes(32).toString('base64url')), expiresAt: new Date(Date.now() + 3600_000) } });
}

/** Every decision authorize gives the user, on one organisation. */
async function rights(userId: string, organisationId: string) {
  const out: Record<string, boolean> = {};
  for (const action of allActions) out[action] = (await authorize(deps, { user: userId, action, organisationId })).allowed;
  return out;
}

describe('set role (rule 1)', () => {
  it('an Administrator changes roles; the change is audited once and takes effect at once', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const bob = await newActiveUser(deps, admin, `bob@${domain}`);
    expect((await authorize(deps, { user: bob.userId, action: 'user:invite' })).allowed).toBe(false);
    const r = await expectOneAudit(deps, 'user.role_changed', () => setRole(deps, admin, { userId: bob.userId, role: 'ADMINISTRATOR' }));
    expect(r).toMatchObject({ changed: true, previousRole: 'BASIC', user: { role: 'ADMINISTRATOR' } });
    expect((await authorize(deps, { user: bob.userId, action: 'user:invite' })).allowed).toBe(true);
    const same = await setRole(deps, admin, { userId: bob.userId, role: 'ADMINISTRATOR' });
    expect(same.changed).toBe(false);
    await expectOneAudit(deps, 'user.role_changed', () => setRole(deps, bob.actor, { userId: admin.userId, role: 'ADVANCED' }));
    expect((await authorize(deps, { user: admin.userId, action: 'user:invite' })).allowed).toBe(false);
    expect((await authorize(deps, { user: admin.userId, action: 'directory:read' })).allowed).toBe(true);
  });

  it('refuses non-administrators, other environments, removed users and bad input', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    const adv = await newActiveUser(deps, a.admin, `adv@${a.domain}`, 'ADVANCED');
    await expectRefusedUnchanged(deps, 'forbidden', () => setRole(deps, adv.actor, { userId: adv.userId, role: 'ADMINISTRATOR' }));
    await expectRefusedUnchanged(deps, 'not_found', () => setRole(deps, b.admin, { userId: adv.userId, role: 'BASIC' }));
    await expectRefusedUnchanged(deps, 'not_found', () => setRole(deps, a.admin, { userId: '00000000-0000-4000-8000-000000000000', role: 'BASIC' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => setRole(deps, a.admin, { userId: adv.userId, role: 'ROOT' as 'BASIC' }));
    await expectRefusedUnchanged(deps, 'not_authenticated', () => setRole(deps, { userId: '00000000-0000-4000-8000-000000000000' }, { userId: adv.userId, role: 'BASIC' }));
    await removeUser(deps, a.admin, { userId: adv.userId });
    await expectRefusedUnchanged(deps, 'conflict', () => setRole(deps, a.admin, { userId: adv.userId, role: 'BASIC' }));
  });

  it('rule 8: the last active Administrator cannot be demoted, with an explanation', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const err = await expectRefusedUnchanged(deps, 'last_administrator', () => setRole(deps, admin, { userId: admin.userId, role: 'BASIC' }));
    expect(err.userMessage).toMatch(/only active administrator.*Make someone else an administrator first/);
    // a blocked administrator does not count
    const other = await newActiveUser(deps, admin, `other@${domain}`, 'ADMINISTRATOR');
    await blockUser(deps, admin, { userId: other.userId });
    await expectRefusedUnchanged(deps, 'last_administrator', () => setRole(deps, admin, { userId: admin.userId, role: 'ADVANCED' }));
    await unblockUser(deps, admin, { userId: other.userId });
    await setRole(deps, admin, { userId: admin.userId, role: 'ADVANCED' });
    expect(await deps.prisma.user.count({ where: { environmentId: (await deps.prisma.user.findUniqueOrThrow({ where: { id: other.userId } })).environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE' } })).toBe(1);
  });
});

describe('block, unblock, remove (rules 1, 8, 9)', () => {
  it('blocked users have no rights at all and lose their sessions; unblocking restores them', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const eve = await newActiveUser(deps, admin, `eve@${domain}`, 'ADMINISTRATOR');
    await addMember(deps, admin, { organisationId: org.id, userId: eve.userId, role: 'ADMINISTRATOR' });
    const before = await rights(eve.userId, org.id);
    expect(Object.values(before).every(Boolean)).toBe(true);
    const s = await openSession(eve.userId);
    const r = await expectOneAudit(deps, 'user.blocked', () => blockUser(deps, admin, { userId: eve.userId }));
    expect(r).toMatchObject({ previousStatus: 'ACTIVE', user: { status: 'BLOCKED' } });
    expect(Object.values(await rights(eve.userId, org.id)).some(Boolean)).toBe(false);
    expect((await authorize(deps, { user: eve.userId, action: 'document:view', organisationId: org.id })).reason).toMatch(/blocked/);
    expect((await deps.prisma.session.findUniqueOrThrow({ where: { id: s.id } })).revokedAt).not.toBeNull();
    // the membership stays while blocked
    expect(await deps.prisma.membership.count({ where: { userId: eve.userId } })).toBe(1);
    await expectRefusedUnchanged(deps, 'conflict', () => blockUser(deps, admin, { userId: eve.userId }));
    await expectRefusedUnchanged(deps, 'forbidden', () => blockUser(deps, eve.actor, { userId: admin.userId }));
    await expectOneAudit(deps, 'user.unblocked', () => unblockUser(deps, admin, { userId: eve.userId }));
    expect(await rights(eve.userId, org.id)).toEqual(before);
    await expectRefusedUnchanged(deps, 'conflict', () => unblockUser(deps, admin, { userId: eve.userId }));
  });

  it('removing ends memberships, sessions and invitations; the user can no longer do anything', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const rob = await newActiveUser(deps, admin, `rob@${domain}`, 'ADVANCED');
    await addMember(deps, admin, { organisationId: org.id, userId: rob.userId });
    const s = await openSession(rob.userId);
    const r = await expectOneAudit(deps, 'user.removed', () => removeUser(deps, admin, { userId: rob.userId }));
    expect(r.user.status).toBe('REMOVED');
    expect(await deps.prisma.membership.count({ where: { userId: rob.userId } })).toBe(0);
    expect((await deps.prisma.session.findUniqueOrThrow({ where: { id: s.id } })).revokedAt).not.toBeNull();
    expect(Object.values(await rights(rob.userId, org.id)).some(Boolean)).toBe(false);
    const audit = await deps.prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.removed', targetId: rob.userId } });
    expect(audit.details).toMatchObject({ memberships: [org.name] });
    await expectRefusedUnchanged(deps, 'conflict', () => removeUser(deps, admin, { userId: rob.userId }));
    await expectRefusedUnchanged(deps, 'conflict', () => blockUser(deps, admin, { userId: rob.userId }));
  });

  it('nobody blocks or removes themselves, and the last Administrator stays (rule 8)', async () => {
    const { admin, domain } = await newEnvironment(deps);
    await expectRefusedUnchanged(deps, 'conflict', () => blockUser(deps, admin, { userId: admin.userId }));
    await expectRefusedUnchanged(deps, 'conflict', () => removeUser(deps, admin, { userId: admin.userId }));
    const second = await newActiveUser(deps, admin, `second@${domain}`, 'ADMINISTRATOR');
    await removeUser(deps, second.actor, { userId: admin.userId });
    // `second` is now the only active Administrator: demoting them is refused
    await expectRefusedUnchanged(deps, 'last_administrator', () => setRole(deps, second.actor, { userId: second.userId, role: 'BASIC' }));
  });

  it('removing the only administrator of an organisation is refused (rule 8)', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const olga = await newActiveUser(deps, admin, `olga@${domain}`);
    await addMember(deps, admin, { organisationId: org.id, userId: olga.userId, role: 'ADMINISTRATOR' });
    await deps.prisma.membership.delete({ where: { userId_organisationId: { userId: admin.userId, organisationId: org.id } } });
    const err = await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => removeUser(deps, admin, { userId: olga.userId }));
    expect(err.userMessage).toContain(org.name);
    await addMember(deps, admin, { organisationId: org.id, userId: admin.userId, role: 'ADMINISTRATOR' });
    await removeUser(deps, admin, { userId: olga.userId });
  });

  it('refuses users of another environment and unknown ids', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    for (const fn of [blockUser, unblockUser, removeUser]) {
      await expectRefusedUnchanged(deps, 'not_found', () => fn(deps, b.admin, { userId: a.admin.userId }));
      await expectRefusedUnchanged(deps, 'invalid_input', () => fn(deps, b.admin, { userId: `${a.admin.userId}'; DROP TABLE "User"; --` }));
    }
  });
});
