// The buttons under a notification (add to organisation, make administrator, block): anyone in the
// channel can click, only an environment administrator's click does something. Also the menus inside
// modals that need nothing but an ack.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import type { SlackCaller } from '../../support/slack-requests.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

type Button = 'notify_add_to_org' | 'notify_make_admin' | 'notify_block';
const click = (caller: SlackCaller, button: Button, userId: string, channelId: string) =>
  app.rq.action(caller, { action_id: button, block_id: 'next_steps', value: userId }, { channelId });
const userRow = (id: string) => app.deps.prisma.user.findUniqueOrThrow({ where: { id } });

describe('notification buttons', () => {
  it('make administrator: done and told in the channel; a second click says it already is', async () => {
    const ws = await app.workspace();
    const olga = ws.users.orgAdmin;
    expect((await click(ws.as('admin'), 'notify_make_admin', olga.id, ws.channel)).status).toBe(200);
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> made \\*Olga Orgadmin\\* Administrator \\(was Basic user\\)\\.`));
    expect(await userRow(olga.id)).toMatchObject({ role: 'ADMINISTRATOR' });
    await click(ws.as('admin'), 'notify_make_admin', olga.id, ws.channel);
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> checked \\*Olga Orgadmin\\*: already Administrator, nothing changed\\.`));
    expect(await app.deps.prisma.auditEvent.count({ where: { targetId: olga.id, action: 'user.role_changed' } })).toBe(1);
  });

  it('block: the user is blocked and the channel told', async () => {
    const ws = await app.workspace();
    await click(ws.as('admin'), 'notify_block', ws.users.advanced.id, ws.channel);
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> blocked \\*Vera Advanced\\*\\.`));
    expect(await userRow(ws.users.advanced.id)).toMatchObject({ status: 'BLOCKED' });
  });

  it('add to organisation: opens the add-member form with the person already chosen', async () => {
    const ws = await app.workspace();
    const r = await click(ws.as('admin'), 'notify_add_to_org', ws.users.advanced.id, ws.channel);
    const [open] = await app.fake.waitFor('views.open', (a) => a.trigger_id === r.triggerId);
    expect(open!.result.ok).toBe(true);
    const view = open!.args.view;
    expect(view.callback_id).toBe('add_member');
    expect(view.blocks[0].element.initial_option).toEqual({ text: expect.objectContaining({ text: `Vera Advanced <${ws.users.advanced.email}>` }), value: ws.users.advanced.id });
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: ws.channel });
  });

  it('a click by anyone but an environment administrator is answered to them only, and changes nothing', async () => {
    const ws = await app.workspace();
    const target = ws.users.basic;
    for (const who of ['basic', 'orgAdmin', 'advanced', 'stranger'] as const) {
      for (const button of ['notify_add_to_org', 'notify_make_admin', 'notify_block'] as const) {
        const r = await click(ws.as(who), button, target.id, ws.channel);
        expect(r.status).toBe(200);
        // the refusal is the last thing the click does
        const answer = await app.fake.waitForResponse(r.responseUrl!);
        expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
        expect(messageText(answer)).toMatch(who === 'stranger' ? /No eConnect user has the address/ : /Only an administrator of the environment can use these buttons/);
        expect(app.fake.callsTo('views.open').filter((c) => c.args.trigger_id === r.triggerId)).toEqual([]);
      }
    }
    expect(ws.driver.postedHere()).toEqual([]);
    expect(await userRow(target.id)).toMatchObject({ role: 'BASIC', status: 'ACTIVE' });
  });

  it('a person of another environment cannot be changed, even by an administrator', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    const r = await click(ws.as('admin'), 'notify_block', other.users.basic.id, ws.channel);
    expect(messageText(await app.fake.waitForResponse(r.responseUrl!))).toMatch(/That user is not in your environment/);
    expect(await userRow(other.users.basic.id)).toMatchObject({ status: 'ACTIVE' });
    expect(ws.driver.postedHere()).toEqual([]);
  });
});

describe('menus inside modals that change nothing until submitted', () => {
  it('are acknowledged, and call nothing at Slack', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'add-to-org');
    const before = app.fake.calls.length;
    for (const actionId of ['user_search', 'organisation_search', 'member_search', 'value']) {
      const r = await app.rq.action(ws.as('admin'), { type: 'static_select', action_id: actionId, block_id: 'role', selected_option: { text: { type: 'plain_text', text: 'Member' }, value: 'MEMBER' } }, { view });
      // Without a listener Bolt would answer 404 after 3 s.
      expect(r).toMatchObject({ status: 200, text: '' });
    }
    // An ack is all these listeners do: by the time it is answered they are done.
    expect(app.fake.calls.slice(before)).toEqual([]);
  });
});
