// Menus inside modals that change the modal (the organisation picked in "remove member" and in "edit
// organisation"), and the "Edit details" button under `org <name>`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

const pick = (actionId: string, org: { id: string; name: string }) => ({
  type: 'external_select',
  action_id: actionId,
  block_id: 'organisation',
  selected_option: { text: { type: 'plain_text', text: org.name }, value: org.id },
});

describe('picking the organisation in a modal', () => {
  it('in "remove member" replaces the modal with step 2 for that organisation, on the version Slack showed', async () => {
    const ws = await app.workspace();
    const step1 = await ws.driver.opened(ws.as('admin'), 'remove-member');
    const res = await app.rq.action(ws.as('admin'), pick('organisation_pick_remove', ws.orgs.purchasing), { view: step1 });
    expect(res.status).toBe(200);
    const [update] = await app.fake.waitFor('views.update', (a) => a.view_id === step1.id);
    expect(update!.args.hash).toBe(step1.hash);
    expect(update!.result.ok).toBe(true);
    const step2 = update!.args.view;
    expect(step2.callback_id).toBe('remove_member');
    expect(step2.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['about', 'user']);
    expect(JSON.parse(step2.private_metadata)).toEqual({ channel: ws.channel, organisationId: ws.orgs.purchasing.id, organisationName: 'Acme Purchasing' });
  });

  it('in "edit organisation" shows that organisation\'s details to edit', async () => {
    const ws = await app.workspace();
    await app.deps.prisma.organisation.update({ where: { id: ws.orgs.sales.id }, data: { city: 'Utrecht' } });
    const picker = await ws.driver.opened(ws.as('admin'), 'org');
    await app.rq.action(ws.as('admin'), pick('organisation_pick_edit', ws.orgs.sales), { view: picker });
    const [update] = await app.fake.waitFor('views.update', (a) => a.view_id === picker.id);
    const form = update!.args.view;
    expect(form.callback_id).toBe('edit_org');
    expect(form.blocks.find((b: { block_id: string }) => b.block_id === 'city').element.initial_value).toBe('Utrecht');
  });

  it('an organisation of another environment is refused to the caller, and the modal stays as it was', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    const step1 = await ws.driver.opened(ws.as('admin'), 'remove-member');
    await app.rq.action(ws.as('admin'), pick('organisation_pick_remove', other.orgs.sales), { view: step1 });
    const [told] = await app.fake.waitFor('chat.postEphemeral', (a) => a.user === ws.users.admin.slack && a.channel === ws.channel);
    expect(messageText(told!.args)).toMatch(/That organisation is not in your environment/);
    expect(app.fake.callsTo('views.update').filter((c) => c.args.view_id === step1.id)).toEqual([]);
  });
});

describe('the Edit details button under `org <name>`', () => {
  it('opens the edit form of that organisation for an administrator', async () => {
    const ws = await app.workspace();
    const click = await app.rq.action(ws.as('admin'), { action_id: 'org_edit', block_id: 'org_actions', value: ws.orgs.sales.id }, { channelId: ws.channel });
    expect(click.status).toBe(200);
    const [open] = await app.fake.waitFor('views.open', (a) => a.trigger_id === click.triggerId);
    expect(open!.result.ok).toBe(true);
    expect(open!.args.view.callback_id).toBe('edit_org');
    expect(JSON.parse(open!.args.view.private_metadata)).toMatchObject({ channel: ws.channel, organisationId: ws.orgs.sales.id });
  });

  it('answers a caller eConnect cannot match with the reason, only to them', async () => {
    const ws = await app.workspace();
    const click = await app.rq.action(ws.as('stranger'), { action_id: 'org_edit', block_id: 'org_actions', value: ws.orgs.sales.id }, { channelId: ws.channel });
    const answer = await app.fake.waitForResponse(click.responseUrl!);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(messageText(answer)).toMatch(/No eConnect user has the address/);
    expect(app.fake.callsTo('views.open').filter((c) => c.args.trigger_id === click.triggerId)).toEqual([]);
  });
});
