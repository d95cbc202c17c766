// Create environment, invite, resend, revoke and activate (rules 1, 5, 6, 7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateAccount, addMember, authorize, createEnvironment, describeInvitation, inviteUser, linkSlackUser, removeUser, resendInvitation, revokeInvitation, setNotificationChannel,
  type RightsDeps,
} from '../../src/rights/index.ts';
import { OutboxMessageError } from '../../src/messages/index.ts';
import { newToken, verifyPassword } from '../../src/rights/secrets.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { latestInvitationToken, newActiveUser, newEnvironment, newOrganisation, strongPassword, uniqueDomain } from '../support/factories.ts';
import { expectOneAudit, expectRefusedUnchanged, snapshot } from './rights-support.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
beforeAll(async () => { t = await openTestDatabase(); deps = t.deps; });
afterAll(async () => { await t?.close(); });

const activate = (token: string, name = 'Invited Person') => activateAccount(deps, { token, name, password: strongPassword });

describe('create environment', () => {
  it('makes the first user an active Administrator and claims the domain', async () => {
    const domain = uniqueDomain();
    const r = await expectOneAudit(deps, 'environment.created', () => createEnvironment(deps, { email: `Boss@${domain.toUpperCase()}`, name: 'Boss', password: strongPassword }));
    expect(r.user).toMatchObject({ email: `boss@${domain}`, role: 'ADMINISTRATOR', status: 'ACTIVE' });
    expect(r.environment.domain).toBe(domain);
    expect(await deps.prisma.environmentDomain.findUnique({ where: { domain } })).toMatchObject({ environmentId: r.environment.id });
    const row = await deps.prisma.user.findUniqueOrThrow({ where: { id: r.user.id } });
    expect(row.passwordHash).not.toContain(strongPassword);
    expect(await verifyPassword(row.passwordHash, strongPassword)).toBe(true);
  });

  it('never attaches a public mail domain', async () => {
    const r = await createEnvironment(deps, { email: `someone.${Date.now()}@gmail.com`, name: 'Solo' });
    expect(r.environment.domain).toBeNull();
    expect(await deps.prisma.environmentDomain.findUnique({ where: { domain: 'gmail.com' } })).toBeNull();
  });

  it('refuses an address that already has an account, or a domain that is taken', async () => {
    const { domain } = await newEnvironment(deps);
    await expectRefusedUnchanged(deps, 'already_exists', () => createEnvironment(deps, { email: `admin@${domain}`, name: 'Again' }));
    await expectRefusedUnchanged(deps, 'already_exists', () => createEnvironment(deps, { email: `other@${domain}`, name: 'Other' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => createEnvironment(deps, { email: 'a@b@c', name: 'X' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => createEnvironment(deps, { email: `x@${uniqueDomain()}`, name: 'Evil\u202Egnp.exe' }));
  });
});

describe('invite', () => {
  it('creates an INVITED user with the chosen role, no rights, a hashed token and one email (rules 5, 6)', async () => {
    const { admin, domain, environment } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const r = await expectOneAudit(deps, 'user.invited', () =>
      inviteUser(deps, admin, { email: `New.Person@${domain}`, role: 'ADVANCED', organisations: [{ organisationId: org.id, role: 'ADMINISTRATOR' }] }));
    expect(r.user).toMatchObject({ email: `new.person@${domain}`, role: 'ADVANCED', status: 'INVITED' });
    expect(new Date(r.invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(new Date(r.invitation.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600_000);
    const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: r.user.id } });
    expect(user).toMatchObject({ environmentId: environment.id, status: 'INVITED', role: 'ADVANCED', passwordHash: null });
    const token = await latestInvitationToken(deps, user.email);
    const inv = await deps.prisma.invitation.findFirstOrThrow({ where: { userId: user.id } });
    expect(inv.tokenHash).not.toBe(token);
    expect(JSON.stringify(inv)).not.toContain(token);
    expect(inv.organisations).toEqual([{ organisationId: org.id, role: 'ADMINISTRATOR' }]);
    expect(await deps.prisma.membership.count({ where: { userId: user.id } })).toBe(0);
    expect((await authorize(deps, { user: user.id, action: 'directory:read' }))).toMatchObject({ allowed: false, reason: expect.stringMatching(/not activated/) });
    expect(await deps.prisma.outboxMessage.count({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: user.email } } })).toBe(1);
  });

  it('defaults to BASIC and honours a configured expiry', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const r = await inviteUser({ ...deps, options: { ...deps.options, invitationTtlMs: 3600_000 } }, admin, { email: `b@${domain}` });
    expect(r.user.role).toBe('BASIC');
    expect(new Date(r.invitation.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    const r2 = await inviteUser(deps, admin, { email: `c@${domain}`, expiresInDays: 2 });
    expect(Math.round((new Date(r2.invitation.expiresAt).getTime() - Date.now()) / 3600_000)).toBe(48);
  });

  it('refuses a duplicate, an address of another environment, foreign organisations and non-administrators', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    await inviteUser(deps, a.admin, { email: `dup@${a.domain}` });
    const dup = await expectRefusedUnchanged(deps, 'already_exists', () => inviteUser(deps, a.admin, { email: `DUP@${a.domain}` }));
    expect(dup.userMessage).toMatch(/resend/);
    expect((await expectRefusedUnchanged(deps, 'invalid_input', () => inviteUser(deps, a.admin, { email: `admin@${b.domain}` }))).userMessage).toMatch(/cannot be invited to this environment/);
    await expectRefusedUnchanged(deps, 'already_exists', () => inviteUser(deps, a.admin, { email: `admin@${a.domain}` }));
    const foreignOrg = await newOrganisation(deps, b.admin);
    await expectRefusedUnchanged(deps, 'not_found', () => inviteUser(deps, a.admin, { email: `x@${a.domain}`, organisations: [{ organisationId: foreignOrg.id }] }));
    const own = await newOrganisation(deps, a.admin);
    await expectRefusedUnchanged(deps, 'invalid_input', () => inviteUser(deps, a.admin, { email: `x@${a.domain}`, organisations: [{ organisationId: own.id }, { organisationId: own.id }] }));
    const advanced = await newActiveUser(deps, a.admin, `adv@${a.domain}`, 'ADVANCED');
    await expectRefusedUnchanged(deps, 'forbidden', () => inviteUser(deps, advanced.actor, { email: `y@${a.domain}` }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => inviteUser(deps, a.admin, { email: `"quoted"@${a.domain}` }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => inviteUser(deps, a.admin, { email: `z@${a.domain}`, role: 'OWNER' as 'BASIC' }));
  });

  it('invites a removed user again from nothing', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const gone = await newActiveUser(deps, admin, `gone@${domain}`, 'ADMINISTRATOR');
    await deps.prisma.membership.create({ data: { userId: gone.userId, organisationId: org.id, role: 'MEMBER' } });
    await removeUser(deps, admin, { userId: gone.userId });
    const again = await inviteUser(deps, admin, { email: gone.email, role: 'BASIC' });
    expect(again).toMatchObject({ reinvited: true, user: { id: gone.userId, status: 'INVITED', role: 'BASIC' } });
    const row = await deps.prisma.user.findUniqueOrThrow({ where: { id: gone.userId } });
    expect(row).toMatchObject({ status: 'INVITED', role: 'BASIC', passwordHash: null, activatedAt: null });
    expect(await deps.prisma.membership.count({ where: { userId: gone.userId } })).toBe(0);
    await activate(await latestInvitationToken(deps, gone.email));
    expect((await deps.prisma.user.findUniqueOrThrow({ where: { id: gone.userId } })).status).toBe('ACTIVE');
  });
});

describe('resend and revoke (rule 6)', () => {
  it('a resend issues a new token and kills the old one', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const inv = await inviteUser(deps, admin, { email: `r@${domain}`, organisations: [{ organisationId: org.id }] });
    const first = await latestInvitationToken(deps, inv.user.email);
    const r = await expectOneAudit(deps, 'invitation.resent', () => resendInvitation(deps, admin, { userId: inv.user.id }));
    expect(r.invitation.id).not.toBe(inv.invitation.id);
    const second = await latestInvitationToken(deps, inv.user.email);
    expect(second).not.toBe(first);
    await expectRefusedUnchanged(deps, 'invitation_revoked', () => activate(first));
    const done = await activate(second);
    expect(done.organisations).toEqual([org.name]);
  });

  it('a revoke kills every token; the address can be invited again', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const inv = await inviteUser(deps, admin, { email: `k@${domain}` });
    const t1 = await latestInvitationToken(deps, inv.user.email);
    await resendInvitation(deps, admin, { userId: inv.user.id });
    const t2 = await latestInvitationToken(deps, inv.user.email);
    const r = await expectOneAudit(deps, 'invitation.revoked', () => revokeInvitation(deps, admin, { userId: inv.user.id }));
    expect(r.user.status).toBe('REMOVED');
    expect(await deps.prisma.invitation.count({ where: { userId: inv.user.id, revokedAt: null } })).toBe(0);
    for (const tok of [t1, t2]) await expectRefusedUnchanged(deps, 'invitation_revoked', () => activate(tok));
    await expectRefusedUnchanged(deps, 'conflict', () => revokeInvitation(deps, admin, { userId: inv.user.id }));
    await expectRefusedUnchanged(deps, 'conflict', () => resendInvitation(deps, admin, { userId: inv.user.id }));
    expect((await inviteUser(deps, admin, { email: inv.user.email })).reinvited).toBe(true);
  });

  it('a revoke ends the memberships and the organisations to join; a new invitation starts clean', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const pending = await newOrganisation(deps, admin);
    const given = await newOrganisation(deps, admin);
    const inv = await inviteUser(deps, admin, { email: `clean@${domain}`, organisations: [{ organisationId: pending.id, role: 'ADMINISTRATOR' }] });
    // an administrator may add an invited user to an organisation before they activate
    await addMember(deps, admin, { organisationId: given.id, userId: inv.user.id, role: 'ADMINISTRATOR' });
    const r = await expectOneAudit(deps, 'invitation.revoked', () => revokeInvitation(deps, admin, { userId: inv.user.id }));
    expect(r.user.status).toBe('REMOVED');
    expect(await deps.prisma.membership.count({ where: { userId: inv.user.id } })).toBe(0);
    for (const i of await deps.prisma.invitation.findMany({ where: { userId: inv.user.id } })) expect(i.organisations).toEqual([]);
    const again = await inviteUser(deps, admin, { email: inv.user.email });
    expect(again.reinvited).toBe(true);
    // a resend of the new invitation does not bring back the organisations of the revoked one
    await resendInvitation(deps, admin, { userId: inv.user.id });
    const done = await activate(await latestInvitationToken(deps, inv.user.email));
    expect(done.organisations).toEqual([]);
    expect(await deps.prisma.membership.count({ where: { userId: inv.user.id } })).toBe(0);
    expect((await authorize(deps, { user: inv.user.id, action: 'document:view', organisationId: given.id })).allowed).toBe(false);
  });

  it('a new invitation of a revoked user whose memberships were left behind starts clean too', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const org = await newOrganisation(deps, admin);
    const inv = await inviteUser(deps, admin, { email: `left@${domain}` });
    await revokeInvitation(deps, admin, { userId: inv.user.id });
    // a row left by an earlier version, which did not end memberships on revoke
    await deps.prisma.membership.create({ data: { userId: inv.user.id, organisationId: org.id, role: 'MEMBER' } });
    await inviteUser(deps, admin, { email: inv.user.email });
    expect(await deps.prisma.membership.count({ where: { userId: inv.user.id } })).toBe(0);
  });

  it('only administrators of the same environment resend or revoke', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    const inv = await inviteUser(deps, a.admin, { email: `p@${a.domain}` });
    await expectRefusedUnchanged(deps, 'not_found', () => resendInvitation(deps, b.admin, { userId: inv.user.id }));
    await expectRefusedUnchanged(deps, 'not_found', () => revokeInvitation(deps, b.admin, { userId: inv.user.id }));
    const basic = await newActiveUser(deps, a.admin, `basic@${a.domain}`);
    await expectRefusedUnchanged(deps, 'forbidden', () => resendInvitation(deps, basic.actor, { userId: inv.user.id }));
    await expectRefusedUnchanged(deps, 'conflict', () => resendInvitation(deps, a.admin, { userId: basic.userId }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => revokeInvitation(deps, a.admin, { userId: 'not-an-id' }));
  });
});

describe('messages checked when queued (rule 10)', () => {
  it('an invitation whose email its template could not render fails, and changes nothing', async () => {
    const { admin, domain } = await newEnvironment(deps);
    // A link without a scheme: no mail client would open it.
    const misconfigured: RightsDeps = { ...deps, options: { ...deps.options, publicUrl: 'rights.example.test' } };
    const before = await snapshot(deps);
    const err = await inviteUser(misconfigured, admin, { email: `no-link@${domain}` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboxMessageError);
    expect((err as Error).message).toBe('The email "invitation" does not match its schema: data.link: must be an http(s) URL');
    expect(await snapshot(deps)).toEqual(before);
  });
});

describe('activate (rules 5, 6)', () => {
  it('sets the password, makes the user ACTIVE, applies the memberships and notifies; the link is single use', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o1 = await newOrganisation(deps, admin);
    const o2 = await newOrganisation(deps, admin);
    const inv = await inviteUser(deps, admin, { email: `act@${domain}`, role: 'ADVANCED', organisations: [{ organisationId: o1.id }, { organisationId: o2.id, role: 'ADMINISTRATOR' }] });
    const token = await latestInvitationToken(deps, inv.user.email);
    expect(await describeInvitation(deps, token)).toMatchObject({ email: inv.user.email, role: 'ADVANCED' });
    const r = await expectOneAudit(deps, 'user.activated', () => activate(token, 'Act Ive'));
    expect(r.user).toMatchObject({ id: inv.user.id, status: 'ACTIVE', role: 'ADVANCED', name: 'Act Ive' });
    expect(r.organisations.sort()).toEqual([o1.name, o2.name].sort());
    const rows = await deps.prisma.membership.findMany({ where: { userId: inv.user.id }, orderBy: { role: 'asc' } });
    expect(rows.map((m) => [m.organisationId, m.role]).sort()).toEqual([[o1.id, 'MEMBER'], [o2.id, 'ADMINISTRATOR']].sort());
    const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: inv.user.id } });
    expect(await verifyPassword(user.passwordHash, strongPassword)).toBe(true);
    expect((await authorize(deps, { user: inv.user.id, action: 'document:send', organisationId: o1.id })).allowed).toBe(true);
    await expectRefusedUnchanged(deps, 'invitation_used', () => activate(token));
  });

  it('tells the inviter and the administrators once each, in the same transaction as the activation (rule 10)', async () => {
    const { admin, domain, environment } = await newEnvironment(deps);
    await linkSlackUser(deps, admin.userId, 'U0INVITER');
    const other = await newActiveUser(deps, admin, `admin2@${domain}`, 'ADMINISTRATOR');
    await linkSlackUser(deps, other.userId, 'U0OTHER');
    const inv = await inviteUser(deps, admin, { email: `note@${domain}` });
    await activate(await latestInvitationToken(deps, inv.user.email));
    const notes = await deps.prisma.outboxMessage.findMany({ where: { environmentId: environment.id, kind: 'SLACK', payload: { path: ['data', 'userId'], equals: inv.user.id } } });
    // the inviter is also an administrator: one message to them, not two
    expect(notes.map((n) => (n.payload as { channel: string }).channel).sort()).toEqual(['U0INVITER', 'U0OTHER']);
    // with a notification channel, administrators are told there once
    await expectOneAudit(deps, 'environment.notification_channel_set', () => setNotificationChannel(deps, admin, { channelId: 'C0ADMINS' }));
    const inv2 = await inviteUser(deps, admin, { email: `note2@${domain}` });
    await activate(await latestInvitationToken(deps, inv2.user.email));
    const notes2 = await deps.prisma.outboxMessage.findMany({ where: { kind: 'SLACK', payload: { path: ['data', 'userId'], equals: inv2.user.id } } });
    expect(notes2.map((n) => (n.payload as { channel: string }).channel).sort()).toEqual(['C0ADMINS', 'U0INVITER']);
    await expectRefusedUnchanged(deps, 'invalid_input', () => setNotificationChannel(deps, admin, { channelId: 'not a channel' }));
    await expectRefusedUnchanged(deps, 'forbidden', () => setNotificationChannel(deps, { userId: inv2.user.id }, { channelId: 'C0MINE' }));
  });

  it('refuses expired, forged, malformed and weak-password activations without changing anything', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const inv = await inviteUser(deps, admin, { email: `exp@${domain}` });
    const token = await latestInvitationToken(deps, inv.user.email);
    const later = { ...deps, now: () => new Date(Date.now() + 8 * 24 * 3600_000) };
    await expectRefusedUnchanged(deps, 'invitation_expired', () => activateAccount(later, { token, name: 'Late', password: strongPassword }));
    await expectRefusedUnchanged(deps, 'invitation_invalid', () => activate(newToken()));
    for (const bad of ['', 'x', `${token}x`, token.slice(1), "' OR 1=1 --", `${token.slice(0, 42)}\u0000`]) {
      await expectRefusedUnchanged(deps, 'invitation_invalid', () => activate(bad));
    }
    await expectRefusedUnchanged(deps, 'weak_password', () => activateAccount(deps, { token, name: 'Weak', password: 'password123' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => activateAccount(deps, { token, name: '\u202E', password: strongPassword }));
    expect((await activate(token)).user.status).toBe('ACTIVE');
  });

  it('dates the activation, and a new environment, by the service clock', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const inv = await inviteUser(deps, admin, { email: `clock@${domain}` });
    const token = await latestInvitationToken(deps, inv.user.email);
    const at = new Date(Date.now() + 3 * 24 * 3600_000);
    const later: RightsDeps = { ...deps, now: () => at };
    await activateAccount(later, { token, name: 'On Time', password: strongPassword });
    expect((await deps.prisma.user.findUniqueOrThrow({ where: { id: inv.user.id } })).activatedAt).toEqual(at);
    expect((await deps.prisma.invitation.findFirstOrThrow({ where: { userId: inv.user.id } })).usedAt).toEqual(at);
    const created = await createEnvironment(later, { email: `first@${uniqueDomain()}`, name: 'First' });
    expect((await deps.prisma.user.findUniqueOrThrow({ where: { id: created.user.id } })).activatedAt).toEqual(at);
  });

  it('a removed user cannot use an old link', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const inv = await inviteUser(deps, admin, { email: `rm@${domain}` });
    const token = await latestInvitationToken(deps, inv.user.email);
    await removeUser(deps, admin, { userId: inv.user.id });
    await expectRefusedUnchanged(deps, 'invitation_revoked', () => activate(token));
  });
});
