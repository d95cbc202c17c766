// axe-core on every page a person meets, in English and in Dutch, on a phone (390 px wide) and on a
// laptop (1280 px): the start page, 404 and 500, registration's two steps, login, the forgotten-
// password pages, the account page of a user and of an administrator, the activation page and its
// problem pages. Zero violations each. The 500 page cannot be reached through a working app, so it
// is served by the app's own web server in this process, with a route that fails.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { createEnvironment, inviteUser, requestPasswordReset, startRegistration, type Actor } from '../../src/rights/index.ts';
import { createCsrf } from '../../src/web/csrf.ts';
import { createWebApp } from '../../src/web/server.ts';
import { accessibilityViolations } from '../support/axe.ts';
import type { Page } from '../support/browser.ts';
import { newActiveUser, strongPassword } from '../support/factories.ts';
import { findLink } from '../support/smtp.ts';
import { PASSWORD, startWorld, type World } from './registration-support.ts';

let w: World;
let admin: Actor;
let failing: Server;
let failingBase: string;
const tag = randomBytes(3).toString('hex');
const domain = `toegang-${tag}.nl`;
const links: Record<string, string> = {};

beforeAll(async () => {
  w = await startWorld();
  const env = await createEnvironment(w.deps, { email: `ada@${domain}`, name: 'Ada Admin', environmentName: 'Toegang', password: PASSWORD });
  admin = { userId: env.user.id };
  await newActiveUser(w.deps, admin, `bob@${domain}`, 'BASIC', 'Bob Jansen');
  // the links people get by email: registration step 2, a new password, an activation
  const fresh = `nieuw@new-${tag}.nl`;
  await startRegistration(w.deps, { email: fresh });
  await requestPasswordReset(w.deps, { email: `bob@${domain}` });
  await inviteUser(w.deps, admin, { email: `gast@${domain}` });
  links.register = findLink(await w.smtp.waitForMessageTo(fresh, 45_000), `${w.base}/register/verify?token=`);
  const [reset] = await w.smtp.waitFor((m) => m.to.includes(`bob@${domain}`) && m.subject === 'Choose a new eConnect password', 1, 45_000);
  links.reset = findLink(reset!, `${w.base}/password/reset?token=`);
  links.activate = findLink(await w.smtp.waitForMessageTo(`gast@${domain}`, 45_000), `${w.base}/activate?token=`);

  const app = createWebApp(
    { db: w.db, deps: w.deps, logger: createLogger('silent'), csrf: createCsrf('b'.repeat(64), false), secureCookies: false, deviceKey: 'e'.repeat(43) },
    { routers: [Router().get('/broken', () => { throw new Error('a failure of ours'); })] },
  );
  failing = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  failingBase = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  failing?.closeAllConnections();
  await new Promise((r) => failing?.close(r));
  await w?.stop();
}, 60_000);

async function logIn(page: Page, email: string, password: string, lang: string) {
  await page.goto(`${w.base}/login?lang=${lang}`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(/\/account/);
}

/** Opens each page and collects what axe finds: "page: violation". */
async function check(page: Page, lang: 'en' | 'nl', pages: [string, string, number][]): Promise<string[]> {
  const found: string[] = [];
  for (const [name, url, status] of pages) {
    const res = await page.goto(url.includes('?') ? `${url}&lang=${lang}` : `${url}?lang=${lang}`);
    expect(res!.status(), name).toBe(status);
    expect(await page.getAttribute('html', 'lang'), name).toBe(lang);
    for (const v of await accessibilityViolations(page)) found.push(`${name}: ${v}`);
  }
  return found;
}

describe.each([
  { width: 'phone, 390 px', phone: true },
  { width: 'laptop, 1280 px', phone: false },
])('every page on a $width', ({ phone }) => {
  it.each(['en', 'nl'] as const)('in %s: no accessibility violations', async (lang) => {
    const b = w.base;
    const visitor = await w.visitor({ phone, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    const page = visitor.page;
    if (!phone) await page.setViewportSize({ width: 1280, height: 800 });
    const found = await check(page, lang, [
      ['start', `${b}/`, 200],
      ['404', `${b}/no/such/page`, 404],
      ['500', `${failingBase}/broken`, 500],
      ['register', `${b}/register`, 200],
      ['register step 2', links.register!, 200],
      ['register link problem', `${b}/register/verify?token=${'x'.repeat(43)}`, 400],
      ['login', `${b}/login`, 200],
      ['forgot', `${b}/password/forgot`, 200],
      ['reset', links.reset!, 200],
      ['reset link problem', `${b}/password/reset?token=${'y'.repeat(43)}`, 404],
      ['activation', links.activate!, 200],
      ['activation link problem', `${b}/activate?token=${'z'.repeat(43)}`, 404],
    ]);
    // a page after a form was sent: "check your email", and a form with its errors marked
    await page.goto(`${b}/password/forgot?lang=${lang}`);
    await page.locator('#email').fill(`niemand@${domain}`);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/password\/forgot/);
    for (const v of await accessibilityViolations(page)) found.push(`forgot, sent: ${v}`);
    await page.goto(`${links.reset!}&lang=${lang}`);
    await page.locator('#password').fill('short');
    await page.locator('#confirm').fill('short');
    await page.locator('form button[type=submit]').click();
    await page.locator('#error-summary').waitFor();
    for (const v of await accessibilityViolations(page)) found.push(`reset, with an error: ${v}`);

    await logIn(page, `bob@${domain}`, strongPassword, lang);
    found.push(...(await check(page, lang, [['account (user)', `${b}/account`, 200]])));
    const adminVisitor = await w.visitor({ phone });
    if (!phone) await adminVisitor.page.setViewportSize({ width: 1280, height: 800 });
    await logIn(adminVisitor.page, `ada@${domain}`, PASSWORD, lang);
    found.push(...(await check(adminVisitor.page, lang, [['account (administrator)', `${b}/account`, 200]])));
    expect(found).toEqual([]);
  });
});
