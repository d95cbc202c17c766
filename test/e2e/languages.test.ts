// Whose language, through the running app (a process, real SMTP, a fresh PostgreSQL database; plain
// HTTP with a cookie jar and Accept-Language, as a browser sends them): a Dutch environment's
// invitation email and activation page are Dutch, also when the inviter reads English and the invited
// person's browser asks for English; once logged in, a page is in the person's own language, else
// their environment's, whatever language the login page or the browser had. Names ending in a full
// stop ("Bakkerij Zon B.V.") are not followed by a second one, and roles read with their article.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { createEnvironment, defaultOptions, inviteUser, setLanguage, type Actor, type RightsDeps } from '../../src/rights/index.ts';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase } from '../support/database.ts';
import { newActiveUser, strongPassword } from '../support/factories.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { findLink, startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const PASSWORD = 'violet harbour drums ninety kites';
const tag = randomBytes(3).toString('hex');
const domain = `taal-${tag}.nl`;

let fake: FakeSlack;
let smtp: TestSmtpServer;
let pg: Awaited<ReturnType<typeof createTestDatabase>>;
let app: AppProcess;
let db: Database;
let deps: RightsDeps;
let base: string;
let admin: Actor;
let visitors = 0;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  smtp = await startSmtpServer();
  pg = await createTestDatabase('postgres', 'e2e_languages');
  app = await startApp({
    env: { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: '9c1f2e3d4b5a69788796a5b4c3d2e1f0', SLACK_API_URL: fake.url, DATABASE_URL: pg.url, SMTP_URL: smtp.url, MAIL_FROM: 'eConnect <no-reply@econnect.test>' },
    cwd: pg.cwd,
  });
  base = `http://localhost:${app.port}`;
  db = await pg.open(3);
  deps = { prisma: db.prisma, options: { ...defaultOptions, publicUrl: base } };
  const env = await createEnvironment(deps, { email: `ada@${domain}`, name: 'Ada Admin', environmentName: 'Bakkerij Zon B.V.', password: PASSWORD, locale: 'nl' });
  admin = { userId: env.user.id };
  // The administrator herself reads English: the invitations she sends are still in the environment's language.
  await setLanguage(deps, admin, { locale: 'en' });
}, 120_000);
afterEach(() => {
  fake.assertClean();
});
afterAll(async () => {
  await app?.stop();
  await db?.close();
  await smtp?.stop();
  await fake?.stop();
  await pg?.drop();
  if (pg) await rm(pg.cwd, { recursive: true, force: true });
}, 60_000);

/** A browser as the app sees it: its own cookies, client address and Accept-Language. */
function visitor(acceptLanguage: string) {
  visitors++;
  const ip = `10.7.${visitors >> 8}.${visitors & 255}`;
  const cookies = new Map<string, string>();
  const headers = () => ({ 'x-forwarded-for': ip, 'accept-language': acceptLanguage, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  let csrf = '';
  const page = async (res: Response) => {
    remember(res);
    const html = await res.text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
    return { status: res.status, location: res.headers.get('location'), html, h1: /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '', text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
  };
  return {
    cookies,
    get: async (path: string) => page(await fetch(path.startsWith('http') ? path : `${base}${path}`, { headers: headers(), redirect: 'manual' })),
    post: async (path: string, fields: Record<string, string>) =>
      page(await fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      })),
  };
}

/** Logs in from the login page in `pageLanguage`, and opens the page the login leads to. */
async function logIn(v: ReturnType<typeof visitor>, email: string, pageLanguage: 'en' | 'nl') {
  await v.get(`/login?lang=${pageLanguage}`);
  const answer = await v.post(`/login?lang=${pageLanguage}`, { email, password: strongPassword });
  expect(answer.status).toBe(303);
  return v.get(answer.location!);
}

describe('a Dutch environment', () => {
  it('sends its invitation in Dutch and shows the activation page in Dutch, with the role and the name read right', async () => {
    const email = `eva@${domain}`;
    await inviteUser(deps, admin, { email, role: 'ADVANCED' });
    const [mail] = await smtp.waitFor((m) => m.to.includes(email), 1, 45_000);
    expect(mail!.subject).toBe('Ada Admin heeft je uitgenodigd voor Bakkerij Zon B.V. in eConnect');
    expect(mail!.text).toContain('heeft je uitgenodigd voor de eConnect-omgeving "Bakkerij Zon B.V." als gevorderde gebruiker.');
    expect(mail!.text).toMatch(/Deze link werkt één keer, tot \d+ \w+ \d{4} om \d\d:\d\d\. Is hij verlopen\?/);
    expect(mail!.html).toContain('<html lang="nl">');
    expect(`${mail!.subject}\n${mail!.text}`).not.toMatch(/Geavanceerde|Advanced|invited you/);

    // An English browser without a language cookie: the activation page follows the environment.
    const v = visitor('en-GB,en;q=0.9');
    const form = await v.get(findLink(mail!, `${base}/activate?token=`));
    expect(form.h1).toBe('Activeer je account');
    expect(form.text).toContain('Ada Admin heeft je uitgenodigd voor de eConnect-omgeving “Bakkerij Zon B.V.” als gevorderde gebruiker.');
    const token = new URL(findLink(mail!, `${base}/activate?token=`)).searchParams.get('token')!;
    const done = await v.post('/activate', { token, name: 'Eva Jansen', password: PASSWORD, confirm: PASSWORD });
    expect(done.h1).toBe('Je account is actief');
    expect(done.text).toContain('Welkom, Eva Jansen. Je bent nu gevorderde gebruiker in Bakkerij Zon B.V. ');
    expect(done.text).not.toContain('B.V..');
  });

  it('shows a person who chose no language the pages in Dutch once logged in, even from an English login page', async () => {
    const bob = await newActiveUser(deps, admin, `bob@${domain}`, 'BASIC', 'Bob Visser');
    const account = await logIn(visitor('en-GB,en;q=0.9'), bob.email, 'en');
    expect(account.h1).toBe('Je account');
    expect(account.html).toContain('<html lang="nl">');
    expect(account.text).toContain('Je rol in de omgeving Basisgebruiker');
    expect(account.text).toContain('Je taal Nederlands (van de omgeving)');
  });

  it('shows a person who chose English the pages in English once logged in, even from a Dutch login page and a Dutch browser', async () => {
    const carl = await newActiveUser(deps, admin, `carl@${domain}`, 'ADVANCED', 'Carl de Boer');
    await setLanguage(deps, carl.actor, { locale: 'en' });
    const v = visitor('nl-NL,nl;q=0.9');
    const account = await logIn(v, carl.email, 'nl');
    expect(account.h1).toBe('Your account');
    expect(account.text).toContain('Your role in the environment Advanced user');
    expect(account.text).toContain('Environment Bakkerij Zon B.V.');
    // The start page too, although the Dutch login page left a Dutch language cookie behind.
    expect(v.cookies.get('lang')).toBe('nl');
    expect((await v.get('/')).h1).toBe('eConnect rights');
    // Before login the cookie and the browser decide: a stranger with the same cookie reads Dutch.
    const stranger = visitor('en-GB');
    stranger.cookies.set('lang', 'nl');
    expect((await stranger.get('/')).h1).toBe('eConnect-rechten');
  });
});
