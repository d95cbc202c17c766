// Issue 10 item 5: notifications for the administrators never vanish. An environment whose
// administrators never used Slack (no notification channel, no administrator's Slack account known):
// someone joins through the mail domain, through the running app's web pages. The administrators get
// an email at once, the person is told so, and the Slack message waits; once an administrator's Slack
// account is known (their first command) the waiting message is dropped when its email went out
// first, and delivered when it had not (the mail server refused it for a while). On the embedded default database
// and on the PostgreSQL server; the rows are read once the app has stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAILED_FIRST } from '../../src/outbox/waiting.ts';
import { defaultOptions, type RightsDeps } from '../../src/rights/index.ts';
import { freePort, startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../support/database.ts';
import { FakeSlack, messageText } from '../support/fake-slack.ts';
import { SlackDriver } from '../support/slack-driver.ts';
import { SlackRequests } from '../support/slack-requests.ts';
import { seedWorkspace, type Workspace } from '../support/slack-workspace.ts';
import { findLink, startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { waitFor } from '../support/wait-for.ts';

const SECRET = '7e6d5c4b3a29180f7e6d5c4b3a291800';
const PASSWORD = 'amber lanterns swim over quiet dunes';
const kinds: TestDatabaseKind[] = ['embedded-postgres', 'postgres'];

/** Cookies kept as a browser keeps them. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    take(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

describe.each(kinds)('administrators nobody can reach in Slack, on %s', (kind) => {
  let fake: FakeSlack;
  let smtp: TestSmtpServer;
  let db: TestDatabase;
  let app: AppProcess;
  let driver: SlackDriver;
  let a: Workspace;
  let b: Workspace;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    smtp = await startSmtpServer();
    db = await createTestDatabase(kind, 'adminnotice');
    const d = await db.open();
    try {
      const deps: RightsDeps = { prisma: d.prisma, options: defaultOptions };
      a = await seedWorkspace(deps, fake);
      b = await seedWorkspace(deps, fake);
      // each environment owns its mail domain: people of that domain join it when they register
      for (const ws of [a, b]) await d.prisma.environmentDomain.create({ data: { domain: ws.domain, environmentId: ws.environmentId } });
      // nobody's Slack account is known yet: no administrator has run a command
      expect(await d.prisma.user.count({ where: { environmentId: { in: [a.environmentId, b.environmentId] }, slackUserId: { not: null } } })).toBe(0);
    } finally {
      await d.close();
    }
    const port = await freePort();
    app = await startApp({
      port,
      env: { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, SMTP_URL: smtp.url, PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'info', ...db.env },
      cwd: db.cwd,
    });
    driver = new SlackDriver(new SlackRequests(app.eventsUrl, SECRET, fake), fake, a.channel);
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await smtp?.stop();
    await db?.drop();
  }, 30_000);

  /** Registers `email` through the web pages; `beforeFinish` runs between the emailed link and the last step. Returns the welcome. */
  async function register(email: string, name: string, beforeFinish?: () => void): Promise<string> {
    const cookies = jar();
    const form = await fetch(`${app.baseUrl}/register?lang=en`);
    cookies.take(form);
    const start = await fetch(`${app.baseUrl}/register?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.header() },
      body: new URLSearchParams({ _csrf: csrfOf(await form.text()), email }).toString(),
    });
    expect(start.status).toBeLessThan(400);
    const link = findLink(await smtp.waitForMessageTo(email), `${app.baseUrl}/register/verify`);
    const step2 = await fetch(link, { headers: { cookie: cookies.header() } });
    cookies.take(step2);
    const csrf = csrfOf(await step2.text());
    beforeFinish?.();
    const done = await fetch(`${app.baseUrl}/register/verify?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.header() },
      body: new URLSearchParams({ _csrf: csrf, token: new URL(link).searchParams.get('token')!, name, password: PASSWORD, confirm: PASSWORD }).toString(),
    });
    expect(done.status).toBe(303);
    cookies.take(done);
    const account = await fetch(new URL(done.headers.get('location')!, app.baseUrl), { headers: { cookie: cookies.header() } });
    return (await account.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  }

  const slackAbout = (who: RegExp) => fake.callsTo('chat.postMessage').filter((c) => who.test(messageText(c.args)));

  it('an auto-join is emailed to the administrators at once, the person is told so, and the Slack message whose email went first is dropped', async () => {
    const welcome = await register(`zoe@${a.domain}`, 'Zoe Zeeman');
    expect(welcome).toMatch(/You joined the environment Acme through your email domain, as a Basic user without organisations\. Its administrators have been told by email/);
    const mail = await smtp.waitFor((m) => m.to.includes(a.users.admin.email) && /Zoe Zeeman/.test(m.subject));
    expect(mail[0]!.text).toMatch(/Zoe Zeeman \(zoe@acme-[a-z0-9]+\.test\) joined the environment Acme through its mail domain/);
    expect(mail[0]!.text).toMatch(/\/econnect notify-here/);
    // the administrator's first command makes their Slack account known; the worker then decides
    expect(await driver.ephemeral(a.as('admin'), 'pending')).toContain(a.users.pending.email);
    await waitFor(() => /waiting Slack notifications released or dropped/.test(app.output()) && /"dropped":[1-9]/.test(app.output()), { what: 'the waiting notifications to be decided' });
    expect(slackAbout(/Zoe Zeeman/)).toEqual([]);
  });

  it('a Slack message whose email has not gone out yet is delivered once an administrator is known', async () => {
    // the mail server answers "try again later" from the last step of the registration on
    const welcome = await register(`yann@${b.domain}`, 'Yann Yilmaz', () => smtp.rejectWith({ code: 451, message: 'try again later' }));
    expect(welcome).toMatch(/Its administrators have been told by email/);
    await waitFor(() => /delivery failed; will retry/.test(app.output()), { what: 'the email to the administrators to be refused once' });
    const bDriver = new SlackDriver(new SlackRequests(app.eventsUrl, SECRET, fake), fake, b.channel);
    expect(await bDriver.ephemeral(b.as('admin'), 'pending')).toContain(b.users.pending.email);
    const [dm] = await fake.waitFor('chat.postMessage', (args) => args.channel === b.users.admin.slack && /Yann Yilmaz/.test(messageText(args)), 1, 15_000);
    expect(messageText(dm!.args)).toMatch(/joined your environment through its mail domain/);
    smtp.rejectWith(undefined);
    await smtp.waitFor((m) => m.to.includes(b.users.admin.email) && /Yann Yilmaz/.test(m.subject), 1, 40_000);
    expect(slackAbout(/Yann Yilmaz/)).toHaveLength(1);
  });

  it('the outbox keeps what happened: the dropped message and the delivered one', async () => {
    await app.stop();
    const d = await db.open();
    try {
      const rows = await d.prisma.outboxMessage.findMany({ where: { kind: 'SLACK', dedupeKey: { startsWith: 'auto-join:' } }, select: { environmentId: true, status: true, lastError: true, payload: true } });
      const zoe = rows.filter((r) => r.environmentId === a.environmentId);
      const yann = rows.filter((r) => r.environmentId === b.environmentId);
      expect(zoe.map((r) => [r.status, r.lastError])).toEqual([['DROPPED', EMAILED_FIRST]]);
      expect(yann.map((r) => [r.status, (r.payload as { channel: string }).channel])).toEqual([['SENT', b.users.admin.slack]]);
    } finally {
      await d.close();
    }
  });
});
