// Invariants under concurrent requests (rule 8, no duplicates, one audit event per change). On
// PostgreSQL the calls really overlap on separate pool connections; PGlite has one connection and
// runs them one after the other, so there the same test checks the outcome of every interleaving it gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember, AppError, createOrganisation, inviteUser, removeMember, setMemberRole, setRole, type Actor, type RightsDeps,
} from '../../src/rights/index.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newActiveUser, newEnvironment, newOrganisation } from '../support/factories.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
beforeAll(async () => { t = await openTestDatabase(); deps = t.deps; });
afterAll(async () => { await t?.close(); });

/** Settles every call; all failures must be AppErrors with one of `codes`. */
async function race<T>(calls: (() => Promise<T>)[], codes: string[]) {
  const results = await Promise.allSettled(calls.map((c) => c()));
  const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === 'fulfilled').map((r) => r.value);
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  for (const e of failed) {
    expect(e, String(e)).toBeInstanceOf(AppError);
    expect(codes).toContain((e as AppError).code);
  }
  return { ok, failed: failed as AppError[] };
}

const activeAdministrators = (environmentId: string) =>
  deps.prisma.user.count({ where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE' } });

describe('concurrent changes', () => {
  it('two administrators demoting each other at the same moment leave one active administrator', async () => {
    for (let round = 0; round < 4; round++) {
      const { admin, domain, environment } = await newEnvironment(deps);
      const other = await newActiveUser(deps, admin, `other@${domain}`, 'ADMINISTRATOR');
      const before = await deps.prisma.auditEvent.count({ where: { environmentId: environment.id } });
      const { ok, failed } = await race([
        () => setRole(deps, admin, { userId: other.userId, role: 'BASIC' }),
        () => setRole(deps, other.actor, { userId: admin.userId, role: 'BASIC' }),
      ], ['last_administrator', 'forbidden']);
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect(await activeAdministrators(environment.id)).toBe(1);
      expect(await deps.prisma.auditEvent.count({ where: { environmentId: environment.id } })).toBe(before + 1);
    }
  });

  it('three administrators demoting each other in a ring keep at least one, and a demoted one cannot act', async () => {
    const { admin, domain, environment } = await newEnvironment(deps);
    const b = await newActiveUser(deps, admin, `b@${domain}`, 'ADMINISTRATOR');
    const c = await newActiveUser(deps, admin, `c@${domain}`, 'ADMINISTRATOR');
    const before = await deps.prisma.auditEvent.count({ where: { environmentId: environment.id } });
    const { ok } = await race([
      () => setRole(deps, admin, { userId: b.userId, role: 'ADVANCED' }),
      () => setRole(deps, b.actor, { userId: c.userId, role: 'ADVANCED' }),
      () => setRole(deps, c.actor, { userId: admin.userId, role: 'ADVANCED' }),
    ], ['last_administrator', 'forbidden']);
    const remaining = await activeAdministrators(environment.id);
    expect(remaining).toBeGreaterThanOrEqual(1);
    expect(3 - ok.length).toBe(remaining);
    expect(await deps.prisma.auditEvent.count({ where: { environmentId: environment.id } })).toBe(before + ok.length);
    // every successful demotion was made by someone who was still an administrator when it happened
    const events = await deps.prisma.auditEvent.findMany({ where: { environmentId: environment.id, action: 'user.role_changed' }, orderBy: { id: 'asc' } });
    const demoted = new Set<string>();
    for (const e of events) {
      expect(demoted.has(e.actorUserId!)).toBe(false);
      demoted.add(e.targetId);
    }
  });

  it('many parallel add and remove calls on one membership leave no duplicate rows and one audit event per change', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const u = await newActiveUser(deps, admin, `m@${domain}`);
    const target = `${org.id}:${u.userId}`;
    const calls = Array.from({ length: 24 }, (_, i) => i % 2 === 0
      ? () => addMember(deps, admin, { organisationId: org.id, userId: u.userId })
      : () => removeMember(deps, admin, { organisationId: org.id, userId: u.userId }));
    const { ok } = await race<unknown>(calls, ['already_exists', 'not_found']);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const rows = await deps.prisma.membership.count({ where: { organisationId: org.id, userId: u.userId } });
    expect(rows).toBeLessThanOrEqual(1);
    const events = await deps.prisma.auditEvent.findMany({ where: { targetId: target }, orderBy: { id: 'asc' } });
    expect(events).toHaveLength(ok.length);
    // the audit trail alternates add, remove, add... and ends in the state the table shows
    events.forEach((e, i) => {
      expect(e.action).toBe(i % 2 === 0 ? 'member.added' : 'member.removed');
    });
    expect(rows).toBe(events.at(-1)!.action === 'member.added' ? 1 : 0);
  });

  it('parallel invitations of one address make exactly one user, one invitation, one email, one audit event', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const second = await newActiveUser(deps, admin, `second@${domain}`, 'ADMINISTRATOR');
    const email = `twice@${domain}`;
    const calls = Array.from({ length: 10 }, (_, i) => () => inviteUser(deps, i % 2 ? admin : second.actor, { email, role: 'ADVANCED' }));
    const { ok, failed } = await race(calls, ['already_exists']);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(9);
    const users = await deps.prisma.user.findMany({ where: { email } });
    expect(users).toHaveLength(1);
    expect(await deps.prisma.invitation.count({ where: { userId: users[0]!.id } })).toBe(1);
    expect(await deps.prisma.auditEvent.count({ where: { targetId: users[0]!.id } })).toBe(1);
    expect(await deps.prisma.outboxMessage.count({ where: { payload: { path: ['to'], equals: email } } })).toBe(1);
  });

  it('parallel creation of one organisation name (in any case) makes one organisation', async () => {
    const { admin, domain, environment } = await newEnvironment(deps);
    const second = await newActiveUser(deps, admin, `org2@${domain}`, 'ADMINISTRATOR');
    const { ok } = await race(['Same Name BV', 'same name bv', 'SAME NAME BV', 'Same  Name BV'].map((name, i) =>
      () => createOrganisation(deps, i % 2 ? admin : second.actor, { name })), ['already_exists']);
    expect(ok).toHaveLength(1);
    expect(await deps.prisma.organisation.count({ where: { environmentId: environment.id, nameKey: 'same name bv' } })).toBe(1);
    expect(await deps.prisma.auditEvent.count({ where: { environmentId: environment.id, action: 'organisation.created' } })).toBe(1);
    expect(await deps.prisma.membership.count({ where: { organisation: { environmentId: environment.id } } })).toBe(1);
  });

  it('the same request id sent many times at once changes state once, and every copy gets the first answer', async () => {
    const { admin, domain, environment } = await newEnvironment(deps);
    const actor: Actor = { ...admin, requestId: 'double-click' };
    const invites = await race(Array.from({ length: 6 }, () => () => inviteUser(deps, actor, { email: `dc@${domain}` })), []);
    expect(invites.ok).toHaveLength(6);
    for (const r of invites.ok) expect(r).toEqual(invites.ok[0]);
    const user = await deps.prisma.user.findUniqueOrThrow({ where: { email: `dc@${domain}` } });
    expect(await deps.prisma.auditEvent.count({ where: { targetId: user.id } })).toBe(1);
    // A change that a second copy would refuse if it ran again ("already exists") is answered, not refused.
    for (let round = 0; round < 10; round++) {
      const orgActor: Actor = { ...admin, requestId: `double-submit-${round}` };
      const orgs = await race(Array.from({ length: 4 }, () => () => createOrganisation(deps, orgActor, { name: `Twice Submitted ${round} BV` })), []);
      expect(orgs.ok).toHaveLength(4);
      for (const r of orgs.ok) expect(r).toEqual(orgs.ok[0]);
      expect(await deps.prisma.organisation.count({ where: { environmentId: environment.id, nameKey: `twice submitted ${round} bv` } })).toBe(1);
    }
  });

  it('two organisation administrators removing each other at once keep one organisation administrator', async () => {
    for (let round = 0; round < 3; round++) {
      const { admin, domain } = await newEnvironment(deps);
      const org = await newOrganisation(deps, admin);
      const x = await newActiveUser(deps, admin, `x${round}@${domain}`);
      const y = await newActiveUser(deps, admin, `y${round}@${domain}`);
      await addMember(deps, admin, { organisationId: org.id, userId: x.userId, role: 'ADMINISTRATOR' });
      await addMember(deps, admin, { organisationId: org.id, userId: y.userId, role: 'ADMINISTRATOR' });
      await removeMember(deps, admin, { organisationId: org.id, userId: admin.userId });
      const { ok } = await race([
        () => removeMember(deps, x.actor, { organisationId: org.id, userId: y.userId }),
        () => removeMember(deps, y.actor, { organisationId: org.id, userId: x.userId }),
      ], ['last_organisation_administrator', 'forbidden']);
      expect(ok).toHaveLength(1);
      expect(await deps.prisma.membership.count({ where: { organisationId: org.id, role: 'ADMINISTRATOR' } })).toBe(1);
      expect(await deps.prisma.auditEvent.count({ where: { action: 'member.removed', details: { path: ['organisationId'], equals: org.id } } })).toBe(2);
    }
  });

  it('two organisation administrators demoting each other at once keep one', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const x = await newActiveUser(deps, admin, `dx@${domain}`);
    await addMember(deps, admin, { organisationId: org.id, userId: x.userId, role: 'ADMINISTRATOR' });
    const { ok } = await race([
      () => setMemberRole(deps, x.actor, { organisationId: org.id, userId: admin.userId, role: 'MEMBER' }),
      () => setMemberRole(deps, admin, { organisationId: org.id, userId: x.userId, role: 'MEMBER' }),
    ], ['last_organisation_administrator', 'forbidden']); // forbidden: x was demoted first and may no longer manage members
    expect(ok).toHaveLength(1);
    expect(await deps.prisma.membership.count({ where: { organisationId: org.id, role: 'ADMINISTRATOR' } })).toBe(1);
  });
});
