// Notifications end to end: an invited user activates, the rights service queues a notification, the
// app's outbox worker posts it through deliverNotification (retrying after Slack's 429 Retry-After),
// and its buttons act only for an environment administrator.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateAccount, defaultOptions, inviteUser, setNotificationChannel, type RightsDeps } from '../../src/rights/index.ts';
import { FakeSlack, messageText } from '../support/fake-slack.ts';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { SlackRequests } from '../support/slack-requests.ts';
import { addSlackAccounts, createTestDatabase, PASSWORD, seed, type DbKind, type Seeded, type TestDatabase } from './slack-fixtures.ts';

const SECRET = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const kinds: DbKind[] = ['pglite', 'postgres'];

describe.each(kinds)('Slack notifications on %s', (kind) => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let app: AppProcess;
  let rq: SlackRequests;
  let s: Seeded;
  let nina: string;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    db = await createTestDatabase(kind);
    const d = await db.open();
    s = await seed(d);
    // PGlite has one process at a time: the activation happens before the app starts, and the
    // notification it queues waits in the outbox for the app's worker.
    const deps: RightsDeps = { prisma: d.prisma, options: defaultOptions };
    const admin = { userId: s.users.admin.id, slackUserId: 'UADMIN' };
    await setNotificationChannel(deps, admin, { channelId: 'C0NOTIFY' });
    nina = (await inviteUser(deps, admin, { email: 'nina@acme.test' })).user.id;
    const mail = await d.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: 'nina@acme.test' } } });
    const token = new URL((mail.payload as { data: { link: string } }).data.link).searchParams.get('token')!;
    await activateAccount(deps, { token, name: 'Nina New', password: PASSWORD });
    await d.close();
    addSlackAccounts(fake, s);
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    app = await startApp({ env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, DATABASE_URL: db.url }, cwd: db.cwd });
    rq = new SlackRequests(app.eventsUrl, SECRET, fake);
  }, 120_000);

  afterEach(() => fake.assertClean());

  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  }, 30_000);

  it('posts the activation to the notification channel, after waiting out a rate limit', async () => {
    const attempts = await fake.waitFor('chat.postMessage', (a) => a.channel === 'C0NOTIFY' && /Nina New/.test(messageText(a)), 2, 20_000);
    expect(attempts[0]!.result).toEqual({ status: 429 });
    expect(attempts[1]!.result.ok).toBe(true);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(messageText(attempts[1]!.args)).toMatch(/\*Nina New\* \(nina@acme.test\) activated their eConnect account in Acme/);
    const buttons = attempts[1]!.args.blocks.find((b: any) => b.type === 'actions').elements;
    expect(buttons.map((b: any) => b.action_id)).toEqual(['notify_add_to_org', 'notify_make_admin', 'notify_block']);
    expect(buttons.every((b: any) => b.value === nina)).toBe(true);
  });

  it("acts on a button only for an administrator's click", async () => {
    fake.reset();
    const refused = await rq.action({ userId: 'UBASIC' }, { action_id: 'notify_make_admin', block_id: 'next_steps', value: nina }, { channelId: 'C0NOTIFY' });
    expect(refused.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(messageText(fake.responses[0]?.body)).toMatch(/Only an administrator of the environment/);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);

    await rq.action({ userId: 'UADMIN' }, { action_id: 'notify_make_admin', block_id: 'next_steps', value: nina }, { channelId: 'C0NOTIFY' });
    const done = await fake.waitForMessage('chat.postMessage', /<@UADMIN> made \*Nina New\* Administrator/);
    expect(done.args.channel).toBe('C0NOTIFY');
    const whois = await rq.slash({ userId: 'UADMIN' }, 'whois nina@acme.test');
    expect(messageText(await fake.waitForResponse(whois.responseUrl))).toMatch(/Role: Administrator/);
  });

  it('answers Slack at once for the App Home and publishes the help there', async () => {
    const res = await rq.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D0HOME', tab: 'home', event_ts: `${Date.now() / 1000}` });
    expect(res.status).toBe(200);
    const [publish] = await fake.waitFor('views.publish', (a) => a.user_id === 'UADMIN');
    expect(messageText({ blocks: publish!.args.view.blocks })).toMatch(/invite/);
  });
});
