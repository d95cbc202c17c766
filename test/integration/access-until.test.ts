// Access that ends by itself (issue 14, item 4), on the service clock: authorize refuses from the
// instant of the end (its cache too), an ending role falls back to the one before it, rule 8 holds at
// every instant, and the sweep ends, reminds and tells once, audited as done by the system.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rightsApiRouter } from '../../src/web/rights-api.ts';
import {
  addMember, authorize, createApiToken, decisionCache, endExpiredAccess, extendAccess, setRole, type RightsDeps,
} from '../../src/rights/index.ts';
import { amsterdamDay, endOfAmsterdamDay, lastDay } from '../../src/rights/access/until.ts';
import { backend, openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newActiveUser, newEnvironment, newOrganisation } from '../support/factories.ts';
import { expectOneAudit, expectRefusedUnchanged } from './rights-support.ts';

let t: OpenTestDatabase;
let clock: Date;
let deps: RightsDeps;
beforeAll(async () => { t = await openTestDatabase(); });
afterAll(async () => { await t?.close(); });
beforeEach(() => {
  clock = new Date();
  deps = { ...t.deps, now: () => clock };
});

const DAY = 24 * 3600_000;
/** 'YYYY-MM-DD' of the Amsterdam day `days` after the clock's */
const dayIn = (days: number) => amsterdamDay(new Date(clock.getTime() + days * DAY));
const may = async (user: string, action: 'document:send' | 'directory:read' | 'user:invite', organisationId?: string) =>
  (await authorize(deps, { user, action, ...(organisationId ? { organisationId } : {}) })).allowed;

async function setup() {
  const env = await newEnvironment(deps);
  const org = await newOrganisation(deps, env.admin);
  const bob = await newActiveUser(deps, env.admin, `bob@${env.domain}`);
  return { ...env, org, bob };
}

describe(`access that ends by itself on ${backend}`, () => {
  it('a membership given until a day works through that day and is refused from its end, also from the cache', async () => {
    const { admin, org, bob } = await setup();
    const result = await expectOneAudit(deps, 'member.added', () => addMember(deps, admin, { userId: bob.userId, organisationId: org.id, until: dayIn(10) }));
    const until = endOfAmsterdamDay(dayIn(10));
    expect(result.until).toBe(until.toISOString());
    expect((await t.db.prisma.membership.findFirstOrThrow({ where: { userId: bob.userId } })).until).toEqual(until);

    clock = new Date(until.getTime() - 1);
    expect(await may(bob.userId, 'document:send', org.id)).toBe(true);
    const cache = decisionCache(deps.changes)!;
    const hits = cache.counts.hits;
    expect(await may(bob.email, 'document:send', org.id)).toBe(true);
    expect(await may(bob.email, 'document:send', org.id)).toBe(true);
    // the second question was answered from memory (when the change feed is live)
    if (deps.changes!.live()) expect(cache.counts.hits).toBeGreaterThan(hits);
    // the instant of the end: refused, not served from the cache (its entry ended then), before any sweep
    const misses = cache.counts.misses;
    clock = until;
    expect(await may(bob.userId, 'document:send', org.id)).toBe(false);
    if (deps.changes!.live()) expect(cache.counts.misses).toBe(misses + 1);
    expect(await may(bob.email, 'document:send', org.id)).toBe(false);
    expect(await t.db.prisma.membership.count({ where: { userId: bob.userId } })).toBe(1);
  });

  it('the rights API answers the same: allowed through the last day, refused from the instant of the end', async () => {
    const { admin, org, bob } = await setup();
    const { token } = await createApiToken(deps, admin, { name: 'Documents' });
    await addMember(deps, admin, { userId: bob.userId, organisationId: org.id, until: dayIn(2) });
    const until = endOfAmsterdamDay(dayIn(2));
    const server = express().use(rightsApiRouter(deps)).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const ask = async () => {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/authorize?user=${encodeURIComponent(bob.email)}&action=document:send&organisation=${org.id}`;
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        return (await res.json()) as { allow: boolean; reason: string };
      };
      clock = new Date(until.getTime() - 1);
      expect(await ask()).toMatchObject({ allow: true });
      expect(await ask()).toMatchObject({ allow: true });
      clock = until;
      expect(await ask()).toMatchObject({ allow: false, reason: 'only members of the organisation may work with its documents' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('an environment role given until a day falls back to the role before it at its end', async () => {
    const { admin, bob, domain } = await setup();
    const carol = await newActiveUser(deps, admin, `carol@${domain}`, 'ADVANCED');
    await setRole(deps, admin, { userId: carol.userId, role: 'ADMINISTRATOR', until: dayIn(3) });
    await setRole(deps, admin, { userId: bob.userId, role: 'ADVANCED', until: dayIn(3) });
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: carol.userId } });
    expect(row).toMatchObject({ role: 'ADMINISTRATOR', roleBefore: 'ADVANCED', roleUntil: endOfAmsterdamDay(dayIn(3)) });

    const until = endOfAmsterdamDay(dayIn(3));
    clock = new Date(until.getTime() - 1);
    expect(await may(carol.userId, 'user:invite')).toBe(true);
    expect(await may(bob.userId, 'directory:read')).toBe(true);
    clock = until;
    expect(await may(carol.userId, 'user:invite')).toBe(false);
    expect(await may(carol.userId, 'directory:read')).toBe(true); // advanced again
    expect(await may(bob.userId, 'directory:read')).toBe(false); // basic again
    // and the changes refuse her as they refuse anyone who is not an administrator, before any sweep
    await expectRefusedUnchanged(deps, 'forbidden', () => setRole(deps, { userId: carol.userId }, { userId: bob.userId, role: 'BASIC' }));

    // setting the role again without an end makes it last
    clock = new Date();
    const lasting = await setRole(deps, admin, { userId: bob.userId, role: 'ADVANCED' });
    expect(lasting.changed).toBe(true);
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: bob.userId } })).toMatchObject({ role: 'ADVANCED', roleUntil: null, roleBefore: null });
  });

  it('rule 8: an end date on the last lasting administrator is refused, for the environment and for an organisation', async () => {
    const { admin, adminUser, org, bob, domain } = await setup();
    // the only administrator
    const err = await expectRefusedUnchanged(deps, 'last_administrator', () => setRole(deps, admin, { userId: adminUser.id, role: 'ADMINISTRATOR', until: dayIn(5) }));
    expect(err.userMessage).toMatch(/only active administrator/);
    // another administrator, but one whose role ends: at that instant there would be none
    const dan = await newActiveUser(deps, admin, `dan@${domain}`);
    await setRole(deps, admin, { userId: dan.userId, role: 'ADMINISTRATOR', until: dayIn(20) });
    const ending = await expectRefusedUnchanged(deps, 'last_administrator', () => setRole(deps, admin, { userId: adminUser.id, role: 'ADMINISTRATOR', until: dayIn(5) }));
    expect(ending.userMessage).toMatch(/ends on a date/);
    await expectRefusedUnchanged(deps, 'last_administrator', () => setRole(deps, admin, { userId: adminUser.id, role: 'BASIC' }));
    // with a lasting second administrator the end is allowed
    await setRole(deps, admin, { userId: dan.userId, role: 'ADMINISTRATOR' });
    const ok = await setRole(deps, admin, { userId: adminUser.id, role: 'ADMINISTRATOR', until: dayIn(5) });
    expect(ok).toMatchObject({ changed: true, fallbackRole: 'BASIC' });

    // the organisation: its creator and bob administer it; once the creator's membership has an end,
    // bob is the last lasting administrator and an end on his membership is refused
    await addMember(deps, admin, { userId: bob.userId, organisationId: org.id, role: 'ADMINISTRATOR' });
    const creatorEnd = await expectOneAudit(deps, 'member.end_set', () => addMember(deps, admin, { userId: adminUser.id, organisationId: org.id, until: dayIn(9) }));
    expect(creatorEnd).toMatchObject({ role: 'ADMINISTRATOR', endChanged: true });
    const orgErr = await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => addMember(deps, admin, { userId: bob.userId, organisationId: org.id, until: dayIn(5) }));
    expect(orgErr.userMessage).toMatch(/ends on a date/);
    // a role given with the end that differs from the membership's is not a silent change
    await expectRefusedUnchanged(deps, 'already_exists', () => addMember(deps, admin, { userId: bob.userId, organisationId: org.id, role: 'MEMBER', until: dayIn(5) }));
  });

  it('refuses bad dates and changes nothing', async () => {
    const { admin, org, bob } = await setup();
    for (const until of ['2027-02-30', '31-01-2027', dayIn(-1), dayIn(6 * 366)]) {
      const err = await expectRefusedUnchanged(deps, 'invalid_input', () => addMember(deps, admin, { userId: bob.userId, organisationId: org.id, until }));
      expect(err.field).toBe('until');
      await expectRefusedUnchanged(deps, 'invalid_input', () => setRole(deps, admin, { userId: bob.userId, role: 'ADVANCED', until }));
    }
    await expectRefusedUnchanged(deps, 'invalid_input', () => setRole(deps, admin, { userId: bob.userId, role: 'BASIC', until: dayIn(3) }));
  });

  it('the sweep reminds three days before, extends on request once, ends at the end as the system and tells the administrators once', async () => {
    // what earlier tests left with an end is swept out of the way first (ends are at most 5 years ahead)
    clock = new Date(Date.now() + 6 * 366 * DAY);
    await endExpiredAccess(deps);
    clock = new Date();
    const { admin, org, bob, environment } = await setup();
    await t.db.prisma.environment.update({ where: { id: environment.id }, data: { notificationChannelId: 'CACCESS1' } });
    await addMember(deps, admin, { userId: bob.userId, organisationId: org.id, until: dayIn(10) });
    await setRole(deps, admin, { userId: bob.userId, role: 'ADVANCED', until: dayIn(10) });
    const until = endOfAmsterdamDay(dayIn(10));
    const thirtyDaysLater = dayIn(40);
    const messages = (kind: string) =>
      t.db.prisma.outboxMessage.findMany({ where: { environmentId: environment.id, kind: 'SLACK', payload: { path: ['kind'], equals: kind } } });

    // more than three days before: nothing
    clock = new Date(until.getTime() - 3 * DAY - 1000);
    expect(await endExpiredAccess(deps)).toMatchObject({ reminders: 0, rolesEnded: 0, membershipsEnded: 0 });
    // three days before: one reminder each, however many processes sweep at once
    clock = new Date(until.getTime() - 3 * DAY + 1000);
    const sweeps = await Promise.all([endExpiredAccess(deps), endExpiredAccess(deps), endExpiredAccess(deps)]);
    expect(sweeps.reduce((n, s) => n + s.reminders, 0)).toBe(2);
    const reminders = await messages('access.reminder');
    expect(reminders).toHaveLength(2);
    const membershipReminder = reminders.find((m) => (m.payload as { data: { target: string } }).data.target === 'membership')!;
    expect(membershipReminder.payload).toMatchObject({ channel: 'CACCESS1', data: { email: bob.email, organisationName: org.name, until: until.toISOString(), locale: 'en' } });
    expect((await endExpiredAccess(deps)).reminders).toBe(0);

    // Extend 30 days: audited, once however often clicked
    const extended = await expectOneAudit(deps, 'member.access_extended', () =>
      extendAccess(deps, admin, { target: 'membership', userId: bob.userId, organisationId: org.id, from: until.toISOString() }));
    expect(extended).toMatchObject({ changed: true, lastDay: thirtyDaysLater });
    const again = await extendAccess(deps, admin, { target: 'membership', userId: bob.userId, organisationId: org.id, from: until.toISOString() });
    expect(again).toMatchObject({ changed: false, until: extended.until });
    // a basic user may not extend
    await expectRefusedUnchanged(deps, 'forbidden', () => extendAccess(deps, bob.actor, { target: 'role', userId: bob.userId, from: until.toISOString() }));

    // the end: the role falls back (the membership was extended and stays)
    clock = until;
    const ended = await Promise.all([endExpiredAccess(deps), endExpiredAccess(deps)]);
    expect(ended.reduce((n, s) => n + s.rolesEnded, 0)).toBe(1);
    expect(ended.reduce((n, s) => n + s.membershipsEnded, 0)).toBe(0);
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: bob.userId } })).toMatchObject({ role: 'BASIC', roleUntil: null, roleBefore: null });
    const roleEnded = await t.db.prisma.auditEvent.findMany({ where: { targetId: bob.userId, action: 'user.role_ended' } });
    expect(roleEnded).toHaveLength(1);
    expect(roleEnded[0]).toMatchObject({ actorUserId: null, actorSlackId: null, details: { from: 'ADVANCED', to: 'BASIC', by: 'system', lastDay: lastDay(until) } });
    expect(await messages('access.ended')).toHaveLength(1);
    // extending what has ended is refused
    await expectRefusedUnchanged(deps, 'conflict', () => extendAccess(deps, admin, { target: 'role', userId: bob.userId, from: until.toISOString() }));

    // the extended membership ends 30 days later
    const newEnd = new Date(extended.until);
    // its new end has its own reminder
    clock = new Date(newEnd.getTime() - 2 * DAY);
    expect((await endExpiredAccess(deps)).reminders).toBe(1);
    clock = new Date(newEnd.getTime() - 1);
    expect(await may(bob.userId, 'document:send', org.id)).toBe(true);
    clock = newEnd;
    expect(await may(bob.userId, 'document:send', org.id)).toBe(false);
    expect((await endExpiredAccess(deps)).membershipsEnded).toBe(1);
    expect(await t.db.prisma.membership.count({ where: { userId: bob.userId } })).toBe(0);
    const memberEnded = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'member.access_ended', targetId: `${org.id}:${bob.userId}` } });
    expect(memberEnded.actorUserId).toBeNull();
    expect(await messages('access.ended')).toHaveLength(2);
    expect(await messages('access.reminder')).toHaveLength(3);
  });
});
