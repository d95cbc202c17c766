// Login, the account page, logout and every refusal, in real Chromium against the app as a process:
// wrong passwords and unknown addresses get one answer, blocked and removed users are thrown out and
// cannot come back, too many attempts are slowed down, forged form posts change nothing.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, blockUser, createEnvironment, createOrganisation, inviteUser, removeUser, type Actor } from '../../src/rights/index.ts';
import { newActiveUser, strongPassword } from '../support/factories.ts';
import { accountFacts, formClient, PASSWORD, startWorld, type World } from './registration-support.ts';
import type { Page } from '../support/browser.ts';

let w: World;
let admin: Actor;
const tag = randomBytes(3).toString('hex');
const domain = `login-${tag}.nl`;
const people: Record<string, { userId: string; email: string }> = {};

beforeAll(async () => {
  w = await startWorld();
  const env = await createEnvironment(w.deps, { email: `ada@${domain}`, name: 'Ada Admin', environmentName: 'Acme', password: PASSWORD });
  admin = { userId: env.user.id };
  for (const name of ['bob', 'carl', 'dana', 'eve', 'finn']) people[name] = await newActiveUser(w.deps, admin, `${name}@${domain}`, 'BASIC', name);
  const sales = (await createOrganisation(w.deps, admin, { name: 'Acme Sales' })).organisation;
  const buying = (await createOrganisation(w.deps, admin, { name: 'Acme Purchasing' })).organisation;
  await addMember(w.deps, admin, { organisationId: sales.id, userId: people.bob!.userId, role: 'MEMBER' });
  await addMember(w.deps, admin, { organisationId: buying.id, userId: people.bob!.userId, role: 'ADMINISTRATOR' });
  await inviteUser(w.deps, admin, { email: `gast@${domain}` });
}, 120_000);
afterAll(async () => {
  await w?.stop();
}, 60_000);

/** Fills the login form with the keyboard only, as someone without a mouse would. */
async function logIn(page: Page, email: string, password: string, lang = 'en') {
  await page.goto(`${w.base}/login?lang=${lang}`);
  await page.getByLabel(lang === 'nl' ? 'E-mailadres' : 'Email address').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  const response = page.waitForResponse((r) => r.url().includes('/login') && r.request().method() === 'POST');
  // waits for the whole navigation, through the redirect to the account page when there is one
  const navigation = page.waitForNavigation();
  await page.keyboard.press('Enter');
  const status = (await response).status();
  await navigation;
  return status;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const sessions = (userId: string) => w.db.prisma.session.count({ where: { userId, revokedAt: null } });

describe('login and the account page', () => {
  it('shows the environment, the role and each organisation with the role in it', async () => {
    const { page } = await w.visitor();
    expect(await logIn(page, `Bob@${domain.toUpperCase()}`, strongPassword)).toBe(303);
    expect(await heading(page)).toBe('Your account');
    expect(await accountFacts(page)).toMatchObject({ 'Environment': 'Acme', 'Your role in the environment': 'Basic user', 'Email address': `bob@${domain}` });
    const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([['Acme Purchasing', 'Organisation administrator'], ['Acme Sales', 'Member']]);
  });

  it('in Dutch from the browser language, on a phone', async () => {
    const { page } = await w.visitor({ locale: 'nl-NL', phone: true });
    await page.goto(`${w.base}/login`);
    expect(await heading(page)).toBe('Inloggen');
    expect(await logIn(page, `ada@${domain}`, PASSWORD, 'nl')).toBe(303);
    // once logged in, pages speak the person's language, else their environment's (English here) ...
    expect(await accountFacts(page)).toMatchObject({ 'Environment': 'Acme', 'Your role in the environment': 'Administrator' });
    // ... until the page's language switch says otherwise
    await page.goto(`${w.base}/account?lang=nl`);
    expect(await accountFacts(page)).toMatchObject({ 'Omgeving': 'Acme', 'Je rol in de omgeving': 'Beheerder' });
    expect(await page.$$eval('tbody tr td:last-child', (tds) => tds.map((td) => td.textContent))).toEqual(['Organisatiebeheerder', 'Organisatiebeheerder']);
  });

  it('logout ends the session: the old cookie no longer opens the account page', async () => {
    const { page, context } = await w.visitor();
    await logIn(page, `finn@${domain}`, strongPassword);
    const cookie = (await context.cookies()).find((c) => c.name === 'ec_session')!;
    expect(await sessions(people.finn!.userId)).toBe(1);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('You are logged out.');
    expect(await sessions(people.finn!.userId)).toBe(0);
    await context.addCookies([cookie]);
    await page.goto(`${w.base}/account`);
    expect(await heading(page)).toBe('Log in');
  });
});

describe('refusals', () => {
  it('a wrong password, an unknown address and an invitation not yet activated get one and the same answer', async () => {
    const { page } = await w.visitor();
    const answers: string[] = [];
    for (const [email, password] of [[`bob@${domain}`, 'not the password at all'], [`niemand@${domain}`, strongPassword], [`gast@${domain}`, strongPassword]] as const) {
      expect(await logIn(page, email, password)).toBe(401);
      answers.push((await page.getByRole('alert').textContent())!.replace(/\s+/g, ' '));
      expect(await page.getByLabel('Email address').inputValue()).toBe(email);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('do not match an active account');
    expect(await heading(page)).toBe('Log in');
  });

  it('a blocked user is thrown out at once and cannot log in again; the same for a removed user', async () => {
    for (const [name, act] of [['carl', blockUser], ['dana', removeUser]] as const) {
      const person = people[name]!;
      const { page } = await w.visitor();
      await logIn(page, person.email, strongPassword);
      expect(await heading(page)).toBe('Your account');
      await act(w.deps, admin, { userId: person.userId });
      await page.reload();
      expect(await heading(page)).toBe('Log in');
      expect(await logIn(page, person.email, strongPassword)).toBe(401);
      expect(await page.getByRole('alert').textContent()).toContain('do not match an active account');
      expect(await sessions(person.userId)).toBe(0);
    }
  });

  it('strangers cannot lock a person out: after six wrong passwords from strangers her right one works, from her own browser and from a new client', async () => {
    const email = `eve@${domain}`;
    // Eve logged in from this browser before: it carries a device cookie for her account.
    const { page } = await w.visitor();
    expect(await logIn(page, email, strongPassword)).toBe(303);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL(/loggedOut=1/);
    for (let i = 0; i < 6; i++) {
      const stranger = await formClient(w, `10.9.1.${i + 1}`);
      expect((await stranger.post('/login', { email, password: `wrong guess ${i}` })).status).toBe(401);
    }
    // the counters are in the database, where every process of the app reads them
    expect(await w.db.prisma.rateLimiterFlexible.findUnique({ where: { key: `login-account:${email}` } })).toMatchObject({ points: 6 });
    // strangers are slowed down: one that failed on her account already must wait
    const again = await formClient(w, '10.9.1.1');
    const refused = await again.post('/login', { email, password: strongPassword });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Too many attempts');
    // her browser with its device cookie logs in
    expect(await logIn(page, email, strongPassword)).toBe(303);
    expect(await heading(page)).toBe('Your account');
    // and so does a client that never failed (a new phone, a colleague's laptop)
    const fresh = await formClient(w, '10.9.1.50');
    expect((await fresh.post('/login', { email, password: strongPassword })).status).toBe(303);
    expect(await sessions(people.eve!.userId)).toBe(2);
  });

  it('one stranger guessing one account is refused after five failures, even with the right password', async () => {
    const email = `finn@${domain}`;
    const stranger = await formClient(w, '10.9.4.1');
    for (let i = 0; i < 5; i++) expect((await stranger.post('/login', { email, password: `wrong guess ${i}` })).status).toBe(401);
    expect((await stranger.post('/login', { email, password: strongPassword })).status).toBe(429);
    expect(await sessions(people.finn!.userId)).toBe(0);
  });

  it('too many attempts from one client address are refused, whatever the addresses tried', async () => {
    const client = await formClient(w, '10.9.2.1');
    for (let i = 0; i < 30; i++) expect((await client.post('/login', { email: `raden${i}@${domain}`, password: 'some guess here' })).status).toBe(401);
    const refused = await client.post('/login', { email: `ada@${domain}`, password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Too many attempts');
    // another client address is not affected
    const other = await formClient(w, '10.9.2.2');
    expect((await other.post('/login', { email: `ada@${domain}`, password: PASSWORD })).status).toBe(303);
  });

  it('a form posted from another site is refused: no login, no logout', async () => {
    const victim = await w.visitor();
    await logIn(victim.page, `bob@${domain}`, strongPassword);
    const before = await sessions(people.bob!.userId);
    const adaBefore = await w.db.prisma.session.count({ where: { user: { email: `ada@${domain}` } } });
    const evil: Server = createServer((req, res) => {
      const target = req.url === '/logout' ? `${w.base}/logout` : `${w.base}/login`;
      res.setHeader('content-type', 'text/html');
      res.end(`<form id="f" method="post" action="${target}"><input name="email" value="ada@${domain}"><input name="password" value="${PASSWORD}"></form><script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const evilBase = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    try {
      for (const path of ['/login', '/logout']) {
        const response = victim.page.waitForResponse((r) => r.url().startsWith(w.base) && r.request().method() === 'POST');
        await victim.page.goto(`${evilBase}${path}`, { waitUntil: 'commit' });
        expect((await response).status()).toBe(403);
        await expect.poll(() => heading(victim.page)).toBe('This form has expired');
      }
    } finally {
      evil.closeAllConnections();
      await new Promise((r) => evil.close(r));
    }
    expect(await w.db.prisma.session.count({ where: { user: { email: `ada@${domain}` } } })).toBe(adaBefore);
    expect(await sessions(people.bob!.userId)).toBe(before);
    await victim.page.goto(`${w.base}/account`);
    expect(await heading(victim.page)).toBe('Your account');
  });
});
