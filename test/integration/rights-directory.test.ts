// Reading the environment (paged lists, whois, pending invitations, audit trail), authorize, API
// tokens and idempotency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember, authenticateApiToken, authorize, blockUser, createApiToken, findUserByEmail, resolveOrganisation, resolveUser, getOrganisation, getUser, inviteUser, listMembers,
  listOrganisations, listPendingInvitations, listUsers, readAudit, removeMember, removeUser, revokeApiToken, setRole, type Actor, type RightsDeps,
} from '../../src/rights/index.ts';
import { ORDERED_WINDOW } from '../../src/rights/users/list-users.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newActiveUser, newEnvironment, newOrganisation } from '../support/factories.ts';
import { expectOneAudit, expectRefusedUnchanged } from './rights-support.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
beforeAll(async () => { t = await openTestDatabase(); deps = t.deps; });
afterAll(async () => { await t?.close(); });

/** Follows nextCursor to the end. */
async function allPages<T>(fetch: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await fetch(cursor);
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('paging never ended');
}

describe('lists and search (paged by cursor)', () => {
  it('lists and searches users of the own environment only, page by page', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const other = await newEnvironment(deps);
    await newActiveUser(deps, other.admin, `zed@${other.domain}`);
    for (let i = 0; i < 7; i++) await inviteUser(deps, admin, { email: `user${i}@${domain}` });
    const rows = await allPages((cursor) => listUsers(deps, admin, { limit: 3, cursor }));
    expect(rows.map((r) => r.email)).toEqual([`admin@${domain}`, ...Array.from({ length: 7 }, (_, i) => `user${i}@${domain}`)].sort());
    expect((await listUsers(deps, admin, { query: 'USER3' })).items.map((u) => u.email)).toEqual([`user3@${domain}`]);
    expect((await listUsers(deps, admin, { query: '%' })).items).toEqual([]);
    expect((await listUsers(deps, admin, { query: '_' })).items).toEqual([]);
    expect((await listUsers(deps, admin, { query: '\\' })).items).toEqual([]);
    expect((await listUsers(deps, admin, { query: 'user_' })).items).toEqual([]);
    expect((await listUsers(deps, admin, { status: 'ACTIVE' })).items.map((u) => u.email)).toEqual([`admin@${domain}`]);
    const basic = await newActiveUser(deps, admin, `basic@${domain}`);
    await expectRefusedUnchanged(deps, 'forbidden', () => listUsers(deps, basic.actor));
    await expectRefusedUnchanged(deps, 'invalid_input', () => listUsers(deps, admin, { query: 'x'.repeat(201) }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => listUsers(deps, admin, { limit: 1000 }));
  });

  it('a search gives the first matches by email whether most users match it or few, beyond the first rows read too', async () => {
    const { admin, environment, domain } = await newEnvironment(deps);
    // ORDERED_WINDOW users that match "common" come first by email; "later" matches two of them and
    // ten users after them, so a page of it needs rows beyond the ones an ordered search reads first.
    const rows = Array.from({ length: ORDERED_WINDOW + 10 }, (_, i) => {
      const n = String(i).padStart(5, '0');
      const later = i < 2 || i >= ORDERED_WINDOW;
      return { environmentId: environment.id, email: `${i < ORDERED_WINDOW ? 'a' : 'b'}${n}@${domain}`, name: later ? `Later ${n}` : `Common ${n}`, status: 'INVITED' as const };
    });
    await deps.prisma.user.createMany({ data: rows });
    await deps.prisma.user.update({ where: { email: `a00001@${domain}` }, data: { status: 'REMOVED' } });
    const emails = (xs: { email: string }[]) => xs.map((x) => x.email);
    const common = await listUsers(deps, admin, { query: 'commON', limit: 5 });
    expect(emails(common.items)).toEqual(['a00002', 'a00003', 'a00004', 'a00005', 'a00006'].map((e) => `${e}@${domain}`));
    const second = await listUsers(deps, admin, { query: 'common', limit: 5, cursor: common.nextCursor! });
    expect(emails(second.items)).toEqual(['a00007', 'a00008', 'a00009', 'a00010', 'a00011'].map((e) => `${e}@${domain}`));
    const later = await allPages((cursor) => listUsers(deps, admin, { query: 'later', limit: 5, cursor }));
    const expected = rows.filter((r) => r.name.startsWith('Later') && r.email !== `a00001@${domain}`).map((r) => r.email);
    expect(emails(later)).toEqual(expected);
    expect(expected).toHaveLength(11);
    expect(emails((await listUsers(deps, admin, { query: 'later', status: 'REMOVED' })).items)).toEqual([`a00001@${domain}`]);
  });

  it('lists organisations page by page; basic users see only their own', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const names = ['delta', 'Alpha', 'charlie', 'Echo', 'bravo', 'foxtrot', 'Golf'];
    const orgs = [];
    for (const n of names) orgs.push(await newOrganisation(deps, admin, n));
    const rows = await allPages((cursor) => listOrganisations(deps, admin, { limit: 2, cursor }));
    expect(rows.map((r) => r.name)).toEqual(['Alpha', 'bravo', 'charlie', 'delta', 'Echo', 'foxtrot', 'Golf']);
    expect(rows.every((r) => r.members === 1)).toBe(true);
    expect((await listOrganisations(deps, admin, { query: 'ALP' })).items.map((o) => o.name)).toEqual(['Alpha']);
    // LIKE wildcards typed by people are literal characters
    await newOrganisation(deps, admin, '50% Groen_BV');
    expect((await listOrganisations(deps, admin, { query: '%' })).items.map((o) => o.name)).toEqual(['50% Groen_BV']);
    expect((await listOrganisations(deps, admin, { query: '0% groen_' })).items.map((o) => o.name)).toEqual(['50% Groen_BV']);
    expect((await listOrganisations(deps, admin, { query: 'a_p' })).items).toEqual([]);
    const basic = await newActiveUser(deps, admin, `b@${domain}`);
    await addMember(deps, admin, { organisationId: orgs[0]!.id, userId: basic.userId });
    expect((await listOrganisations(deps, basic.actor)).items.map((o) => o.name)).toEqual(['delta']);
    expect((await listOrganisations(deps, basic.actor, { query: 'golf' })).items).toEqual([]);
    await blockUser(deps, admin, { userId: basic.userId });
    await expectRefusedUnchanged(deps, 'forbidden', () => listOrganisations(deps, basic.actor));
  });

  it('whois: a user with their organisations; an organisation with its members', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin, 'Whois BV');
    const w = await newActiveUser(deps, admin, `who@${domain}`, 'ADVANCED', 'Wim Who');
    await addMember(deps, admin, { organisationId: o.id, userId: w.userId });
    const u = await getUser(deps, admin, { userId: w.userId });
    expect(u).toMatchObject({ email: `who@${domain}`, name: 'Wim Who', role: 'ADVANCED', status: 'ACTIVE', memberships: [{ organisationId: o.id, organisationName: 'Whois BV', role: 'MEMBER' }] });
    expect((await getUser(deps, w.actor, { userId: w.userId })).email).toBe(w.email);
    expect((await getOrganisation(deps, w.actor, { organisationId: o.id })).name).toBe('Whois BV');
    const members = await listMembers(deps, admin, { organisationId: o.id });
    expect(members.members.map((m) => [m.email, m.organisationRole])).toEqual([[`admin@${domain}`, 'ADMINISTRATOR'], [w.email, 'MEMBER']]);
    await expectRefusedUnchanged(deps, 'forbidden', () => listMembers(deps, w.actor, { organisationId: o.id }));
    // a blocked member sees nothing of their organisation any more (rule 9)
    await blockUser(deps, admin, { userId: w.userId });
    await expectRefusedUnchanged(deps, 'forbidden', () => getOrganisation(deps, w.actor, { organisationId: o.id }));
    const other = await newEnvironment(deps);
    await expectRefusedUnchanged(deps, 'not_found', () => getUser(deps, other.admin, { userId: w.userId }));
    await expectRefusedUnchanged(deps, 'not_found', () => getOrganisation(deps, other.admin, { organisationId: o.id }));
  });

  it('pending invitations: only INVITED users, with their expiry, for administrators', async () => {
    const { admin, domain } = await newEnvironment(deps);
    for (const n of ['p1', 'p2', 'p3']) await inviteUser(deps, admin, { email: `${n}@${domain}` });
    await newActiveUser(deps, admin, `done@${domain}`);
    const rows = await allPages((cursor) => listPendingInvitations(deps, admin, { limit: 2, cursor }));
    expect(rows.map((r) => r.email)).toEqual([`p1@${domain}`, `p2@${domain}`, `p3@${domain}`]);
    expect(rows.every((r) => r.expired === false && r.expiresAt !== null)).toBe(true);
    // on the clock activation uses: after the expiry every pending invitation shows as expired
    const later = { ...deps, now: () => new Date(Date.now() + 8 * 24 * 3600_000) };
    expect((await listPendingInvitations(later, admin)).items.map((r) => r.expired)).toEqual([true, true, true]);
    const adv = await newActiveUser(deps, admin, `adv@${domain}`, 'ADVANCED');
    await expectRefusedUnchanged(deps, 'forbidden', () => listPendingInvitations(deps, adv.actor));
  });
});

describe('resolving what people type', () => {
  it('finds users by email or unambiguous name and organisations by name, in the own environment only', async () => {
    const { admin, domain } = await newEnvironment(deps, { name: 'Anna Admin' });
    const other = await newEnvironment(deps, { name: 'Anna Admin' });
    const piet = await newActiveUser(deps, admin, `piet@${domain}`, 'BASIC', 'Piet Jansen');
    await newActiveUser(deps, admin, `piet2@${domain}`, 'BASIC', 'Piet Twee');
    await newActiveUser(deps, admin, `piet3@${domain}`, 'BASIC', 'Piet Twee');
    expect(await resolveUser(deps, admin, ` PIET@${domain.toUpperCase()} `)).toMatchObject({ id: piet.userId });
    expect(await resolveUser(deps, admin, 'piet jansen')).toMatchObject({ id: piet.userId });
    expect((await expectRefusedUnchanged(deps, 'conflict', () => resolveUser(deps, admin, 'Piet Twee'))).userMessage).toMatch(/More than one/);
    await expectRefusedUnchanged(deps, 'not_found', () => resolveUser(deps, other.admin, `piet@${domain}`));
    await expectRefusedUnchanged(deps, 'not_found', () => resolveUser(deps, admin, 'Nobody\u202E'));
    await expectRefusedUnchanged(deps, 'invalid_input', () => resolveUser(deps, admin, '   '));
    const org = await newOrganisation(deps, admin, 'Resolve Holding BV');
    await newOrganisation(deps, admin, 'Resolve Trading BV');
    expect(await resolveOrganisation(deps, admin, 'resolve  holding bv')).toEqual({ id: org.id, name: org.name });
    expect(await resolveOrganisation(deps, admin, 'holding')).toEqual({ id: org.id, name: org.name });
    await expectRefusedUnchanged(deps, 'conflict', () => resolveOrganisation(deps, admin, 'Resolve'));
    await expectRefusedUnchanged(deps, 'not_found', () => resolveOrganisation(deps, admin, '%'));
    await expectRefusedUnchanged(deps, 'not_found', () => resolveOrganisation(deps, other.admin, 'Resolve Holding BV'));
    const ghost = { userId: '00000000-0000-4000-8000-000000000000' };
    await expectRefusedUnchanged(deps, 'not_authenticated', () => resolveUser(deps, ghost, `piet@${domain}`));
    await expectRefusedUnchanged(deps, 'not_authenticated', () => resolveOrganisation(deps, ghost, 'Resolve'));
    expect(await findUserByEmail(deps, `Piet@${domain}`)).toMatchObject({ id: piet.userId, status: 'ACTIVE' });
    expect(await findUserByEmail(deps, 'a@b@c')).toBeNull();
  });
});

describe('audit trail', () => {
  it('records who, what, target and request id, newest first, paged; only administrators read it', async () => {
    const { admin, domain, environment } = await newEnvironment(deps);
    const actor: Actor = { ...admin, slackUserId: 'U0ADMIN', requestId: 'req-audit-1' };
    const inv = await inviteUser(deps, actor, { email: `aud@${domain}` });
    const page = await readAudit(deps, admin, { limit: 1 });
    expect(page.items[0]).toMatchObject({ action: 'user.invited', actorUserId: admin.userId, actorSlackId: 'U0ADMIN', requestId: 'req-audit-1', targetType: 'user', targetId: inv.user.id, environmentId: environment.id });
    const all = await allPages((cursor) => readAudit(deps, admin, { limit: 1, cursor }));
    expect(all.map((e) => e.action)).toEqual(['user.invited', 'environment.created']);
    expect((await readAudit(deps, admin, { targetId: inv.user.id })).items).toHaveLength(1);
    const other = await newEnvironment(deps);
    expect((await readAudit(deps, other.admin)).items.map((e) => e.action)).toEqual(['environment.created']);
    const adv = await newActiveUser(deps, admin, `adv@${domain}`, 'ADVANCED');
    await expectRefusedUnchanged(deps, 'forbidden', () => readAudit(deps, adv.actor));
  });

  it('audit rows cannot be updated or deleted: a database trigger refuses it', async () => {
    const { admin } = await newEnvironment(deps);
    const ev = await deps.prisma.auditEvent.findFirstOrThrow({ where: { actorUserId: admin.userId } });
    await expect(deps.prisma.auditEvent.update({ where: { id: ev.id }, data: { action: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(deps.prisma.auditEvent.delete({ where: { id: ev.id } })).rejects.toThrow(/append-only/);
    // PGlite's adapter puts the database's message in meta rather than in the error's message
    const raw = await deps.prisma.$executeRawUnsafe('DELETE FROM "AuditEvent"').then(() => null, (e: { message: string; meta?: { driverAdapterError?: { cause?: { message?: string } } } }) => e);
    expect(`${raw?.message} ${raw?.meta?.driverAdapterError?.cause?.message}`).toMatch(/append-only/);
    expect(await deps.prisma.auditEvent.findUniqueOrThrow({ where: { id: ev.id } })).toEqual(ev);
  });
});

describe('authorize', () => {
  it('answers allow/deny with the reason, by id or email, for every kind of user (rules 1-3, 5, 9)', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin);
    const mem = await newActiveUser(deps, admin, `mem@${domain}`);
    await addMember(deps, admin, { organisationId: o.id, userId: mem.userId });
    const envAdmin = await newActiveUser(deps, admin, `ea@${domain}`, 'ADMINISTRATOR');
    const invited = await inviteUser(deps, admin, { email: `inv@${domain}`, role: 'ADMINISTRATOR' });
    expect(await authorize(deps, { user: `MEM@${domain.toUpperCase()}`, action: 'document:create', organisationId: o.id }))
      .toEqual({ userId: mem.userId, action: 'document:create', organisationId: o.id, allowed: true, reason: 'member of the organisation (member)' });
    expect(await authorize(deps, { user: envAdmin.userId, action: 'document:view', organisationId: o.id }))
      .toMatchObject({ allowed: false, reason: 'only members of the organisation may work with its documents' });
    expect(await authorize(deps, { user: envAdmin.userId, action: 'member:add', organisationId: o.id })).toMatchObject({ allowed: true, reason: 'environment administrator' });
    expect(await authorize(deps, { user: envAdmin.userId, action: 'user:invite' })).toMatchObject({ allowed: true });
    expect(await authorize(deps, { user: mem.userId, action: 'user:invite' })).toMatchObject({ allowed: false, reason: expect.stringMatching(/administrator/) });
    expect(await authorize(deps, { user: invited.user.id, action: 'user:invite' })).toMatchObject({ allowed: false, reason: expect.stringMatching(/not activated/) });
    await blockUser(deps, admin, { userId: mem.userId });
    expect(await authorize(deps, { user: mem.userId, action: 'document:view', organisationId: o.id })).toMatchObject({ allowed: false, reason: 'the user is blocked' });
    await removeUser(deps, admin, { userId: mem.userId });
    expect(await authorize(deps, { user: mem.userId, action: 'document:view', organisationId: o.id })).toMatchObject({ allowed: false, reason: expect.stringMatching(/removed/) });
    expect(await authorize(deps, { user: `nobody@${domain}`, action: 'user:invite' })).toMatchObject({ allowed: false, reason: 'unknown user', userId: null });
  });

  it('limited to one environment: users and organisations of another are denied', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    const oa = await newOrganisation(deps, a.admin);
    const ob = await newOrganisation(deps, b.admin);
    const envA = (await deps.prisma.user.findUniqueOrThrow({ where: { id: a.admin.userId } })).environmentId;
    expect(await authorize(deps, { user: b.admin.userId, action: 'document:view', organisationId: ob.id }, envA)).toMatchObject({ allowed: false, reason: 'unknown user' });
    expect(await authorize(deps, { user: a.admin.userId, action: 'member:add', organisationId: ob.id }, envA)).toMatchObject({ allowed: false, reason: 'unknown organisation' });
    expect(await authorize(deps, { user: a.admin.userId, action: 'member:add', organisationId: ob.id })).toMatchObject({ allowed: false });
    expect(await authorize(deps, { user: a.admin.userId, action: 'document:view', organisationId: oa.id }, envA)).toMatchObject({ allowed: true });
  });

  it('questions asked at the same moment (answered together) get the same answers as one at a time', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin);
    const p = await newOrganisation(deps, admin);
    const mem = await newActiveUser(deps, admin, `batch@${domain}`, 'ADVANCED');
    await addMember(deps, admin, { organisationId: p.id, userId: mem.userId, role: 'ADMINISTRATOR' });
    const other = await newEnvironment(deps);
    const foreign = await newOrganisation(deps, other.admin);
    const users = [admin.userId, mem.userId, `BATCH@${domain}`, `admin@${domain}`, `nobody@${domain}`, '00000000-0000-4000-8000-000000000000', other.admin.userId];
    const questions = users.flatMap((user) => [
      { user, action: 'document:view' as const, organisationId: o.id },
      { user, action: 'document:send' as const, organisationId: p.id },
      { user, action: 'member:remove' as const, organisationId: p.id },
      { user, action: 'member:add' as const, organisationId: foreign.id },
      { user, action: 'user:invite' as const },
      { user, action: 'directory:read' as const },
    ]);
    const one = [];
    for (const q of questions) one.push(await authorize(deps, q));
    const together = await Promise.all(questions.map((q) => authorize(deps, q)));
    expect(together).toEqual(one);
    expect(one.filter((r) => r.allowed).length).toBeGreaterThan(5);
    expect(one.filter((r) => !r.allowed).length).toBeGreaterThan(5);
    expect(together[questions.findIndex((q) => q.user === `BATCH@${domain}` && q.action === 'document:send')]).toMatchObject({ allowed: true, userId: mem.userId });
  });

  it('bad questions give invalid_input', async () => {
    const { admin } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin);
    await expectRefusedUnchanged(deps, 'invalid_input', () => authorize(deps, { user: admin.userId, action: 'document:view' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => authorize(deps, { user: admin.userId, action: 'document:delete' as 'document:view', organisationId: o.id }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => authorize(deps, { user: 'a@b@c', action: 'user:invite' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => authorize(deps, { user: admin.userId, action: 'document:view', organisationId: "1' OR '1'='1" }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => authorize(deps, { user: 'x'.repeat(400), action: 'user:invite' }));
  });
});

describe('API tokens', () => {
  it('a token speaks for its environment until revoked; only its hash is stored', async () => {
    const { admin, domain, environment } = await newEnvironment(deps);
    const created = await expectOneAudit(deps, 'api_token.created', () => createApiToken(deps, admin, { name: 'Document platform' }));
    expect(created.token).toMatch(/^ecr_[A-Za-z0-9_-]{43}$/);
    const row = await deps.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.token.slice(4));
    expect(await authenticateApiToken(deps, created.token)).toEqual({ environmentId: environment.id, tokenId: created.id });
    for (const bad of [undefined, null, '', 'ecr_', `${created.token}x`, created.token.slice(0, -1), `Bearer ${created.token}`, `ecr_${'a'.repeat(200)}`]) {
      expect(await authenticateApiToken(deps, bad)).toBeNull();
    }
    const adv = await newActiveUser(deps, admin, `adv@${domain}`, 'ADVANCED');
    await expectRefusedUnchanged(deps, 'forbidden', () => createApiToken(deps, adv.actor, { name: 'Mine' }));
    const other = await newEnvironment(deps);
    await expectRefusedUnchanged(deps, 'not_found', () => revokeApiToken(deps, other.admin, { tokenId: created.id }));
    await expectOneAudit(deps, 'api_token.revoked', () => revokeApiToken(deps, admin, { tokenId: created.id }));
    expect(await authenticateApiToken(deps, created.token)).toBeNull();
  });
});

describe('idempotency (actor.requestId)', () => {
  it('the same request twice changes state once and returns the first result', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const actor: Actor = { ...admin, requestId: 'slack-view-42' };
    const first = await inviteUser(deps, actor, { email: `once@${domain}` });
    const second = await inviteUser(deps, actor, { email: `once@${domain}` });
    expect(second).toEqual(first);
    expect(await deps.prisma.user.count({ where: { email: `once@${domain}` } })).toBe(1);
    expect(await deps.prisma.invitation.count({ where: { userId: first.user.id } })).toBe(1);
    expect(await deps.prisma.auditEvent.count({ where: { targetId: first.user.id } })).toBe(1);
    expect(await deps.prisma.outboxMessage.count({ where: { payload: { path: ['to'], equals: `once@${domain}` } } })).toBe(1);

    const o = await newOrganisation(deps, admin);
    const u = await newActiveUser(deps, admin, `m@${domain}`);
    const addActor: Actor = { ...admin, requestId: 'click-7' };
    await addMember(deps, addActor, { organisationId: o.id, userId: u.userId });
    await addMember(deps, addActor, { organisationId: o.id, userId: u.userId });
    await removeMember(deps, { ...admin, requestId: 'click-8' }, { organisationId: o.id, userId: u.userId });
    await removeMember(deps, { ...admin, requestId: 'click-8' }, { organisationId: o.id, userId: u.userId });
    expect(await deps.prisma.auditEvent.count({ where: { targetId: `${o.id}:${u.userId}` } })).toBe(2);
    await setRole(deps, { ...admin, requestId: 'r-1' }, { userId: u.userId, role: 'ADVANCED' });
    await setRole(deps, { ...admin, requestId: 'r-1' }, { userId: u.userId, role: 'ADVANCED' });
    expect(await deps.prisma.auditEvent.count({ where: { action: 'user.role_changed', targetId: u.userId } })).toBe(1);
  });

  it("another actor's request id never replays someone else's result", async () => {
    const { admin, domain } = await newEnvironment(deps);
    const basic = await newActiveUser(deps, admin, `basic@${domain}`);
    await inviteUser(deps, { ...admin, requestId: 'shared-id' }, { email: `secret@${domain}` });
    await expectRefusedUnchanged(deps, 'forbidden', () => inviteUser(deps, { ...basic.actor, requestId: 'shared-id' }, { email: `secret@${domain}` }));
  });

  it('a refused request stores nothing, so fixing the input and retrying works', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const actor: Actor = { ...admin, requestId: 'retry-me' };
    const other = await newEnvironment(deps);
    const foreign = await newOrganisation(deps, other.admin);
    await expectRefusedUnchanged(deps, 'not_found', () => inviteUser(deps, actor, { email: `fix@${domain}`, organisations: [{ organisationId: foreign.id }] }));
    expect((await inviteUser(deps, actor, { email: `fix@${domain}` })).user.email).toBe(`fix@${domain}`);
  });
});
