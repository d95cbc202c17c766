// app_home_opened: the Home tab is published for whoever opens it (per role: test/slack/home); other
// tabs and a failing Slack change nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import { waitFor } from '../../support/wait-for.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

const opened = (user: string, tab: 'home' | 'messages') => app.rq.event({ type: 'app_home_opened', user, channel: `D${user}`, tab, event_ts: `${Date.now() / 1000}` });

describe('app_home_opened', () => {
  it('publishes the Home tab for anyone who opens it: someone eConnect does not know learns how to get an account', async () => {
    app.fake.addUser({ id: 'UHOMEONE', email: 'someone@nowhere-home.test', name: 'Some One' });
    const res = await opened('UHOMEONE', 'home');
    expect(res.status).toBe(200);
    const [publish] = await app.fake.waitFor('views.publish', (a) => a.user_id === 'UHOMEONE');
    expect(publish!.args.view.type).toBe('home');
    const text = messageText({ blocks: publish!.args.view.blocks });
    expect(text).toContain('Your Slack account (someone@nowhere-home.test) has no eConnect account.');
  });

  it('shows the commands to people with an account', async () => {
    const ws = await app.workspace();
    await app.rq.event({ type: 'app_home_opened', user: ws.users.basic.slack, channel: 'DBOB', tab: 'home', event_ts: `${Date.now() / 1000}` }, { teamId: ws.teamId });
    const [publish] = await app.fake.waitFor('views.publish', (a) => a.user_id === ws.users.basic.slack);
    const text = messageText({ blocks: publish!.args.view.blocks });
    for (const sub of ['invite', 'set-role', 'add-to-org', 'api-token']) expect(text).toContain(`/econnect ${sub}`);
  });

  it('publishes nothing when the Messages tab opens', async () => {
    expect((await opened('UHOMETWO', 'messages')).status).toBe(200);
    // The same person opening Home afterwards gets exactly one view: the Messages tab added none.
    await opened('UHOMETWO', 'home');
    await app.fake.waitFor('views.publish', (a) => a.user_id === 'UHOMETWO');
    expect(app.fake.callsTo('views.publish').filter((c) => c.args.user_id === 'UHOMETWO')).toHaveLength(1);
  });

  it('a Slack error while publishing is logged, and Slack still gets its answer', async () => {
    app.fake.failNext('views.publish', { error: 'not_enabled' });
    expect((await opened('UHOMETHREE', 'home')).status).toBe(200);
    await app.fake.waitFor('views.publish', (a) => a.user_id === 'UHOMETHREE');
    const warning = await waitFor(() => app.log.find((l) => l.includes('could not publish the App Home')), { what: 'the warning in the log' });
    expect(warning).toContain('not_enabled');
  });
});
