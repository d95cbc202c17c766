// Submissions of the organisation modals: create, edit (and its picker), add member, remove member.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import { value } from '../../support/slack-requests.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

const organisation = (environmentId: string, name: string) => app.deps.prisma.organisation.findFirst({ where: { environmentId, name } });
const membership = (organisationId: string, userId: string) => app.deps.prisma.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } });

describe('create organisation', () => {
  it('creates it with its details; a bad KvK number is shown on its own field and nothing is created', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'create-org');
    const values = (kvk: string) => ({ name: { value: value.text('Acme Holding') }, kvkNumber: { value: value.text(kvk) }, country: { value: value.text('NL') }, postalCode: { value: value.text('3511 AB') } });
    const bad = await app.rq.submit(ws.as('admin'), view, values('12'), { hash: 'h1' });
    expect(bad.json.response_action).toBe('errors');
    expect(Object.keys(bad.json.errors)).toEqual(['kvkNumber']);
    expect(await organisation(ws.environmentId, 'Acme Holding')).toBeNull();
    const good = await app.rq.submit(ws.as('admin'), view, values('12345678'), { hash: 'h2' });
    expect(good.text).toBe('');
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> created the organisation \\*Acme Holding\\* and is its organisation administrator`));
    const holding = await organisation(ws.environmentId, 'Acme Holding');
    expect(holding).toMatchObject({ kvkNumber: '12345678', country: 'NL', postalCode: '3511 AB', city: null });
    expect(await membership(holding!.id, ws.users.admin.id)).toMatchObject({ role: 'ADMINISTRATOR' });
  });

  it('a name in use is shown on the name field', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'create-org');
    const res = await app.rq.submit(ws.as('admin'), view, { name: { value: value.text('acme sales') } });
    expect(res.json).toEqual({ response_action: 'errors', errors: { name: expect.stringMatching(/already exists/) } });
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId } })).toBe(2);
  });
});

describe('edit organisation', () => {
  it('saves the changed details and names them in the channel; an unchanged form says so', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'org edit Acme Sales');
    const res = await app.rq.submit(ws.as('admin'), view, { name: { value: value.text('Acme Sales') }, city: { value: value.text('Utrecht') }, vatNumber: { value: value.text('NL123456789B01') } }, { hash: 'h1' });
    expect(res.text).toBe('');
    await ws.driver.posted(/changed .*city.* of \*Acme Sales\*/);
    expect(await organisation(ws.environmentId, 'Acme Sales')).toMatchObject({ city: 'Utrecht', vatNumber: 'NL123456789B01' });
    const again = await ws.driver.opened(ws.as('admin'), 'org edit Acme Sales');
    await app.rq.submit(ws.as('admin'), again, { name: { value: value.text('Acme Sales') }, city: { value: value.text('Utrecht') }, vatNumber: { value: value.text('NL123456789B01') } });
    await ws.driver.posted(/saved \*Acme Sales\* without changes/);
  });

  it('an organisation administrator may not edit the details', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'org edit Acme Sales');
    const res = await app.rq.submit(ws.as('orgAdmin'), view, { name: { value: value.text('Olga Sales') } });
    expect(res.json).toEqual({ response_action: 'errors', errors: { name: expect.stringMatching(/You may not edit an organisation's details/) } });
    expect(await organisation(ws.environmentId, 'Olga Sales')).toBeNull();
  });

  it('the picker\'s Next replaces it with the edit form of the organisation chosen', async () => {
    const ws = await app.workspace();
    const picker = await ws.driver.opened(ws.as('admin'), 'org');
    const next = await app.rq.submit(ws.as('admin'), picker, { organisation: { organisation_pick_edit: value.external(ws.orgs.purchasing.id) } });
    app.fake.checkViewSubmissionResponse(next.json);
    expect(next.json.response_action).toBe('update');
    expect(next.json.view.callback_id).toBe('edit_org');
    expect(JSON.parse(next.json.view.private_metadata)).toEqual({ channel: ws.channel, organisationId: ws.orgs.purchasing.id, organisationName: 'Acme Purchasing' });
    expect(ws.driver.postedHere()).toEqual([]);
  });
});

describe('add member', () => {
  it('adds the person with the role chosen; the same again is shown on the form', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'add-to-org');
    const values = { user: { user_search: value.external(ws.users.basic.id) }, organisation: { organisation_search: value.external(ws.orgs.purchasing.id) }, role: { value: value.select('ADMINISTRATOR') } };
    const res = await app.rq.submit(ws.as('admin'), view, values, { hash: 'h1' });
    expect(res.text).toBe('');
    await ws.driver.posted(/added \*Bob Basic\* to \*Acme Purchasing\* as organisation administrator/);
    expect(await membership(ws.orgs.purchasing.id, ws.users.basic.id)).toMatchObject({ role: 'ADMINISTRATOR' });
    const again = await app.rq.submit(ws.as('admin'), view, values, { hash: 'h2' });
    expect(again.json).toEqual({ response_action: 'errors', errors: { user: expect.stringMatching(/Bob Basic is already an? administrator of Acme Purchasing/) } });
  });

  it('an organisation administrator adds to their own organisation only', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'add-to-org');
    const to = (organisationId: string) => ({ user: { user_search: value.external(ws.users.advanced.id) }, organisation: { organisation_search: value.external(organisationId) }, role: { value: value.select('MEMBER') } });
    const refused = await app.rq.submit(ws.as('orgAdmin'), view, to(ws.orgs.purchasing.id), { hash: 'h1' });
    expect(refused.json).toMatchObject({ response_action: 'errors' });
    expect(Object.values(refused.json.errors)[0]).toMatch(/You may not add members to this organisation/);
    expect(await membership(ws.orgs.purchasing.id, ws.users.advanced.id)).toBeNull();
    const done = await app.rq.submit(ws.as('orgAdmin'), view, to(ws.orgs.sales.id), { hash: 'h2' });
    expect(done.text).toBe('');
    await ws.driver.posted(new RegExp(`<@${ws.users.orgAdmin.slack}> added \\*Vera Advanced\\* to \\*Acme Sales\\* as member`));
  });
});

describe('remove member', () => {
  it('step 1 submitted without picking through the menu goes to step 2; step 2 removes the member', async () => {
    const ws = await app.workspace();
    const step1 = await ws.driver.opened(ws.as('admin'), 'remove-member');
    const next = await app.rq.submit(ws.as('admin'), step1, { organisation: { organisation_pick_remove: value.external(ws.orgs.sales.id) } }, { hash: 'h1' });
    expect(next.json.response_action).toBe('update');
    const step2 = next.json.view;
    expect(step2.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['about', 'user']);
    expect(JSON.stringify(step2.blocks[0])).toContain('Remove a member from *Acme Sales*');
    const res = await app.rq.submit(ws.as('admin'), step2, { user: { member_search: value.external(ws.users.basic.id) } }, { viewId: step1.id, hash: 'h2' });
    expect(res.text).toBe('');
    await ws.driver.posted(/removed \*Bob Basic\* from \*Acme Sales\*\. They stay in the environment/);
    expect(await membership(ws.orgs.sales.id, ws.users.basic.id)).toBeNull();
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.basic.id } })).toMatchObject({ status: 'ACTIVE' });
  });

  it('someone who is not a member: the reason on the member field, nothing removed', async () => {
    const ws = await app.workspace();
    const step2 = (await app.rq.submit(ws.as('admin'), await ws.driver.opened(ws.as('admin'), 'remove-member'), { organisation: { organisation_pick_remove: value.external(ws.orgs.sales.id) } })).json.view;
    const res = await app.rq.submit(ws.as('admin'), step2, { user: { member_search: value.external(ws.users.advanced.id) } }, { hash: 'h2' });
    expect(res.json).toEqual({ response_action: 'errors', errors: { user: expect.stringMatching(/Vera Advanced is not a member of Acme Sales/) } });
    expect(await app.deps.prisma.membership.count({ where: { organisationId: ws.orgs.sales.id } })).toBe(3);
  });
});
