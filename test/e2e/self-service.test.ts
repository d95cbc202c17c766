// Self-service in real Chromium against the app as a process (real SMTP server, fake Slack Web API):
// a forgotten password from the login page to the account page, and every refusal (an unknown
// address answered the same, a link used twice, an expired link, a weak or address-derived password,
// the sessions a new password ends); invited people getting an activation link instead; the account
// page's name, password, language and sessions; an administrator's environment and next steps;
// registration's company name and password twice; the start page, 404 and the lang cookie.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockUser, createEnvironment, inviteUser, setNotificationChannel, type Actor } from '../../src/rights/index.ts';
import type { Page } from '../support/browser.ts';
import { newActiveUser, strongPassword } from '../support/factories.ts';
import { findLink, type ReceivedMail } from '../support/smtp.ts';
import { accountFacts, PASSWORD, requestLink, startWorld, type World } from './registration-support.ts';

let w: World;
let admin: Actor;
const tag = randomBytes(3).toString('hex');
const domain = `zelf-${tag}.nl`;
const people: Record<string, { userId: string; email: string }> = {};
const NEW_PASSWORD = 'amber lantern orchard seventy owls';

beforeAll(async () => {
  w = await startWorld();
  const env = await createEnvironment(w.deps, { email: `ada@${domain}`, name: 'Ada Admin', environmentName: 'Zelf B.V.', password: PASSWORD });
  admin = { userId: env.user.id };
  for (const name of ['bob', 'carl', 'dana', 'eve', 'finn']) people[name] = await newActiveUser(w.deps, admin, `${name}@${domain}`, 'BASIC', `${name[0]!.toUpperCase()}${name.slice(1)} Jansen`);
}, 120_000);
afterEach(() => {
  w.fake.assertClean();
});
afterAll(async () => {
  await w?.stop();
}, 60_000);

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const liveSessions = (userId: string) => w.db.prisma.session.count({ where: { userId, revokedAt: null } });

async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${w.base}/login?lang=en`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect.poll(() => heading(page)).not.toBe('Log in');
}

/** The next email to `email` after the ones already received. */
async function nextMail(email: string, already: number): Promise<ReceivedMail> {
  const list = await w.smtp.waitFor((m) => m.to.includes(email), already + 1, 45_000);
  return list[already]!;
}

/** From the login page to "Check your email", as a person does it. */
async function askForLink(page: Page, typed: string) {
  await page.goto(`${w.base}/login?lang=en`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email address').fill(typed);
  const answer = page.waitForResponse((r) => r.url().includes('/password/forgot') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  const status = (await answer).status();
  await expect.poll(() => heading(page)).toBe('Check your email');
  return { status, text: (await page.locator('main').textContent())!.replace(typed.toLowerCase(), '<address>') };
}

async function chooseNewPassword(page: Page, password: string, confirm = password) {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Type the new password again').fill(confirm);
  const answer = page.waitForResponse((r) => r.url().includes('/password/reset') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  return (await answer).status();
}

describe('a forgotten password', () => {
  it('from the login page to the account page: the same answer for an unknown address, a single-use link, every other session ended', async () => {
    const bob = people.bob!;
    const elsewhere = await w.visitor();
    await logIn(elsewhere.page, bob.email, strongPassword);
    expect(await heading(elsewhere.page)).toBe('Your account');

    const { page } = await w.visitor();
    const before = w.smtp.to(bob.email).length;
    const known = await askForLink(page, bob.email);
    const unknown = await askForLink(page, `niemand@${domain}`);
    expect(unknown).toEqual(known);
    expect(await w.db.prisma.outboxMessage.count({ where: { payload: { path: ['to'], equals: `niemand@${domain}` } } })).toBe(0);

    const mail = await nextMail(bob.email, before);
    expect(mail.subject).toBe('Choose a new eConnect password');
    const link = findLink(mail, `${w.base}/password/reset?token=`);
    await page.goto(link);
    expect(await heading(page)).toBe('Choose a new password');
    // a weak one, one made from the address, and two that differ are refused on the form
    expect(await chooseNewPassword(page, 'password1234')).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('too easy to guess');
    expect(await chooseNewPassword(page, `${bob.email}1`)).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('made from your email address or your name');
    expect(await chooseNewPassword(page, NEW_PASSWORD, `${NEW_PASSWORD}!`)).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('not the same');
    expect(await chooseNewPassword(page, NEW_PASSWORD)).toBe(303);
    expect(await heading(page)).toBe('Your account');
    expect(await page.getByRole('status').textContent()).toContain('You are logged in here and logged out everywhere else');
    expect(await liveSessions(bob.userId)).toBe(1);

    await elsewhere.page.reload();
    expect(await heading(elsewhere.page)).toBe('Log in');
    // the link works once
    const again = await w.visitor();
    const res = await again.page.goto(link);
    expect(res!.status()).toBe(410);
    expect(await heading(again.page)).toBe('This link does not work');
    expect(await again.page.getByRole('alert').textContent()).toContain('already used');
    await again.page.getByRole('link', { name: 'Ask for a new link' }).click();
    expect(await heading(again.page)).toBe('Forgot your password?');
    await logIn(again.page, bob.email, NEW_PASSWORD);
    expect(await heading(again.page)).toBe('Your account');
  });

  it('an expired link says so, in Dutch with the lang cookie, and offers a new one', async () => {
    const carl = people.carl!;
    const { page, context } = await w.visitor();
    await page.goto(`${w.base}/login?lang=nl`);
    expect((await context.cookies()).find((c) => c.name === 'lang')).toMatchObject({ value: 'nl', httpOnly: true, sameSite: 'Lax' });
    const before = w.smtp.to(carl.email).length;
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByLabel('E-mailadres').fill(carl.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await expect.poll(() => heading(page)).toBe('Kijk in je e-mail');
    const link = findLink(await nextMail(carl.email, before), `${w.base}/password/reset?token=`);
    await w.db.prisma.passwordReset.updateMany({ where: { userId: carl.userId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    // no ?lang= in the link: the cookie keeps Dutch
    const res = await page.goto(link);
    expect(res!.status()).toBe(410);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.getByRole('alert').textContent()).toContain('verlopen');
    expect(await page.getByRole('link', { name: 'Vraag een nieuwe link aan' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'English' }).count()).toBe(1);
  });

  it('an invited person gets a fresh activation link; a blocked person gets nothing', async () => {
    const gast = `gast@${domain}`;
    await inviteUser(w.deps, admin, { email: gast });
    await w.smtp.waitFor((m) => m.to.includes(gast), 1, 45_000);
    await blockUser(w.deps, admin, { userId: people.dana!.userId });
    const toDana = () => w.db.prisma.outboxMessage.count({ where: { payload: { path: ['to'], equals: people.dana!.email } } });
    const danaBefore = await toDana();
    const { page } = await w.visitor();
    const blocked = await askForLink(page, people.dana!.email);
    const invited = await askForLink(page, gast);
    expect(invited).toEqual(blocked);
    const mail = await nextMail(gast, 1);
    expect(mail.subject).toBe('Ada Admin invited you to Zelf B.V. on eConnect');
    await page.goto(findLink(mail, `${w.base}/activate?token=`));
    expect(await heading(page)).toBe('Activate your account');
    expect(await toDana()).toBe(danaBefore);
  });
});

describe('the account page', () => {
  it('changes the name; refuses a wrong current password, a weak or address-derived one; a new password ends the other sessions', async () => {
    const eve = people.eve!;
    const other = await w.visitor();
    await logIn(other.page, eve.email, strongPassword);
    const { page } = await w.visitor();
    await logIn(page, eve.email, strongPassword);
    expect(await page.getByRole('listitem').filter({ hasText: 'this browser' }).count()).toBe(1);

    await page.getByLabel('Change your name').fill('Eve de Vries');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Your name is changed.');
    expect(await accountFacts(page)).toMatchObject({ 'Your name': 'Eve de Vries' });

    const change = async (current: string, password: string) => {
      await page.getByLabel('Current password').fill(current);
      await page.getByLabel('New password', { exact: true }).fill(password);
      await page.getByLabel('Type the new password again').fill(password);
      const answer = page.waitForResponse((r) => r.url().includes('/account/password'));
      await page.getByRole('button', { name: 'Change password' }).click();
      return (await answer).status();
    };
    expect(await change('not my password at all', NEW_PASSWORD)).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('not your current password');
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    expect(await change(strongPassword, 'eve de vries 2024')).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('made from your email address or your name');
    expect(await liveSessions(eve.userId)).toBe(2);
    expect(await change(strongPassword, NEW_PASSWORD)).toBe(303);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('You are logged out everywhere else');
    expect(await liveSessions(eve.userId)).toBe(1);
    await other.page.reload();
    expect(await heading(other.page)).toBe('Log in');
  });

  it('switches the language for the person (kept for the next visit), and logs out everywhere else', async () => {
    const finn = people.finn!;
    const other = await w.visitor();
    await logIn(other.page, finn.email, strongPassword);
    const { page, context } = await w.visitor();
    await logIn(page, finn.email, strongPassword);
    await page.getByLabel('Nederlands').check();
    await page.getByRole('button', { name: 'Save language' }).click();
    await expect.poll(() => heading(page)).toBe('Je account');
    expect(await accountFacts(page)).toMatchObject({ 'Je taal': 'Nederlands' });
    expect(await w.db.prisma.user.findUniqueOrThrow({ where: { id: finn.userId }, select: { locale: true } })).toEqual({ locale: 'nl' });
    await context.clearCookies({ name: 'lang' });
    await page.goto(`${w.base}/account`);
    expect(await heading(page)).toBe('Je account');
    await page.getByRole('button', { name: 'Overal elders uitloggen' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Je bent overal elders uitgelogd.');
    expect(await liveSessions(finn.userId)).toBe(1);
    expect(await page.getByRole('button', { name: 'Overal elders uitloggen' }).count()).toBe(0);
  });

  it('an administrator sees the environment and the next steps, renames it and sets its language; a basic user sees neither', async () => {
    const { page } = await w.visitor();
    await logIn(page, `ada@${domain}`, PASSWORD);
    const steps = page.getByRole('region', { name: 'Next steps' });
    expect(await steps.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Connect Slack\. To do.*README/),
      expect.stringMatching(/^Invite your colleagues\. Done.*\/econnect invite/),
      expect.stringMatching(/^Choose where notifications go\. To do.*\/econnect notify-here/),
    ]);
    expect(await accountFacts(page)).toMatchObject({
      Name: 'Zelf B.V.', Language: 'English', 'Mail domains': domain, Slack: "Slack: not connected — see the README's Slack section",
      'Notification channel': expect.stringContaining('None chosen'),
    });
    await page.getByLabel('Rename the environment').fill('Zelf Holding');
    await page.getByRole('region', { name: 'Your environment' }).getByRole('button', { name: 'Save' }).first().click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('The environment is renamed.');
    await page.getByLabel('Language of the environment').selectOption('nl');
    await page.getByRole('region', { name: 'Your environment' }).getByRole('button', { name: 'Save' }).last().click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe("The environment's language is saved.");
    await setNotificationChannel(w.deps, admin, { channelId: 'CZELF01' });
    await page.reload();
    expect(await accountFacts(page)).toMatchObject({ Name: 'Zelf Holding', Language: 'Nederlands', 'Notification channel': expect.stringContaining('CZELF01') });
    const audit = await w.db.prisma.auditEvent.findMany({ where: { targetType: 'environment', action: { in: ['environment.renamed', 'environment.language_set'] } }, select: { action: true, actorUserId: true } });
    expect(audit).toEqual([{ action: 'environment.renamed', actorUserId: admin.userId }, { action: 'environment.language_set', actorUserId: admin.userId }]);

    const basic = await w.visitor();
    await logIn(basic.page, people.bob!.email, NEW_PASSWORD);
    expect(await basic.page.getByRole('region', { name: 'Your environment' }).count()).toBe(0);
    expect(await basic.page.getByRole('region', { name: 'Next steps' }).count()).toBe(0);
  });
});

describe('registration', () => {
  it('a new environment asks for the company name (the domain by default) and the password twice; one made from the address is refused', async () => {
    const { page } = await w.visitor();
    const newDomain = `nieuw-${tag}.nl`;
    const email = `dave@${newDomain}`;
    const mail = await requestLink(w, page, email, email);
    await page.goto(findLink(mail, `${w.base}/register/verify?token=`));
    expect(await page.getByLabel('Company name').inputValue()).toBe(newDomain);
    await page.getByLabel('Your name').fill('Dave de Vries');
    await page.getByLabel('Company name').fill('Dave Design B.V.');
    const submit = async (password: string, confirm = password) => {
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Type the password again').fill(confirm);
      const answer = page.waitForResponse((r) => r.url().includes('/register/verify') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Create account' }).click();
      return (await answer).status();
    };
    expect(await submit(`dave@${newDomain}1`)).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('made from your email address or your name');
    expect(await page.getByLabel('Company name').inputValue()).toBe('Dave Design B.V.');
    expect(await submit(PASSWORD, `${PASSWORD}x`)).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('not the same');
    expect(await submit(PASSWORD)).toBe(303);
    await expect.poll(() => heading(page)).toBe('Your account');
    expect(await accountFacts(page)).toMatchObject({ Environment: 'Dave Design B.V.', 'Mail domains': newDomain });
    expect(await page.getByRole('region', { name: 'Next steps' }).getByRole('listitem').count()).toBe(3);
  });

  it('joining an environment asks for no company name', async () => {
    const { page } = await w.visitor();
    const email = `gijs@${domain}`;
    const mail = await requestLink(w, page, email, email);
    await page.goto(findLink(mail, `${w.base}/register/verify?token=`));
    expect(await heading(page)).toBe('Create your account');
    expect(await page.getByLabel('Company name').count()).toBe(0);
  });
});

describe('pages', () => {
  it('the start page leads to log in and register; an unknown address is a page with a way on, in the chosen language', async () => {
    const { page } = await w.visitor();
    await page.goto(`${w.base}/`);
    expect(await heading(page)).toBe('eConnect rights');
    await page.getByRole('link', { name: 'Register with your work email address' }).click();
    expect(await heading(page)).toBe('Register');
    await page.goto(`${w.base}/`);
    await page.getByRole('link', { name: 'Log in' }).click();
    expect(await heading(page)).toBe('Log in');
    await page.getByRole('link', { name: 'Nederlands' }).click();
    const res = await page.goto(`${w.base}/bestaat/niet`);
    expect(res!.status()).toBe(404);
    expect(res!.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.title()).toBe('Pagina niet gevonden · eConnect');
    expect(await page.getByRole('main').getByRole('link', { name: 'Inloggen' }).count()).toBe(1);
    const api = await fetch(`${w.base}/api/v1/nothing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found' });
  });
});
