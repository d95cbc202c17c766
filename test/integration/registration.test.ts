// Rule 7 (domain auto-join) through the rights service, on PGlite and on PostgreSQL: registration in
// two steps, login, sessions, and every refusal leaves the database as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockUser, completeRegistration, describeAccount, describeRegistration, endSession, findSessionUser, inviteUser,
  linkSlackUser, login, removeUser, setNotificationChannel, startRegistration, type RightsDeps,
} from '../../src/rights/index.ts';
import { renderEmail } from '../../src/mail/templates/index.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newEnvironment, newOrganisation, strongPassword, uniqueDomain } from '../support/factories.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
beforeAll(async () => {
  t = await openTestDatabase({ publicUrl: 'https://rights.example.test' });
  deps = t.deps;
});
afterAll(async () => {
  await t?.close();
});

/** The newest registration email queued for `email`. */
async function lastEmail(email: string) {
  const msg = await deps.prisma.outboxMessage.findFirst({
    where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } },
    orderBy: { createdAt: 'desc' },
  });
  return msg?.payload as { template: string; locale: string; data: { kind: string; link?: string; loginLink?: string; status?: string } } | undefined;
}

/** Step 1 and the link from the email: what a person gets after proving the address. */
async function verifiedToken(email: string, locale: 'en' | 'nl' = 'en') {
  const { email: normalised } = await startRegistration(deps, { email, locale });
  const mail = await lastEmail(normalised);
  expect(mail).toMatchObject({ template: 'registration-verification', locale, data: { kind: 'verify' } });
  const link = new URL(mail!.data.link!);
  expect(link.origin + link.pathname).toBe('https://rights.example.test/register/verify');
  return link.searchParams.get('token')!;
}

async function register(email: string, name = 'Nina Nieuw') {
  const token = await verifiedToken(email);
  return completeRegistration(deps, { token, name, password: strongPassword });
}

async function counts() {
  const [users, environments, domains, verifications, sessions, audits] = await Promise.all([
    deps.prisma.user.count(), deps.prisma.environment.count(), deps.prisma.environmentDomain.count(),
    deps.prisma.emailVerification.count({ where: { usedAt: { not: null } } }), deps.prisma.session.count(), deps.prisma.auditEvent.count(),
  ]);
  return { users, environments, domains, verifications, sessions, audits };
}

describe('step 1: proving the address', () => {
  it('creates nothing but a verification and its email, with a single-use 256-bit token stored hashed', async () => {
    const before = await counts();
    const email = `new@${uniqueDomain()}`;
    const token = await verifiedToken(email, 'nl');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await deps.prisma.emailVerification.findFirstOrThrow({ where: { email } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.locale).toBe('nl');
    expect(await counts()).toEqual(before);
    expect(await describeRegistration(deps, token)).toMatchObject({ email, locale: 'nl' });
    // the queued payload renders as the Dutch email, the link in the text and in the HTML
    const mail = renderEmail((await lastEmail(email))!);
    expect(mail.subject).toBe('Bevestig je e-mailadres voor eConnect');
    expect(mail.text).toContain(`https://rights.example.test/register/verify?token=${token}`);
    expect(mail.html).toContain(`href="https://rights.example.test/register/verify?token=${token}"`);
    expect(mail.html).toContain('<html lang="nl">');
  });

  it('answers the same for a registered address, and mails "you already have an account" instead of a link', async () => {
    const { domain } = await newEnvironment(deps);
    const before = await deps.prisma.emailVerification.count();
    const answer = await startRegistration(deps, { email: ` Admin@${domain.toUpperCase()} ` });
    expect(answer).toEqual({ email: `admin@${domain}` });
    expect(await deps.prisma.emailVerification.count()).toBe(before);
    const mail = await lastEmail(`admin@${domain}`);
    expect(mail?.data).toEqual({ kind: 'existing', status: 'ACTIVE', loginLink: 'https://rights.example.test/login' });
    expect(JSON.stringify(mail)).not.toContain('/register/verify');
    const rendered = renderEmail(mail!);
    expect(rendered.subject).toBe('You already have an eConnect account');
    expect(rendered.text).toContain('Log in with your email address and password:\nhttps://rights.example.test/login');
  });

  it('refuses an address that is not one, saying what to type', async () => {
    const before = await deps.prisma.outboxMessage.count();
    await expect(startRegistration(deps, { email: 'not an address' })).rejects.toMatchObject({ code: 'invalid_input', field: 'email', userMessage: expect.stringContaining('name@company.nl') });
    expect(await deps.prisma.outboxMessage.count()).toBe(before);
  });
});

describe('step 2: where the person lands (rule 7)', () => {
  it('an unknown domain: a new environment owning the domain, with the person as its first active Administrator', async () => {
    const domain = uniqueDomain();
    const r = await register(`eva@${domain}`, 'Eva Eerste');
    expect(r.outcome).toBe('new_environment');
    expect(r.user).toMatchObject({ email: `eva@${domain}`, role: 'ADMINISTRATOR', status: 'ACTIVE' });
    const owner = await deps.prisma.environmentDomain.findUniqueOrThrow({ where: { domain } });
    expect(owner.environmentId).toBe(r.user.environmentId);
    const account = await describeAccount(deps, r.user.id);
    expect(account).toMatchObject({ role: 'ADMINISTRATOR', domains: [domain], organisations: [] });
  });

  it('a domain an environment owns: a BASIC active user with no organisations, administrators told in Slack', async () => {
    const { environment, domain, admin } = await newEnvironment(deps);
    await newOrganisation(deps, admin, 'Acme Sales');
    await linkSlackUser(deps, admin.userId, 'UADMIN1');
    const r = await register(`bob@${domain}`, 'Bob Basic');
    expect(r.outcome).toBe('joined');
    expect(r.user).toMatchObject({ environmentId: environment.id, role: 'BASIC', status: 'ACTIVE' });
    expect(await deps.prisma.membership.count({ where: { userId: r.user.id } })).toBe(0);
    const audit = await deps.prisma.auditEvent.findFirstOrThrow({ where: { targetId: r.user.id } });
    expect(audit).toMatchObject({ action: 'user.auto_joined', actorUserId: r.user.id, environmentId: environment.id });
    const slack = await deps.prisma.outboxMessage.findMany({ where: { kind: 'SLACK', environmentId: environment.id } });
    expect(slack.map((m) => m.payload)).toEqual([
      { channel: 'UADMIN1', kind: 'user.auto_joined', data: { userId: r.user.id, userName: 'Bob Basic', email: `bob@${domain}`, environmentName: environment.name } },
    ]);
  });

  it('with a notification channel, the channel is told once instead of each administrator', async () => {
    const { environment, domain, admin } = await newEnvironment(deps);
    await linkSlackUser(deps, admin.userId, 'UADMIN2');
    await setNotificationChannel(deps, admin, { channelId: 'CTRIAGE' });
    const r = await register(`carla@${domain}`);
    const slack = await deps.prisma.outboxMessage.findMany({ where: { kind: 'SLACK', environmentId: environment.id } });
    expect(slack.map((m) => (m.payload as { channel: string }).channel)).toEqual(['CTRIAGE']);
    expect((slack[0]!.payload as { data: { userId: string } }).data.userId).toBe(r.user.id);
  });

  it('mixed case and IDN addresses compare after normalisation; a subdomain is a different domain', async () => {
    const base = `bücher${uniqueDomain().slice(2, 8)}.nl`;
    const first = await register(`Anna@${base.toUpperCase()}`);
    const ascii = new URL(`http://${base}`).hostname;
    expect(ascii).toMatch(/^xn--/);
    expect(first.user.email).toBe(`anna@${ascii}`);
    expect(first.outcome).toBe('new_environment');
    const second = await register(`Bert@${base.replace('b', 'B')}`);
    expect(second).toMatchObject({ outcome: 'joined', user: { environmentId: first.user.environmentId, role: 'BASIC', email: `bert@${ascii}` } });
    const third = await register(`cees@${ascii}`);
    expect(third.user.environmentId).toBe(first.user.environmentId);
    const sub = await register(`dirk@mail.${ascii}`);
    expect(sub.outcome).toBe('new_environment');
    expect(sub.user.environmentId).not.toBe(first.user.environmentId);
  });

  it('a public mail domain: a new environment without a domain for each person, never attached', async () => {
    const before = await deps.prisma.environmentDomain.count();
    const a = await register(`jan.${Date.now()}@gmail.com`);
    const b = await register(`piet.${Date.now()}@GMAIL.com`);
    expect(a).toMatchObject({ outcome: 'new_environment_public_domain', user: { role: 'ADMINISTRATOR', status: 'ACTIVE' }, environment: { domain: null } });
    expect(b.outcome).toBe('new_environment_public_domain');
    expect(b.user.environmentId).not.toBe(a.user.environmentId);
    expect(await deps.prisma.environmentDomain.count()).toBe(before);
    expect(await deps.prisma.environmentDomain.findUnique({ where: { domain: 'gmail.com' } })).toBeNull();
  });

  it('four people of one new domain registering at once make one environment: one Administrator, three join', async () => {
    // a few rounds, so the interleavings where a colleague commits between look-up and insert occur
    for (let round = 0; round < 3; round++) {
      const domain = uniqueDomain();
      const names = ['een', 'twee', 'drie', 'vier'];
      const tokens = await Promise.all(names.map((n) => verifiedToken(`${n}@${domain}`)));
      const results = await Promise.all(tokens.map((token, i) => completeRegistration(deps, { token, name: names[i]!, password: strongPassword })));
      expect(results.map((r) => r.outcome).sort()).toEqual(['joined', 'joined', 'joined', 'new_environment']);
      expect(new Set(results.map((r) => r.user.environmentId)).size).toBe(1);
      const users = await deps.prisma.user.findMany({ where: { email: { endsWith: `@${domain}` } }, select: { role: true } });
      expect(users.map((u) => u.role).sort()).toEqual(['ADMINISTRATOR', 'BASIC', 'BASIC', 'BASIC']);
      expect(await deps.prisma.environmentDomain.count({ where: { domain } })).toBe(1);
      expect(await deps.prisma.environment.count({ where: { name: domain } })).toBe(1);
    }
  });
});

describe('step 2 refusals change nothing', () => {
  it('a made-up, used or expired link, a weak password, an address registered meanwhile', async () => {
    const domain = uniqueDomain();
    const token = await verifiedToken(`zoe@${domain}`);
    const before = await counts();
    await expect(completeRegistration(deps, { token: 'x'.repeat(43), name: 'Zoe', password: strongPassword })).rejects.toMatchObject({ code: 'verification_invalid' });
    await expect(completeRegistration(deps, { token: 'short', name: 'Zoe', password: strongPassword })).rejects.toMatchObject({ code: 'verification_invalid' });
    await expect(completeRegistration(deps, { token, name: 'Zoe', password: 'password1234' })).rejects.toMatchObject({ code: 'weak_password', field: 'password' });
    await expect(completeRegistration(deps, { token, name: '  ', password: strongPassword })).rejects.toMatchObject({ code: 'invalid_input', field: 'name' });
    const later: RightsDeps = { ...deps, now: () => new Date(Date.now() + deps.options.verificationTtlMs + 60_000) };
    await expect(completeRegistration(later, { token, name: 'Zoe', password: strongPassword })).rejects.toMatchObject({ code: 'verification_invalid', userMessage: expect.stringContaining('expired') });
    expect(await counts()).toEqual(before);

    // Two links for one address: the first completes, the second cannot make a second account.
    const second = await verifiedToken(`zoe@${domain}`);
    await completeRegistration(deps, { token, name: 'Zoe', password: strongPassword });
    await expect(completeRegistration(deps, { token, name: 'Zoe', password: strongPassword })).rejects.toMatchObject({ code: 'verification_invalid', userMessage: expect.stringContaining('already used') });
    const after = await counts();
    await expect(completeRegistration(deps, { token: second, name: 'Zoe 2', password: strongPassword })).rejects.toMatchObject({ code: 'already_exists' });
    expect(await counts()).toEqual(after);
  });
});

describe('login and sessions', () => {
  it('logs in with the registered password; the session ends at logout', async () => {
    const email = `lars@${uniqueDomain()}`;
    const r = await register(email, 'Lars');
    const s = await login(deps, { email: ` LARS@${email.split('@')[1]!.toUpperCase()}`, password: strongPassword });
    expect(s.userId).toBe(r.user.id);
    expect(await findSessionUser(deps, s.token)).toMatchObject({ id: r.user.id, email });
    const stored = await deps.prisma.session.findMany({ where: { userId: r.user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toBe(s.token);
    await endSession(deps, s.token);
    expect(await findSessionUser(deps, s.token)).toBeNull();
    const late: RightsDeps = { ...deps, now: () => new Date(Date.now() + 13 * 3600_000) };
    const s2 = await login(deps, { email, password: strongPassword });
    expect(await findSessionUser(late, s2.token)).toBeNull();
    expect(await findSessionUser(deps, 'not-a-token')).toBeNull();
  });

  it('wrong password, unknown email, invited, blocked and removed users all get the same answer', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const blocked = await register(`blok@${domain}`);
    const removed = await register(`weg@${domain}`);
    await inviteUser(deps, admin, { email: `later@${domain}` });
    const session = await login(deps, { email: `blok@${domain}`, password: strongPassword });
    const session2 = await login(deps, { email: `weg@${domain}`, password: strongPassword });
    await blockUser(deps, admin, { userId: blocked.user.id });
    await removeUser(deps, admin, { userId: removed.user.id });
    // their sessions ended with the block and the removal
    expect(await findSessionUser(deps, session.token)).toBeNull();
    expect(await findSessionUser(deps, session2.token)).toBeNull();
    const before = await deps.prisma.session.count();
    const attempts = [
      { email: `admin@${domain}`, password: 'wrong password here' },
      { email: `nobody@${domain}`, password: strongPassword },
      { email: `later@${domain}`, password: strongPassword },
      { email: `blok@${domain}`, password: strongPassword },
      { email: `weg@${domain}`, password: strongPassword },
      { email: 'not an address', password: strongPassword },
    ];
    const messages = new Set<string>();
    for (const a of attempts) {
      const err = await login(deps, a).then(() => null, (e: unknown) => e as { code: string; userMessage: string });
      expect(err).toMatchObject({ code: 'not_authenticated' });
      messages.add(err!.userMessage);
    }
    expect(messages.size).toBe(1);
    expect(await deps.prisma.session.count()).toBe(before);
    await expect(login(deps, { email: `admin@${domain}`, password: '' })).rejects.toMatchObject({ code: 'invalid_input', field: 'password' });
  });

  it('a session of a user blocked without the block use case (status changed elsewhere) still stops working', async () => {
    const r = await register(`sneaky@${uniqueDomain()}`);
    const s = await login(deps, { email: r.user.email, password: strongPassword });
    await deps.prisma.user.update({ where: { id: r.user.id }, data: { status: 'BLOCKED' } });
    expect(await findSessionUser(deps, s.token)).toBeNull();
  });
});
