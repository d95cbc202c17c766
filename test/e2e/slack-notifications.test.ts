// Notifications end to end: an invited user activates, the rights service queues a notification, the
// app's outbox worker posts it through deliverNotification (retrying after Slack's 429 Retry-After),
// and its buttons act only for an environment administrator. Also the App Home, through the process.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultOptions, inviteUser, setNotificationChannel, type RightsDeps } from '../../src/rights/index.ts';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../support/database.ts';
import { FakeSlack, messageText } from '../support/fake-slack.ts';
import { SlackDriver } from '../support/slack-driver.ts';
import { SlackRequests } from '../support/slack-requests.ts';
import { activate, seedWorkspace, type Workspace } from '../support/slack-workspace.ts';

const SECRET = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const kinds: TestDatabaseKind[] = ['pglite', 'postgres'];

describe.each(kinds)('Slack notifications on %s', (kind) => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let app: AppProcess;
  let rq: SlackRequests;
  let ws: Workspace;
  let driver: SlackDriver;
  let nina: string;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    db = await createTestDatabase(kind);
    const d = await db.open();
    try {
      // PGlite has one process at a time: the activation happens before the app starts, and the
      // notification it queues waits in the outbox for the app's worker.
      const deps: RightsDeps = { prisma: d.prisma, options: defaultOptions };
      ws = await seedWorkspace(deps, fake);
      const admin = { userId: ws.users.admin.id, slackUserId: ws.users.admin.slack };
      await setNotificationChannel(deps, admin, { channelId: ws.channel });
      nina = (await inviteUser(deps, admin, { email: `nina@${ws.domain}` })).user.id;
      await activate(deps, `nina@${ws.domain}`, 'Nina New');
    } finally {
      await d.close();
    }
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    app = await startApp({ env: { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, ...db.env }, cwd: db.cwd });
    rq = new SlackRequests(app.eventsUrl, SECRET, fake);
    driver = new SlackDriver(rq, fake, ws.channel);
  }, 120_000);

  afterEach(() => fake.assertClean());

  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  }, 30_000);

  it('posts the activation to the notification channel, after waiting out a rate limit', async () => {
    const attempts = await fake.waitFor('chat.postMessage', (a) => a.channel === ws.channel && /Nina New/.test(messageText(a)), 2, 20_000);
    expect(attempts[0]!.result).toEqual({ status: 429 });
    expect(attempts[1]!.result.ok).toBe(true);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(messageText(attempts[1]!.args)).toMatch(new RegExp(`\\*Nina New\\* \\(nina@${ws.domain}\\) activated their eConnect account in Acme`));
    const buttons = attempts[1]!.args.blocks.find((b: { type: string }) => b.type === 'actions').elements;
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual(['notify_add_to_org', 'notify_make_admin', 'notify_block']);
    expect(buttons.every((b: { value: string }) => b.value === nina)).toBe(true);
  });

  it("acts on a button only for an administrator's click", async () => {
    const refused = await rq.action(ws.as('basic'), { action_id: 'notify_make_admin', block_id: 'next_steps', value: nina }, { channelId: ws.channel });
    expect(refused.status).toBe(200);
    // the refusal is the last thing that click does
    expect(messageText(await fake.waitForResponse(refused.responseUrl!))).toMatch(/Only an administrator of the environment/);
    expect(driver.postedHere().filter((c) => messageText(c.args).includes(`<@${ws.users.basic.slack}>`))).toEqual([]);
    expect(await driver.ephemeral(ws.as('admin'), `whois nina@${ws.domain}`)).toMatch(/Role: Basic user/);

    await rq.action(ws.as('admin'), { action_id: 'notify_make_admin', block_id: 'next_steps', value: nina }, { channelId: ws.channel });
    await driver.posted(new RegExp(`<@${ws.users.admin.slack}> made \\*Nina New\\* Administrator`));
    expect(await driver.ephemeral(ws.as('admin'), `whois nina@${ws.domain}`)).toMatch(/Role: Administrator/);
  });

  it('answers Slack at once for the App Home and publishes the help there', async () => {
    const res = await rq.event({ type: 'app_home_opened', user: ws.users.admin.slack, channel: 'D0HOME', tab: 'home', event_ts: `${Date.now() / 1000}` });
    expect(res.status).toBe(200);
    const [publish] = await fake.waitFor('views.publish', (a) => a.user_id === ws.users.admin.slack);
    expect(messageText({ blocks: publish!.args.view.blocks })).toMatch(/invite/);
  });
});
