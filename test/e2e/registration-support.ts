// The world the registration and login browser tests run in: the app as a process (its own working
// directory) on a fresh PostgreSQL database the test also opens, a real SMTP server receiving its
// mail, the fake Slack Web API, and real Chromium. Each visitor gets its own browser context and
// client address (X-Forwarded-For from loopback is trusted), so rate limits of one scenario do not
// spill into the next.
import { rm } from 'node:fs/promises';
import { domainToUnicode } from 'node:url';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { defaultOptions, type RightsDeps } from '../../src/rights/index.ts';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { launchBrowser, type Browser, type BrowserContext, type Page } from '../support/browser.ts';
import { createTestDatabase } from '../support/database.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { SlackRequests } from '../support/slack-requests.ts';
import { findLink, startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.ts';

export const SIGNING_SECRET = '9c1f2e3d4b5a69788796a5b4c3d2e1f0';
export const PASSWORD = 'violet harbour drums ninety kites';

export interface World {
  app: AppProcess;
  base: string;
  db: Database;
  deps: RightsDeps;
  smtp: TestSmtpServer;
  fake: FakeSlack;
  slack: SlackRequests;
  browser: Browser;
  visitor(options?: { locale?: string; phone?: boolean }): Promise<{ context: BrowserContext; page: Page; ip: string }>;
  stop(): Promise<void>;
}

let visitors = 0;

export async function startWorld(): Promise<World> {
  const fake = await new FakeSlack().start();
  const smtp = await startSmtpServer();
  const pg = await createTestDatabase('postgres', 'e2e_registration');
  const cwd = pg.cwd;
  const app = await startApp({
    env: {
      SLACK_BOT_TOKEN: fake.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.url,
      DATABASE_URL: pg.url,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'eConnect <no-reply@econnect.test>',
    },
    cwd,
  });
  const base = `http://localhost:${app.port}`;
  const db = await pg.open(3);
  const deps: RightsDeps = { prisma: db.prisma, options: { ...defaultOptions, publicUrl: base } };
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    app, base, db, deps, smtp, fake, browser,
    slack: new SlackRequests(app.eventsUrl, SIGNING_SECRET, fake),
    async visitor(options = {}) {
      visitors++;
      const ip = `10.5.${visitors >> 8}.${visitors & 255}`;
      const context = await browser.newContext({
        locale: options.locale ?? 'en-GB',
        extraHTTPHeaders: { 'x-forwarded-for': ip },
        ...(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
      });
      contexts.push(context);
      return { context, page: await context.newPage(), ip };
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await app.stop();
      await db.close();
      await smtp.stop();
      await fake.stop();
      await pg.drop();
      await rm(cwd, { recursive: true, force: true });
    },
  };
}

const words = {
  en: { email: 'Email address', send: 'Send me a link', check: 'Check your email', name: 'Your name', password: 'Password', confirm: 'Type the password again', create: 'Create account', account: 'Your account' },
  nl: { email: 'E-mailadres', send: 'Stuur mij een link', check: 'Kijk in je e-mail', name: 'Je naam', password: 'Wachtwoord', confirm: 'Typ het wachtwoord nog een keer', create: 'Account aanmaken', account: 'Je account' },
};

/** Step 1 in the browser: types the address and sends the form; returns the email that arrives. */
export async function requestLink(w: World, page: Page, typed: string, to: string, lang: 'en' | 'nl' = 'en'): Promise<ReceivedMail> {
  const s = words[lang];
  // nodemailer writes an IDN domain in Unicode on the envelope; either spelling is the same mailbox
  const at = to.lastIndexOf('@');
  const spellings = [to, `${to.slice(0, at)}@${domainToUnicode(to.slice(at + 1))}`];
  const mine = (m: ReceivedMail) => m.to.some((r) => spellings.includes(r));
  const before = w.smtp.messages.filter(mine).length;
  await page.goto(`${w.base}/register?lang=${lang}`);
  await page.getByLabel(s.email).fill(typed);
  await page.getByRole('button', { name: s.send }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(s.check);
  // generous: the outbox worker polls, and the machine may be busy with other suites
  const [mail] = (await w.smtp.waitFor(mine, before + 1, 45_000)).slice(before);
  return mail!;
}

/** The whole registration as a person does it: address, the link from the email, name and password. */
export async function registerInBrowser(w: World, page: Page, typed: string, to: string, opts: { name: string; lang?: 'en' | 'nl' }) {
  const lang = opts.lang ?? 'en';
  const s = words[lang];
  const mail = await requestLink(w, page, typed, to, lang);
  const link = findLink(mail, `${w.base}/register/verify?token=`);
  await page.goto(link);
  await page.getByLabel(s.name).fill(opts.name);
  await page.getByLabel(s.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(s.confirm, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: s.create }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(s.account);
  return { mail, link };
}

/** The account page's facts as shown: term -> description. */
export async function accountFacts(page: Page): Promise<Record<string, string>> {
  return page.$$eval('dl dt', (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''])));
}

/** A plain HTTP client with its own cookies and client address that posts the page's forms as a browser would. */
export async function formClient(w: World, ip: string, formPage = '/login') {
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const headers = () => ({ 'x-forwarded-for': ip, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
  const first = await fetch(`${w.base}${formPage}?lang=en`, { headers: headers() });
  remember(first);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1]!;
  return {
    async post(path: string, fields: Record<string, string>) {
      const res = await fetch(`${w.base}${path}?lang=en`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
      remember(res);
      return { status: res.status, text: await res.text() };
    },
  };
}
