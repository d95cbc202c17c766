// Building the Slack app calls nothing at Slack (no auth.test at start-up) and serves HTTP through a
// router for the web server, or Socket Mode when an app-level token is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { defaultOptions, type RightsDeps } from '../../src/rights/index.ts';
import { createSlackApp } from '../../src/slack/app.ts';
import { FakeSlack } from '../support/fake-slack.ts';

describe('createSlackApp', () => {
  let fake: FakeSlack;
  // Building the app never queries the database; listeners do, and none run here.
  const deps = { prisma: undefined, options: defaultOptions } as unknown as RightsDeps;
  const logger = createLogger('silent');
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(() => fake.stop());

  it('over HTTP: a router with /slack/events, and no Web API call at start-up', async () => {
    const slack = createSlackApp({ config: { slack: { botToken: 'xoxb-test', signingSecret: 'abcdef0123456789', apiUrl: fake.url, command: '/econnect' } }, deps, logger });
    expect(slack.router).not.toBeNull();
    const routes = (slack.router as unknown as { stack: { route?: { path: string } }[] }).stack.map((l) => l.route?.path);
    expect(routes).toContain('/slack/events');
    await slack.start();
    await slack.stop();
    // A call the app made while it was built or started was sent before this one, which the fake
    // has recorded once the answer is back: only this one may be there.
    const marker = await fetch(`${fake.url}auth.test`, { method: 'POST', headers: { authorization: `Bearer ${fake.token}` } });
    expect(marker.status).toBe(200);
    expect(fake.calls.map((c) => c.method)).toEqual(['auth.test']);
  });

  it('over Socket Mode when SLACK_APP_TOKEN is set: no HTTP route', () => {
    const slack = createSlackApp({ config: { slack: { botToken: 'xoxb-test', appToken: 'xapp-1-test', apiUrl: fake.url, command: '/econnect' } }, deps, logger });
    expect(slack.router).toBeNull();
  });

  it('refuses to start without a bot token', () => {
    expect(() => createSlackApp({ config: { slack: { command: '/econnect' } }, deps, logger })).toThrow(/SLACK_BOT_TOKEN/);
  });
});
