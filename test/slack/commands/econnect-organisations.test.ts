// The subcommands about organisations and their members: create-org, org, add-to-org, remove-member.
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

const membership = (organisationId: string, userId: string) => app.deps.prisma.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } });

describe('create-org', () => {
  it('creates the organisation with the caller as its organisation administrator, and refuses a name in use', async () => {
    const ws = await app.workspace();
    await ws.driver.confirmed(ws.as('admin'), 'create-org Acme Logistics', new RegExp(`<@${ws.users.admin.slack}> created the organisation \\*Acme Logistics\\* and is its organisation administrator`));
    const org = await app.deps.prisma.organisation.findFirstOrThrow({ where: { environmentId: ws.environmentId, name: 'Acme Logistics' } });
    expect(await membership(org.id, ws.users.admin.id)).toMatchObject({ role: 'ADMINISTRATOR' });
    expect(await ws.driver.ephemeral(ws.as('admin'), 'create-org acme logistics')).toMatch(/An organisation named "acme logistics" already exists in this environment\. Choose another name/);
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId } })).toBe(3);
  });

  it('without a name opens the create form; an organisation administrator may not create organisations', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'create-org');
    expect(view).toMatchObject({ callback_id: 'create_org', private_metadata: JSON.stringify({ channel: ws.channel }) });
    expect(await ws.driver.ephemeral(ws.as('orgAdmin'), 'create-org Olga Inc')).toMatch(/You may not create organisations/);
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId, name: 'Olga Inc' } })).toBe(0);
  });
});

describe('org', () => {
  it('shows the details and the member count, with an Edit button for an administrator only', async () => {
    const ws = await app.workspace();
    const r = await app.rq.slash(ws.as('admin'), 'org Acme Sales', ws.channel);
    const answer = await app.fake.waitForResponse(r.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(messageText(answer)).toMatch(/\*Acme Sales\* \(3 members\)\nLegal name: _not set_/);
    const edit = answer.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(edit.elements).toMatchObject([{ action_id: 'org_edit', value: ws.orgs.sales.id }]);
    const asOrgAdmin = await app.rq.slash(ws.as('orgAdmin'), 'org Acme Sales', ws.channel);
    const theirs = await app.fake.waitForResponse(asOrgAdmin.responseUrl);
    expect(messageText(theirs)).toContain('*Acme Sales* (3 members)');
    expect(theirs.blocks.some((b: { type: string }) => b.type === 'actions')).toBe(false);
    expect(await ws.driver.ephemeral(ws.as('admin'), 'org Nowhere Inc')).toMatch(/No organisation called "Nowhere Inc" that you can see/);
  });

  it('`org edit <name>` opens the edit form filled in; `org` alone opens the picker', async () => {
    const ws = await app.workspace();
    const edit = await ws.driver.opened(ws.as('admin'), 'org edit Acme Sales');
    expect(edit.callback_id).toBe('edit_org');
    expect(JSON.parse(edit.private_metadata)).toEqual({ channel: ws.channel, organisationId: ws.orgs.sales.id, organisationName: 'Acme Sales' });
    expect(edit.blocks[0]).toMatchObject({ block_id: 'name', element: { initial_value: 'Acme Sales' } });
    const picker = await ws.driver.opened(ws.as('admin'), 'org');
    expect(picker.callback_id).toBe('edit_org_pick');
    expect(picker.blocks[0]).toMatchObject({ block_id: 'organisation', dispatch_action: true, element: { action_id: 'organisation_pick_edit' } });
  });
});

describe('add-to-org and remove-member', () => {
  it('add a member with the role named, by a quoted or unquoted organisation name, and remove them again', async () => {
    const ws = await app.workspace();
    const { purchasing } = ws.orgs;
    await ws.driver.confirmed(ws.as('admin'), `add-to-org ${ws.users.advanced.email} Acme Purchasing administrator`, /added \*Vera Advanced\* to \*Acme Purchasing\* as organisation administrator/);
    await ws.driver.confirmed(ws.as('admin'), `add-to-org ${ws.users.basic.email} "Acme Purchasing"`, /added \*Bob Basic\* to \*Acme Purchasing\* as member/);
    expect(await membership(purchasing.id, ws.users.advanced.id)).toMatchObject({ role: 'ADMINISTRATOR' });
    expect(await membership(purchasing.id, ws.users.basic.id)).toMatchObject({ role: 'MEMBER' });
    await ws.driver.confirmed(ws.as('admin'), `remove-member ${ws.users.basic.email} Acme Purchasing`, /removed \*Bob Basic\* from \*Acme Purchasing\*\. They stay in the environment/);
    expect(await membership(purchasing.id, ws.users.basic.id)).toBeNull();
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.basic.id } })).toMatchObject({ status: 'ACTIVE' });
    expect((await app.deps.prisma.auditEvent.findMany({ where: { environmentId: ws.environmentId, action: { in: ['member.added', 'member.removed'] } }, orderBy: { id: 'asc' } })).map((e) => e.action).slice(-3))
      .toEqual(['member.added', 'member.added', 'member.removed']);
  });

  it('say what is missing or wrong, and change nothing', async () => {
    const ws = await app.workspace();
    expect(await ws.driver.ephemeral(ws.as('admin'), `add-to-org ${ws.users.basic.email}`)).toContain('Usage: `/econnect add-to-org &lt;user&gt; &lt;organisation&gt; [member|administrator] [--until YYYY-MM-DD]`');
    expect(await ws.driver.ephemeral(ws.as('admin'), `remove-member ${ws.users.basic.email}`)).toContain('Usage: `/econnect remove-member &lt;user&gt; &lt;organisation&gt;`');
    expect(await ws.driver.ephemeral(ws.as('admin'), `add-to-org ${ws.users.basic.email} Nowhere Inc`)).toMatch(/No organisation called "Nowhere Inc"/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `add-to-org ${ws.users.basic.email} Acme Sales`)).toMatch(/Bob Basic is already a member of Acme Sales/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `remove-member ${ws.users.advanced.email} Acme Sales`)).toMatch(/Vera Advanced is not a member of Acme Sales/);
    // the creator of each, Olga and Bob
    expect(await app.deps.prisma.membership.count({ where: { organisationId: { in: [ws.orgs.sales.id, ws.orgs.purchasing.id] } } })).toBe(4);
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it('an organisation administrator manages the members of their own organisation only', async () => {
    const ws = await app.workspace();
    const vera = ws.users.advanced.email;
    expect(await ws.driver.ephemeral(ws.as('orgAdmin'), `add-to-org ${vera} Acme Purchasing`)).toMatch(/No organisation called "Acme Purchasing" that you can see/);
    expect(await ws.driver.ephemeral(ws.as('orgAdmin'), `remove-member ${ws.users.basic.email} Acme Purchasing`)).toMatch(/No organisation called "Acme Purchasing" that you can see/);
    expect(await membership(ws.orgs.purchasing.id, ws.users.advanced.id)).toBeNull();
    await ws.driver.confirmed(ws.as('orgAdmin'), `add-to-org ${vera} Acme Sales`, new RegExp(`<@${ws.users.orgAdmin.slack}> added \\*Vera Advanced\\* to \\*Acme Sales\\* as member`));
    expect(await membership(ws.orgs.sales.id, ws.users.advanced.id)).toMatchObject({ role: 'MEMBER' });
    expect(await ws.driver.ephemeral(ws.as('basic'), `add-to-org ${vera} Acme Purchasing`)).toMatch(/You may only look up your own account/);
  });

  it('the last organisation administrator cannot be removed', async () => {
    const ws = await app.workspace();
    // Ada created Acme Purchasing and is its only administrator.
    // removing yourself asks first (test/slack/actions/ask-first.test.ts); confirmed, it is refused
    const r = await app.rq.slash(ws.as('admin'), `remove-member ${ws.users.admin.email} Acme Purchasing`, ws.channel);
    const confirm = (await app.fake.waitForResponse(r.responseUrl)).blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
    const click = await app.rq.action(ws.as('admin'), { action_id: confirm.action_id, value: confirm.value }, { channelId: ws.channel });
    expect((await app.fake.waitForResponse(click.responseUrl!)).text).toMatch(/only active administrator of Acme Purchasing\. Make another active member its administrator first/);
    expect(await membership(ws.orgs.purchasing.id, ws.users.admin.id)).toMatchObject({ role: 'ADMINISTRATOR' });
  });

  it('without arguments open their forms: add member, and remove member at its first step', async () => {
    const ws = await app.workspace();
    const add = await ws.driver.opened(ws.as('admin'), 'add-to-org');
    expect(add.callback_id).toBe('add_member');
    expect(add.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['user', 'organisation', 'role', 'until']);
    const remove = await ws.driver.opened(ws.as('admin'), 'remove-member');
    expect(remove.callback_id).toBe('remove_member');
    expect(remove.blocks).toMatchObject([{ block_id: 'organisation', dispatch_action: true, element: { action_id: 'organisation_pick_remove' } }]);
  });
});
