// Rule 7 in the browser: registration with the verification email received by a real SMTP server,
// each branch (new domain, owned domain, public domain, mixed case and IDN), the administrators'
// Slack message at the fake Slack Web API, and its triage buttons (only an administrator's click
// does anything).
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { domainToASCII } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnvironment, linkSlackUser } from '../../src/rights/index.ts';
import { newActiveUser } from '../support/factories.ts';
import { messageText } from '../support/fake-slack.ts';
import { accountFacts, formClient, PASSWORD, registerInBrowser, requestLink, startWorld, type World } from './registration-support.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 120_000);
afterEach(() => {
  w.fake.assertClean();
});
afterAll(async () => {
  await w?.stop();
}, 60_000);

const tag = randomBytes(3).toString('hex');
const domain = `nieuw-${tag}.nl`;
/** A mail domain of this run for one test. */
const domainFor = (what: string) => `${what}-${tag}.nl`;

const user = (email: string) => w.db.prisma.user.findUniqueOrThrow({ where: { email }, include: { environment: { include: { domains: true } }, memberships: true } });

/** An environment that owns `domain`, its administrator Eva known in Slack as `slackId`. */
async function environmentOwning(domain: string, slackId: string) {
  const { environment, user: eva } = await createEnvironment(w.deps, { email: `eva@${domain}`, name: 'Eva Eerste' });
  expect(environment.name).toBe(domain);
  await linkSlackUser(w.deps, eva.id, slackId);
  w.fake.addUser({ id: slackId, email: eva.email, name: 'Eva Eerste' });
  return { environment, eva, admin: { userId: eva.id } };
}

describe('registration, rule 7', () => {
  it('an unknown domain, typed in mixed case: a new environment owning the domain, the person its Administrator', async () => {
    const { page } = await w.visitor();
    const typed = `Eva.Eerste@NIEUW-${tag}.NL`;
    const email = `eva.eerste@${domain}`;
    // Nothing exists until the link is opened.
    const mail = await requestLink(w, page, typed, email);
    expect(await w.db.prisma.user.count({ where: { email } })).toBe(0);
    expect(mail.subject).toBe('Confirm your email address for eConnect');
    expect(mail.html).toContain('/register/verify?token=');
    const { link } = await registerInBrowser(w, page, typed, email, { name: 'Eva Eerste' });
    expect(link).toMatch(/token=[A-Za-z0-9_-]{43}$/);
    expect(await page.getByRole('status').textContent()).toContain(`You created the environment ${domain}`);
    expect(await accountFacts(page)).toMatchObject({ 'Environment': domain, 'Your role in the environment': 'Administrator', 'Email address': email, 'Your name': 'Eva Eerste' });
    expect(await page.getByText('You are not a member of any organisation yet').isVisible()).toBe(true);
    const eva = await user(email);
    expect(eva).toMatchObject({ role: 'ADMINISTRATOR', status: 'ACTIVE' });
    expect(eva.environment.domains.map((d) => d.domain)).toEqual([domain]);
    // the session cookie: http-only and same-site, never readable by scripts
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'ec_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('ec_session');
  });

  it('a domain an environment owns, on a phone in Dutch: a Basic user without organisations; the administrators get a Slack message', async () => {
    const owned = domainFor('eigen');
    const { environment } = await environmentOwning(owned, 'UEVAOWNED');
    const { page } = await w.visitor({ locale: 'nl-NL', phone: true });
    const email = `bob@${owned}`;
    const { mail } = await registerInBrowser(w, page, `Bob@Eigen-${tag}.nl`, email, { name: 'Bob de Bouwer', lang: 'nl' });
    expect(mail.subject).toBe('Bevestig je e-mailadres voor eConnect');
    expect(await page.getByRole('status').textContent()).toContain(`in de omgeving ${owned} gekomen`);
    expect(await accountFacts(page)).toMatchObject({ 'Omgeving': owned, 'Je rol in de omgeving': 'Basisgebruiker' });
    expect(await page.getByText('Je bent nog geen lid van een organisatie').isVisible()).toBe(true);
    const bob = await user(email);
    expect(bob).toMatchObject({ role: 'BASIC', status: 'ACTIVE', environmentId: environment.id, memberships: [] });

    const [post] = await w.fake.waitFor('chat.postMessage', (a) => a.channel === 'UEVAOWNED', 1, 45_000);
    const text = messageText(post!.args);
    expect(text).toContain('Bob de Bouwer');
    expect(text).toContain('joined your environment through its mail domain');
    const buttons = (post!.args.blocks as any[]).find((b) => b.type === 'actions').elements.map((e: any) => [e.action_id, e.value]);
    expect(buttons).toEqual([['notify_add_to_org', bob.id], ['notify_make_admin', bob.id], ['notify_block', bob.id]]);
  });

  it('a triage button clicked by a non-administrator does nothing; the administrator\'s click does', async () => {
    const triage = domainFor('triage');
    const { admin } = await environmentOwning(triage, 'UEVATRIAGE');
    const bob = await newActiveUser(w.deps, admin, `bob@${triage}`, 'BASIC', 'Bob de Bouwer');
    w.fake.addUser({ id: 'UBOBTRIAGE', email: bob.email, name: 'Bob de Bouwer' });
    const channelId = 'DUEVATRIAGE';
    const triggers: string[] = [];
    for (const actionId of ['notify_block', 'notify_make_admin', 'notify_add_to_org']) {
      const res = await w.slack.action({ userId: 'UBOBTRIAGE' }, { action_id: actionId, value: bob.userId }, { channelId });
      expect(res.status).toBe(200);
      triggers.push(res.triggerId);
      // the refusal is the last thing a click does
      const answer = await w.fake.waitForResponse(res.responseUrl!);
      expect(answer).toMatchObject({ response_type: 'ephemeral' });
      expect(messageText(answer)).toContain('Only an administrator of the environment can use these buttons');
    }
    expect(w.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId)).toEqual([]);
    expect(w.fake.callsTo('views.open').filter((c) => triggers.includes(c.args.trigger_id))).toEqual([]);
    expect(await user(bob.email)).toMatchObject({ role: 'BASIC', status: 'ACTIVE' });

    const res = await w.slack.action({ userId: 'UEVATRIAGE' }, { action_id: 'notify_make_admin', value: bob.userId }, { channelId });
    expect(res.status).toBe(200);
    await w.fake.waitFor('chat.postMessage', (a) => a.channel === channelId && /made \*Bob de Bouwer\* Administrator/.test(messageText(a)));
    expect(await user(bob.email)).toMatchObject({ role: 'ADMINISTRATOR', status: 'ACTIVE' });
  });

  it('an IDN domain: the address is stored in punycode and a colleague typing it in capitals joins the same environment', async () => {
    const idn = `bücher-${tag}.nl`;
    const ascii = domainToASCII(idn);
    expect(ascii).toMatch(/^xn--/);
    const first = await w.visitor();
    await registerInBrowser(w, first.page, `anna@${idn}`, `anna@${ascii}`, { name: 'Anna' });
    expect(await accountFacts(first.page)).toMatchObject({ 'Environment': ascii, 'Your role in the environment': 'Administrator' });
    const second = await w.visitor();
    await registerInBrowser(w, second.page, `Cor@${idn.toUpperCase()}`, `cor@${ascii}`, { name: 'Cor' });
    expect(await accountFacts(second.page)).toMatchObject({ 'Environment': ascii, 'Your role in the environment': 'Basic user' });
    const [anna, cor] = [await user(`anna@${ascii}`), await user(`cor@${ascii}`)];
    expect(cor.environmentId).toBe(anna.environmentId);
  });

  it('a public mail domain: a new environment without a domain for each person', async () => {
    const a = await w.visitor();
    const first = `jan.${tag}@gmail.com`;
    await registerInBrowser(w, a.page, first, first, { name: 'Jan Jansen' });
    expect(await a.page.getByRole('status').textContent()).toContain('shared mail service');
    expect(await accountFacts(a.page)).toMatchObject({ 'Your role in the environment': 'Administrator', 'Environment': "Jan Jansen's environment" });
    const b = await w.visitor();
    const second = `piet.${tag}@gmail.com`;
    await registerInBrowser(w, b.page, `Piet.${tag}@GMail.com`, second, { name: 'Piet' });
    const [jan, piet] = [await user(first), await user(second)];
    expect(piet.role).toBe('ADMINISTRATOR');
    expect(piet.environmentId).not.toBe(jan.environmentId);
    expect(jan.environment.domains).toEqual([]);
    expect(await w.db.prisma.environmentDomain.count({ where: { domain: 'gmail.com' } })).toBe(0);
  });
  it('the link clicked in a webmail on another site works (the form token survives a cross-site arrival)', async () => {
    const { page } = await w.visitor();
    const email = `webmail.${tag}@outlook.com`;
    const mail = await requestLink(w, page, email, email);
    const link = mail.text.match(/http\S+register\/verify\?token=\S+/)![0];
    const webmail: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<p>Your inbox</p><a href="${link}">Continue registering</a>`);
    });
    await new Promise<void>((resolve) => webmail.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(webmail.address() as AddressInfo).port}/`);
      await page.getByRole('link', { name: 'Continue registering' }).click();
      await page.getByLabel('Your name').fill('Wim Webmail');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByLabel('Type the password again').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
    } finally {
      webmail.closeAllConnections();
      await new Promise((r) => webmail.close(r));
    }
    expect(await user(email)).toMatchObject({ role: 'ADMINISTRATOR', status: 'ACTIVE', environment: { domains: [] } });
  });
});

describe('registration refusals', () => {
  it('a registered address gets the same page, and an email that says to log in instead of a link', async () => {
    const known = domainFor('bekend');
    const { admin } = await environmentOwning(known, 'UEVAKNOWN');
    const { email } = await newActiveUser(w.deps, admin, `bob@${known}`, 'BASIC', 'Bob de Bouwer');
    // his invitation arrives first; the answer to his registration is the mail after it
    await w.smtp.waitForMessageTo(email);
    const { page } = await w.visitor();
    const answer = await requestLink(w, page, email, email);
    const knownPage = await page.locator('main').innerText();
    expect(answer.subject).toBe('You already have an eConnect account');
    expect(answer.text).toContain(`${w.base}/login`);
    expect(answer.text).not.toContain('/register/verify');
    const fresh = `nog-niet@${known}`;
    await requestLink(w, page, fresh, fresh);
    expect((await page.locator('main').innerText()).replace(fresh, 'X')).toBe(knownPage.replace(email, 'X'));
  });

  it('an unverified address has no account: a made-up link is refused, and nobody can log in with it', async () => {
    const { page } = await w.visitor();
    const email = `onbevestigd@${domainFor('onbevestigd')}`;
    await requestLink(w, page, email, email);
    await page.goto(`${w.base}/register/verify?token=${'A'.repeat(43)}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This link does not work');
    expect(await page.getByRole('alert').textContent()).toContain('not valid');
    expect(await page.getByLabel('Password').count()).toBe(0);
    expect(await w.db.prisma.user.count({ where: { email } })).toBe(0);
    const client = await formClient(w, '10.7.0.1');
    const refused = await client.post('/login', { email, password: PASSWORD });
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('do not match an active account');
  });

  it('a weak password is refused with a hint and the link keeps working', async () => {
    const { page } = await w.visitor();
    const email = `zwak@${domainFor('zwak')}`;
    const mail = await requestLink(w, page, email, email);
    const link = mail.text.match(/http\S+register\/verify\?token=\S+/)![0];
    await page.goto(link);
    await page.getByLabel('Your name').fill('Zwakke Zeger');
    await page.getByLabel('Password', { exact: true }).fill('password123');
    await page.getByLabel('Type the password again').fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('too easy to guess');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Zwakke Zeger');
    expect(await w.db.prisma.user.count({ where: { email } })).toBe(0);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Type the password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
    expect(await w.db.prisma.user.count({ where: { email, status: 'ACTIVE' } })).toBe(1);
  });

  it('too many registration attempts for one address are slowed down', async () => {
    const { page } = await w.visitor();
    const email = `veel@${domainFor('veel')}`;
    for (let i = 0; i < 3; i++) await requestLink(w, page, email, email);
    await page.goto(`${w.base}/register`);
    await page.getByLabel('Email address').fill(email);
    const response = page.waitForResponse((r) => r.url().includes('/register') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    expect((await response).status()).toBe(429);
    expect(await page.getByRole('alert').textContent()).toContain('Too many attempts');
    // The refusal was answered after the request was handled: nothing more was queued for the address.
    expect(await w.db.prisma.emailVerification.count({ where: { email } })).toBe(3);
    expect(await w.db.prisma.outboxMessage.count({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } } })).toBe(3);
  });

  it('a forged registration post (no form token) is refused and sends nothing', async () => {
    const email = `vervalst@${domainFor('vervalst')}`;
    const res = await fetch(`${w.base}/register?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${encodeURIComponent(email)}` });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('This form has expired');
    expect(await w.db.prisma.emailVerification.count({ where: { email } })).toBe(0);
  });
});
