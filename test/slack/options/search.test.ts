// Options for the external menus, searched as the administrator types: users, organisations and one
// organisation's members. At most 100 options; a caller who may not search gets an empty list.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

/** Asks for the options of a menu; returns them as [text, value], after checking Slack's limits. */
async function options(caller: SlackCaller, actionId: string, blockId: string, typed: string, view?: unknown): Promise<[string, string][]> {
  const res = await app.rq.suggest(caller, actionId, blockId, typed, view);
  expect(res.status).toBe(200);
  app.fake.checkOptionsResponse(res.json);
  return res.json.options.map((o: { text: { text: string }; value: string }) => [o.text.text, o.value]);
}

describe('user_search', () => {
  it('finds people of the caller\'s environment by name or address, and lists them all for an empty query', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    expect(await options(ws.as('admin'), 'user_search', 'user', 'vera')).toEqual([[`Vera Advanced <${ws.users.advanced.email}>`, ws.users.advanced.id]]);
    expect(await options(ws.as('admin'), 'user_search', 'user', 'BOB@')).toEqual([[`Bob Basic <${ws.users.basic.email}>`, ws.users.basic.id]]);
    const all = (await options(ws.as('advanced'), 'user_search', 'user', '')).map(([, id]) => id);
    expect(all.sort()).toEqual(Object.values(ws.users).map((u) => u.id).sort());
    expect(all).not.toContain(other.users.basic.id);
  });

  it('searches from 3 characters on (the trigram index): a shorter text lists as an empty one does', async () => {
    const ws = await app.workspace();
    const first = await options(ws.as('admin'), 'user_search', 'user', '');
    expect(await options(ws.as('admin'), 'user_search', 'user', 've')).toEqual(first);
    expect(await options(ws.as('admin'), 'user_search', 'user', 'ver')).toEqual([[`Vera Advanced <${ws.users.advanced.email}>`, ws.users.advanced.id]]);
    expect(await options(ws.as('admin'), 'organisation_search', 'organisation', 'sa')).toHaveLength(2);
    expect(await options(ws.as('admin'), 'organisation_search', 'organisation', 'sal')).toEqual([['Acme Sales', ws.orgs.sales.id]]);
  });

  it('gives at most 100 options', async () => {
    const ws = await app.workspace();
    await app.deps.prisma.user.createMany({ data: Array.from({ length: 105 }, (_, i) => ({ environmentId: ws.environmentId, email: `many${i}@${ws.domain}`, status: 'INVITED' as const })) });
    expect(await options(ws.as('admin'), 'user_search', 'user', '')).toHaveLength(100);
    expect(await options(ws.as('admin'), 'user_search', 'user', 'many1')).toHaveLength(16);
  });

  it('an organisation administrator with the Basic role finds people by full address only', async () => {
    const ws = await app.workspace();
    expect(await options(ws.as('orgAdmin'), 'user_search', 'user', 'vera')).toEqual([]);
    expect(await options(ws.as('orgAdmin'), 'user_search', 'user', ws.users.advanced.email)).toEqual([[`Vera Advanced <${ws.users.advanced.email}>`, ws.users.advanced.id]]);
  });

  it('is empty for a caller eConnect cannot match, or who may not search', async () => {
    const ws = await app.workspace();
    for (const who of ['stranger', 'unverified', 'blocked', 'pending'] as const) expect(await options(ws.as(who), 'user_search', 'user', '')).toEqual([]);
    expect(await options(ws.as('basic'), 'user_search', 'user', 'vera')).toEqual([]);
  });
});

describe('organisation_search and the organisation pickers', () => {
  it('an administrator or advanced user sees every organisation; an organisation administrator only their own', async () => {
    const ws = await app.workspace();
    const both = [['Acme Purchasing', ws.orgs.purchasing.id], ['Acme Sales', ws.orgs.sales.id]];
    expect(await options(ws.as('admin'), 'organisation_search', 'organisations', '')).toEqual(both);
    expect(await options(ws.as('advanced'), 'organisation_search', 'organisations', '')).toEqual(both);
    expect(await options(ws.as('admin'), 'organisation_search', 'organisations', 'sal')).toEqual([['Acme Sales', ws.orgs.sales.id]]);
    expect(await options(ws.as('orgAdmin'), 'organisation_search', 'organisation', '')).toEqual([['Acme Sales', ws.orgs.sales.id]]);
    expect(await options(ws.as('stranger'), 'organisation_search', 'organisation', '')).toEqual([]);
  });

  it('serves the pickers of "remove member" and "edit organisation" too', async () => {
    const ws = await app.workspace();
    for (const picker of ['organisation_pick_remove', 'organisation_pick_edit']) {
      expect(await options(ws.as('admin'), picker, 'organisation', 'purch')).toEqual([['Acme Purchasing', ws.orgs.purchasing.id]]);
    }
  });
});

describe('member_search', () => {
  it('lists the members of the organisation the modal is about, searched by name or address', async () => {
    const ws = await app.workspace();
    const step1 = await ws.driver.opened(ws.as('admin'), 'remove-member');
    const next = await app.rq.submit(ws.as('admin'), step1, { organisation: { organisation_pick_remove: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: 'Acme Sales' }, value: ws.orgs.sales.id } } } });
    const step2 = { ...next.json.view, id: step1.id };
    const members = (await options(ws.as('admin'), 'member_search', 'user', '', step2)).map(([, id]) => id);
    expect(members.sort()).toEqual([ws.users.admin.id, ws.users.orgAdmin.id, ws.users.basic.id].sort());
    expect(await options(ws.as('admin'), 'member_search', 'user', 'olga', step2)).toEqual([[`Olga Orgadmin <${ws.users.orgAdmin.email}>`, ws.users.orgAdmin.id]]);
    expect(await options(ws.as('orgAdmin'), 'member_search', 'user', 'bob', step2)).toEqual([[`Bob Basic <${ws.users.basic.email}>`, ws.users.basic.id]]);
  });

  it('is empty without an organisation, and for someone who may not see its members', async () => {
    const ws = await app.workspace();
    expect(await options(ws.as('admin'), 'member_search', 'user', '')).toEqual([]);
    const purchasing = { type: 'modal', callback_id: 'remove_member', private_metadata: JSON.stringify({ channel: ws.channel, organisationId: ws.orgs.purchasing.id }), state: { values: {} } };
    expect(await options(ws.as('orgAdmin'), 'member_search', 'user', '', purchasing)).toEqual([]);
    expect(await options(ws.as('basic'), 'member_search', 'user', '', purchasing)).toEqual([]);
  });
});
