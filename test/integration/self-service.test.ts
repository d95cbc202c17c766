// Self-service through the rights service, on PGlite and on PostgreSQL: forgotten passwords (the link,
// its hour, single use, a newer link, sessions ended; invited people get an activation link, blocked,
// removed and unknown addresses nothing), a person's own name, password, language and sessions, and
// an administrator's environment name and language. Every change is audited; every refusal changes
// nothing. Time moves only through the service clock (deps.now).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockUser, changeName, changePassword, completePasswordReset, completeRegistration, createSession, describeEnvironment, describePasswordReset,
  endOtherSessions, findSessionUser, inviteUser, listSessions, login, removeUser, renameEnvironment, requestPasswordReset, setEnvironmentLanguage,
  setLanguage, startRegistration, type RightsDeps,
} from '../../src/rights/index.ts';
import { renderEmail } from '../../src/mail/templates/index.ts';
import { hashToken } from '../../src/rights/secrets.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { latestInvitationToken, newActiveUser, newEnvironment, strongPassword, uniqueDomain } from '../support/factories.ts';
import { expectOneAudit, expectRefusedUnchanged } from './rights-support.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
beforeAll(async () => {
  t = await openTestDatabase({ publicUrl: 'https://rights.example.test' });
  deps = t.deps;
});
afterAll(async () => {
  await t?.close();
});

const NEW_PASSWORD = 'amber lantern orchard seventy owls';

/** The queued emails to `email`, oldest first. */
const emailsTo = (email: string) =>
  deps.prisma.outboxMessage.findMany({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } }, orderBy: { createdAt: 'asc' } });

async function resetToken(email: string): Promise<string> {
  const mails = await emailsTo(email);
  const last = mails.at(-1)!.payload as { template: string; data: { link: string } };
  expect(last.template).toBe('password-reset');
  return new URL(last.data.link).searchParams.get('token')!;
}

/** The service seen `ms` from now: what a person opening a link later sees. */
const later = (ms: number): RightsDeps => ({ ...deps, now: () => new Date(Date.now() + ms) });

describe('forgotten password: asking for a link', () => {
  it('an active user gets one email with a 256-bit single-use link, stored hashed, working for an hour, and the request is audited', async () => {
    const { admin } = await newEnvironment(deps);
    const email = `bob@${uniqueDomain()}`;
    const { userId } = await newActiveUser(deps, admin, email);
    const before = (await emailsTo(email)).length;
    const outcome = await expectOneAudit(deps, 'user.password_reset_requested', () => requestPasswordReset(deps, { email: ` Bob@${email.split('@')[1]!.toUpperCase()} `, locale: 'nl' }));
    expect(outcome).toBe('link_sent');
    const mails = await emailsTo(email);
    expect(mails.length).toBe(before + 1);
    const token = await resetToken(email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await deps.prisma.passwordReset.findFirstOrThrow({ where: { userId } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(3590_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(3600_000 + 5_000);
    const rendered = renderEmail(mails.at(-1)!.payload as never);
    expect(rendered.subject).toBe('Kies een nieuw eConnect-wachtwoord');
    expect(rendered.text).toContain(`https://rights.example.test/password/reset?token=${token}`);
    expect(await describePasswordReset(deps, token)).toMatchObject({ email, locale: 'en' });
  });

  it('an unknown address, a blocked and a removed user get nothing, and nothing changes', async () => {
    const { admin } = await newEnvironment(deps);
    const domain = uniqueDomain();
    const blocked = await newActiveUser(deps, admin, `blocked@${domain}`);
    const removed = await newActiveUser(deps, admin, `removed@${domain}`);
    await blockUser(deps, admin, { userId: blocked.userId });
    await removeUser(deps, admin, { userId: removed.userId });
    for (const email of [`nobody@${domain}`, `blocked@${domain}`, `removed@${domain}`, 'not an address']) {
      const outcome = await expectRefusedUnchangedOutcome(() => requestPasswordReset(deps, { email }));
      expect(outcome).toBe('nothing_sent');
    }
  });

  it('an invited user gets a fresh activation link instead, and the older link stops working (a resend)', async () => {
    const { admin, adminUser } = await newEnvironment(deps);
    const email = `gast@${uniqueDomain()}`;
    const invited = await inviteUser(deps, admin, { email, role: 'ADVANCED' });
    const first = await latestInvitationToken(deps, email);
    const outcome = await expectOneAudit(deps, 'invitation.resent', () => requestPasswordReset(deps, { email }));
    expect(outcome).toBe('activation_link_sent');
    const second = await latestInvitationToken(deps, email);
    expect(second).not.toBe(first);
    const invitations = await deps.prisma.invitation.findMany({ where: { userId: invited.user.id }, orderBy: { createdAt: 'asc' } });
    expect(invitations.map((i) => Boolean(i.revokedAt))).toEqual([true, false]);
    expect(invitations[1]!.invitedById).toBe(adminUser.id);
    const mail = (await emailsTo(email)).at(-1)!.payload as { template: string; data: { role: string; inviterEmail: string } };
    expect(mail).toMatchObject({ template: 'invitation', data: { role: 'ADVANCED', inviterEmail: adminUser.email } });
    expect(await deps.prisma.passwordReset.count({ where: { userId: invited.user.id } })).toBe(0);
  });
});

/** Nothing in the database changes; returns what the use case answered. */
async function expectRefusedUnchangedOutcome<T>(fn: () => Promise<T>): Promise<T> {
  const count = () => Promise.all([deps.prisma.outboxMessage.count(), deps.prisma.passwordReset.count(), deps.prisma.auditEvent.count(), deps.prisma.invitation.count()]);
  const before = await count();
  const result = await fn();
  expect(await count()).toEqual(before);
  return result;
}

describe('forgotten password: choosing the new one', () => {
  async function activeUserWithSessions() {
    const { admin } = await newEnvironment(deps);
    const email = `anna@${uniqueDomain()}`;
    const user = await newActiveUser(deps, admin, email, 'BASIC', 'Anna Jansen');
    const a = await login(deps, { email, password: strongPassword });
    const b = await createSession(deps, user.userId, 'Mozilla/5.0 Firefox/130.0');
    await requestPasswordReset(deps, { email });
    return { ...user, admin, sessions: [a.token, b.token], token: await resetToken(email) };
  }

  it('sets the password, ends every session and every other link, once; the old password stops working', async () => {
    const u = await activeUserWithSessions();
    await requestPasswordReset(deps, { email: u.email });
    const newest = await resetToken(u.email);
    // the older link stopped working when the newer one was sent
    await expectRefusedUnchanged(deps, 'password_reset_revoked', () => completePasswordReset(deps, { token: u.token, password: NEW_PASSWORD }));
    const done = await expectOneAudit(deps, 'user.password_reset', () => completePasswordReset(deps, { token: newest, password: NEW_PASSWORD }));
    expect(done.sessionsEnded).toBe(2);
    for (const s of u.sessions) expect(await findSessionUser(deps, s)).toBeNull();
    await expect(login(deps, { email: u.email, password: strongPassword })).rejects.toMatchObject({ code: 'not_authenticated' });
    expect((await login(deps, { email: u.email, password: NEW_PASSWORD })).userId).toBe(u.userId);
    await expectRefusedUnchanged(deps, 'password_reset_used', () => completePasswordReset(deps, { token: newest, password: 'another fine passphrase here' }));
  });

  it('a link older than an hour has expired and changes nothing; within the hour it works', async () => {
    const u = await activeUserWithSessions();
    await expectRefusedUnchanged(deps, 'password_reset_expired', () => completePasswordReset(later(3600_000 + 1000), { token: u.token, password: NEW_PASSWORD }));
    await expect(describePasswordReset(later(3600_000 + 1000), u.token)).rejects.toMatchObject({ code: 'password_reset_expired' });
    expect((await completePasswordReset(later(3500_000), { token: u.token, password: NEW_PASSWORD })).user.id).toBe(u.userId);
  });

  it('refuses a weak password and one made from the address or the name, changing nothing', async () => {
    const u = await activeUserWithSessions();
    for (const password of ['password1234', `${u.email}1`, 'anna@jansen!2024', `Jansen${u.email.split('@')[1]}`]) {
      const err = await expectRefusedUnchanged(deps, 'weak_password', () => completePasswordReset(deps, { token: u.token, password }));
      expect(err.field).toBe('password');
    }
  });

  it('a link of a user blocked since, and a link that never existed, do not work', async () => {
    const u = await activeUserWithSessions();
    await blockUser(deps, u.admin, { userId: u.userId });
    await expectRefusedUnchanged(deps, 'password_reset_revoked', () => completePasswordReset(deps, { token: u.token, password: NEW_PASSWORD }));
    await expectRefusedUnchanged(deps, 'password_reset_invalid', () => completePasswordReset(deps, { token: 'x'.repeat(43), password: NEW_PASSWORD }));
  });
});

describe('registration: a password made from the address or the name, and the company name', () => {
  async function verified(email: string, locale: 'en' | 'nl' = 'en') {
    await startRegistration(deps, { email, locale });
    const link = ((await emailsTo(email)).at(-1)!.payload as { data: { link: string } }).data.link;
    return new URL(link).searchParams.get('token')!;
  }

  it('refuses dave@acme.nl1 and the name run together, for the address dave@acme.nl', async () => {
    const domain = uniqueDomain();
    const token = await verified(`dave@${domain}`);
    for (const password of [`dave@${domain}1`, 'davedevries2024!', `${domain}-dave-99`]) {
      await expectRefusedUnchanged(deps, 'weak_password', () => completeRegistration(deps, { token, name: 'Dave de Vries', password }));
    }
  });

  it('names a new environment as asked, else after its domain; a shared mail service after the person, in their language', async () => {
    const named = await completeRegistration(deps, { token: await verified(`eva@${uniqueDomain()}`), name: 'Eva', password: strongPassword, environmentName: ' Eva Bakkerij  B.V. ' });
    expect(named.environment.name).toBe('Eva Bakkerij B.V.');
    const domain = uniqueDomain();
    const byDomain = await completeRegistration(deps, { token: await verified(`ed@${domain}`), name: 'Ed', password: strongPassword, environmentName: '' });
    expect(byDomain.environment.name).toBe(domain);
    const nl = await completeRegistration(deps, { token: await verified(`zz${uniqueDomain().slice(2, 10)}@gmail.com`, 'nl'), name: 'Piet Jansen', password: strongPassword });
    expect(nl).toMatchObject({ outcome: 'new_environment_public_domain', environment: { name: 'Omgeving van Piet Jansen' } });
    const en = await completeRegistration(deps, { token: await verified(`yy${uniqueDomain().slice(2, 10)}@gmail.com`), name: 'Kim', password: strongPassword });
    expect(en.environment.name).toBe("Kim's environment");
  });
});

describe('the account: name, password, language, sessions', () => {
  it('changes the name and the language, audited; a bad name changes nothing', async () => {
    const { admin } = await newEnvironment(deps);
    const u = await newActiveUser(deps, admin, `nina@${uniqueDomain()}`);
    expect(await expectOneAudit(deps, 'user.renamed', () => changeName(deps, u.actor, { name: '  Nina  de Wit ' }))).toEqual({ name: 'Nina de Wit', changed: true });
    await expectRefusedUnchanged(deps, 'invalid_input', () => changeName(deps, u.actor, { name: '   ' }));
    expect(await expectOneAudit(deps, 'user.language_set', () => setLanguage(deps, u.actor, { locale: 'nl' }))).toEqual({ locale: 'nl', changed: true });
    const session = await login(deps, { email: u.email, password: strongPassword });
    expect(await findSessionUser(deps, session.token)).toMatchObject({ name: 'Nina de Wit', language: 'nl' });
    await setLanguage(deps, u.actor, { locale: null });
    expect(await findSessionUser(deps, session.token)).toMatchObject({ language: 'en' });
  });

  it('changes the password with the current one only, ending the other sessions and keeping this one', async () => {
    const { admin } = await newEnvironment(deps);
    const u = await newActiveUser(deps, admin, `olaf@${uniqueDomain()}`, 'BASIC', 'Olaf');
    const here = await login(deps, { email: u.email, password: strongPassword, userAgent: 'Mozilla/5.0 Chrome/140.0' });
    const there = await login(deps, { email: u.email, password: strongPassword });
    const err = await expectRefusedUnchanged(deps, 'invalid_input', () => changePassword(deps, u.actor, { current: 'not my password', password: NEW_PASSWORD, sessionToken: here.token }));
    expect(err.field).toBe('current');
    await expectRefusedUnchanged(deps, 'weak_password', () => changePassword(deps, u.actor, { current: strongPassword, password: `${u.email}!`, sessionToken: here.token }));
    const done = await expectOneAudit(deps, 'user.password_changed', () => changePassword(deps, u.actor, { current: strongPassword, password: NEW_PASSWORD, sessionToken: here.token }));
    expect(done.sessionsEnded).toBe(1);
    expect(await findSessionUser(deps, here.token)).not.toBeNull();
    expect(await findSessionUser(deps, there.token)).toBeNull();
    expect((await login(deps, { email: u.email, password: NEW_PASSWORD })).userId).toBe(u.userId);
  });

  it('lists the sessions with their browser, this one marked, and logs out everywhere else', async () => {
    const { admin } = await newEnvironment(deps);
    const u = await newActiveUser(deps, admin, `pim@${uniqueDomain()}`);
    const here = await login(deps, { email: u.email, password: strongPassword, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36' });
    await login(deps, { email: u.email, password: strongPassword, userAgent: 'Mozilla/5.0 Firefox/130.0' });
    await login(deps, { email: u.email, password: strongPassword });
    const listed = await listSessions(deps, u.actor, here.token);
    expect(listed.length).toBe(3);
    expect(listed.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36']);
    expect(await expectOneAudit(deps, 'user.sessions_ended', () => endOtherSessions(deps, u.actor, here.token))).toEqual({ sessionsEnded: 2 });
    expect((await listSessions(deps, u.actor, here.token)).map((s) => s.current)).toEqual([true]);
  });
});

describe("the environment's name and language (environment Administrators only, rule 1)", () => {
  it('an administrator renames it and sets its language, audited; a basic user is refused and nothing changes', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const basic = await newActiveUser(deps, admin, `basic@${domain}`);
    await expectOneAudit(deps, 'environment.renamed', () => renameEnvironment(deps, admin, { name: 'Acme Holding' }));
    await expectOneAudit(deps, 'environment.language_set', () => setEnvironmentLanguage(deps, admin, { locale: 'nl' }));
    expect(await describeEnvironment(deps, admin)).toMatchObject({ name: 'Acme Holding', locale: 'nl', domains: [domain], slackTeamId: null, notificationChannelId: null, people: 2 });
    await expectRefusedUnchanged(deps, 'forbidden', () => renameEnvironment(deps, basic.actor, { name: 'Mine now' }));
    await expectRefusedUnchanged(deps, 'forbidden', () => setEnvironmentLanguage(deps, basic.actor, { locale: 'en' }));
    await expect(describeEnvironment(deps, basic.actor)).rejects.toMatchObject({ code: 'forbidden' });
    await expectRefusedUnchanged(deps, 'invalid_input', () => renameEnvironment(deps, admin, { name: '' }));
  });
});
