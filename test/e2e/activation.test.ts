// The invited person's whole path, with the app as a process: the invitation arrives at a real SMTP
// server, the link is opened in real Chromium, the form filled by its labels, and the user is then
// ACTIVE in the database and the administrators are told at the fake Slack Web API.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, inviteUser, resendInvitation, revokeInvitation } from '../../src/rights/index.ts';
import { launchBrowser, openPage, type Browser } from '../support/browser.ts';
import { messageText } from '../support/fake-slack.ts';
import { findLink } from '../support/smtp.ts';
import { CookieJar, hiddenField, seedEnvironment, startWorld, type World } from './activation-support.ts';

let w: World;
let browser: Browser;
let acme: Awaited<ReturnType<typeof seedEnvironment>>;
const STRONG = 'lantern orbit maple fjord 73';
let seq = 0;
const nextEmail = (what: string) => `${what}${++seq}@acme.test`;

beforeAll(async () => {
  w = await startWorld();
  browser = await launchBrowser();
  acme = await seedEnvironment(w.deps, { name: 'Acme', slackUserId: 'UADA', channel: 'CADMINS' });
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});
afterEach(() => {
  w.slack.assertClean();
});

/** Invites someone and returns the link from the email the SMTP server received. */
async function invite(email: string, opts: { role?: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR'; organisations?: { organisationId: string }[] } = {}) {
  const r = await inviteUser(w.deps, acme.admin, { email, role: opts.role, organisations: opts.organisations });
  const mail = await w.smtp.waitForMessageTo(email);
  return { userId: r.user.id, link: findLink(mail, `${w.baseUrl}/activate?token=`), mail };
}

const status = async (userId: string) => (await w.db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).status;

describe('activation', () => {
  it('takes an invited person from the email to an active account, and tells the inviter and the channel', async () => {
    const sales = (await createOrganisation(w.deps, acme.admin, { name: 'Acme Sales' })).organisation;
    const email = nextEmail('eva');
    const { userId, link, mail } = await invite(email, { role: 'ADVANCED', organisations: [{ organisationId: sales.id }] });
    expect(mail.subject).toBe('Ada Admin invited you to Acme on eConnect');
    expect(mail.text).toContain('as an Advanced user');
    expect(mail.text).toContain('you join: Acme Sales');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@rights\.acme\.test>$/);

    const { context, page } = await openPage(browser, { phone: true });
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Activate your account');
    await expect(page.locator('main').textContent()).resolves.toContain('Ada Admin invited you to the eConnect environment “Acme” as an Advanced user.');

    // a weak password is refused with a reason, and nothing changes
    await page.getByLabel('Your name').fill('Eva Jansen');
    await page.getByLabel('Choose a password').fill('password123');
    await page.getByLabel('Type the password again').fill('password123');
    await page.getByRole('button', { name: 'Activate account' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/too easy to guess|at least 10/);
    expect(await page.getByLabel('Choose a password').getAttribute('aria-invalid')).toBe('true');
    expect(await status(userId)).toBe('INVITED');

    // two different passwords: refused, nothing changes
    await page.getByLabel('Choose a password').fill(STRONG);
    await page.getByLabel('Type the password again').fill(`${STRONG}!`);
    await page.getByRole('button', { name: 'Activate account' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The two passwords are not the same');
    expect(await status(userId)).toBe('INVITED');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Eva Jansen');

    // by keyboard only: tab from the name through both passwords, Enter submits
    await page.getByLabel('Your name').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type(STRONG);
    await page.keyboard.press('Tab');
    await page.keyboard.type(STRONG);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your account is active' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Welcome, Eva Jansen. You are now an Advanced user in Acme.');
    await context.close();

    const user = await w.db.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect(user).toMatchObject({ status: 'ACTIVE', name: 'Eva Jansen', role: 'ADVANCED' });
    expect(user.memberships).toMatchObject([{ organisationId: sales.id, role: 'MEMBER' }]);

    const [dm] = await w.slack.waitFor('chat.postMessage', (a) => a.channel === 'UADA' && messageText(a).includes(email), 1, 15_000);
    const [channel] = await w.slack.waitFor('chat.postMessage', (a) => a.channel === 'CADMINS' && messageText(a).includes(email), 1, 15_000);
    for (const call of [dm!, channel!]) {
      expect(messageText(call.args)).toContain('*Eva Jansen*');
      const buttons = call.args.blocks.find((b: { type: string }) => b.type === 'actions').elements.map((e: { action_id: string; value: string }) => [e.action_id, e.value]);
      expect(buttons).toEqual(expect.arrayContaining([['notify_add_to_org', userId], ['notify_make_admin', userId]]));
    }
    // the activation link was never logged (SMTP is configured), and the sent email's link is wiped
    expect(w.app.output()).not.toContain(new URL(link).searchParams.get('token'));
    const row = await w.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } } });
    expect(row.status).toBe('SENT');
    expect((row.payload as { data: { link: unknown } }).data.link).toBeNull();
  });

  it('shows the page in the environment language (Dutch) with labels usable by their names', async () => {
    const nl = await seedEnvironment(w.deps, { name: 'Bakkerij Zon', locale: 'nl' });
    const email = nextEmail('piet');
    const r = await inviteUser(w.deps, nl.admin, { email });
    const mail = await w.smtp.waitForMessageTo(email);
    expect(mail.subject).toBe('Ada Admin heeft je uitgenodigd voor Bakkerij Zon in eConnect');
    const { context, page } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(findLink(mail, `${w.baseUrl}/activate?token=`));
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expect(page.locator('main').textContent()).resolves.toContain('heeft je uitgenodigd voor de eConnect-omgeving “Bakkerij Zon” als basisgebruiker.');
    // the person may switch to English and back
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Activate your account' }).waitFor();
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Activeer je account' }).waitFor();
    await page.getByLabel('Je naam').fill('Piet de Bakker');
    await page.getByLabel('Kies een wachtwoord').fill(STRONG);
    await page.getByLabel('Typ het wachtwoord nog een keer').fill(STRONG);
    await page.getByRole('button', { name: 'Account activeren' }).click();
    await page.getByRole('heading', { name: 'Je account is actief' }).waitFor();
    await context.close();
    expect(await status(r.user.id)).toBe('ACTIVE');
  });
});

describe('arriving from a webmail', () => {
  it('the link clicked on another site (localhost vs 127.0.0.1) still activates: the strict form cookie is renewed on arrival', async () => {
    const { userId, link } = await invite(nextEmail('webmail'));
    const { context, page } = await openPage(browser);
    await page.goto(link); // an earlier visit left this browser's cookies behind
    const webmail: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<p>Inbox</p><a href="${link}">Activate account</a>`);
    });
    await new Promise<void>((resolve) => webmail.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://localhost:${(webmail.address() as AddressInfo).port}/`);
      await page.getByRole('link', { name: 'Activate account' }).click();
      await page.getByLabel('Your name').fill('Wendy Webmail');
      await page.getByLabel('Choose a password').fill(STRONG);
      await page.getByLabel('Type the password again').fill(STRONG);
      await page.getByRole('button', { name: 'Activate account' }).click();
      await page.getByRole('heading', { name: 'Your account is active' }).waitFor();
    } finally {
      await context.close();
      webmail.closeAllConnections();
      await new Promise((r) => webmail.close(r));
    }
    expect(await status(userId)).toBe('ACTIVE');
  });
});

describe('broken links', () => {
  async function openProblem(url: string) {
    const { context, page } = await openPage(browser);
    const res = await page.goto(url);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    const text = await page.locator('main').textContent();
    const hasForm = (await page.getByLabel('Choose a password').count()) > 0;
    await context.close();
    return { status: res!.status(), heading, text: text ?? '', hasForm };
  }

  it('an expired link says to ask for a new invitation and changes nothing', async () => {
    const { userId, link } = await invite(nextEmail('old'));
    await w.db.prisma.invitation.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const p = await openProblem(link);
    expect(p).toMatchObject({ status: 410, heading: 'This link has expired', hasForm: false });
    expect(p.text).toContain('Ask for a new activation link');
    expect(await status(userId)).toBe('INVITED');
  });

  it('a revoked link says the invitation was withdrawn', async () => {
    const { userId, link } = await invite(nextEmail('gone'));
    await revokeInvitation(w.deps, acme.admin, { userId });
    const p = await openProblem(link);
    expect(p).toMatchObject({ status: 410, heading: 'This link no longer works', hasForm: false });
    expect(p.text).toContain('ask an administrator of your environment for a new invitation');
    expect(await status(userId)).toBe('REMOVED');
  });

  it('a used link says to log in', async () => {
    const { userId, link } = await invite(nextEmail('twice'));
    const { context, page } = await openPage(browser);
    await page.goto(link);
    await page.getByLabel('Your name').fill('Tom Twice');
    await page.getByLabel('Choose a password').fill(STRONG);
    await page.getByLabel('Type the password again').fill(STRONG);
    await page.getByRole('button', { name: 'Activate account' }).click();
    await page.getByRole('heading', { name: 'Your account is active' }).waitFor();
    await context.close();
    const before = await w.db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const p = await openProblem(link);
    expect(p).toMatchObject({ status: 410, heading: 'This link was already used', hasForm: false });
    expect(p.text).toContain('Log in with your email address and password');
    const after = await w.db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it('a forged or cut-off link says the link is not valid', async () => {
    for (const token of [randomBytes(32).toString('base64url'), 'abc', '']) {
      const p = await openProblem(`${w.baseUrl}/activate?token=${token}`);
      expect(p).toMatchObject({ status: 404, heading: 'This link does not work', hasForm: false });
      expect(p.text).toContain('Open the whole link from the invitation email');
    }
  });

  it('after a resend only the newest link works, also for a form opened with the old one', async () => {
    const email = nextEmail('resent');
    const first = await invite(email);
    // the old link's form is open in a tab while an administrator resends the invitation
    const { context, page } = await openPage(browser);
    await page.goto(first.link);
    await resendInvitation(w.deps, acme.admin, { userId: first.userId });
    const [, second] = await w.smtp.waitFor((m) => m.to.includes(email), 2);
    const newLink = findLink(second!, `${w.baseUrl}/activate?token=`);
    expect(newLink).not.toBe(first.link);
    await page.getByLabel('Your name').fill('Rita Resent');
    await page.getByLabel('Choose a password').fill(STRONG);
    await page.getByLabel('Type the password again').fill(STRONG);
    await page.getByRole('button', { name: 'Activate account' }).click();
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await context.close();
    expect(await status(first.userId)).toBe('INVITED');
    expect((await openProblem(first.link)).heading).toBe('This link no longer works');
    const fresh = await openProblem(newLink);
    expect(fresh).toMatchObject({ status: 200, heading: 'Activate your account', hasForm: true });
  });

  it('slows down an address that keeps trying wrong tokens, without blocking others', async () => {
    const { link } = await invite(nextEmail('guessed'));
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip, 'accept-language': 'en' } });
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${w.baseUrl}/activate?token=${randomBytes(32).toString('base64url')}`, from('198.51.100.7'));
      expect(res.status).toBe(404);
    }
    const blocked = await fetch(link, from('198.51.100.7'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain('Too many activation links that do not work were opened from your network');
    const other = await fetch(link, from('198.51.100.8'));
    expect(other.status).toBe(200);
  });
});

describe('forgery protection', () => {
  /** GETs the form like a browser, returning the cookie jar and the form's fields. */
  async function openForm(link: string) {
    const jar = new CookieJar();
    const res = await fetch(link);
    jar.take(res);
    const page = await res.text();
    return { jar, csrf: hiddenField(page, '_csrf'), token: hiddenField(page, 'token') };
  }
  const post = (jar: CookieJar | null, fields: Record<string, string>) =>
    fetch(`${w.baseUrl}/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(jar ? { cookie: jar.header() } : {}) },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  it('refuses a POST without the form token, with a wrong one, or with another browser\'s, and changes nothing', async () => {
    const { userId, link } = await invite(nextEmail('forged'));
    const mine = await openForm(link);
    const theirs = await openForm(link);
    const fields = { token: mine.token, name: 'Mallory', password: STRONG, confirm: STRONG };
    const attempts = [
      await post(mine.jar, fields),
      await post(mine.jar, { ...fields, _csrf: 'x'.repeat(40) }),
      await post(mine.jar, { ...fields, _csrf: theirs.csrf }),
      await post(null, { ...fields, _csrf: mine.csrf }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('This form has expired');
    }
    expect(await w.db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ status: 'INVITED', name: null, passwordHash: null });
    // the same request with the form's own token goes through
    const ok = await post(mine.jar, { ...fields, _csrf: mine.csrf });
    expect(ok.status).toBe(200);
    expect(await status(userId)).toBe('ACTIVE');
  });
});
