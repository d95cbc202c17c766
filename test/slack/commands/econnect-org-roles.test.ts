// `set-org-role <user> <organisation> member|administrator` and its form: an organisation
// administrator (or an environment Administrator) changes a member's role in one organisation,
// audited, once; the last active administrator of an organisation stays one (rule 8); answers that
// mention roles point to the command that changes them.
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

const roleIn = async (organisationId: string, userId: string) =>
  (await app.deps.prisma.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } }))?.role;
const roleChanges = (environmentId: string) => app.deps.prisma.auditEvent.count({ where: { environmentId, action: 'member.role_changed' } });

describe('set-org-role', () => {
  it('promotes a member and demotes them again (in Dutch words too), audited, and a repeat changes nothing', async () => {
    const ws = await app.workspace();
    const { sales } = ws.orgs;
    await ws.driver.confirmed(ws.as('admin'), `set-org-role ${ws.users.basic.email} Acme Sales administrator`,
      new RegExp(`<@${ws.users.admin.slack}> made \\*Bob Basic\\* organisation administrator of \\*Acme Sales\\* \\(was member\\)\\.`));
    expect(await roleIn(sales.id, ws.users.basic.id)).toBe('ADMINISTRATOR');
    const event = await app.deps.prisma.auditEvent.findFirstOrThrow({ where: { environmentId: ws.environmentId, action: 'member.role_changed' } });
    expect(event).toMatchObject({ actorUserId: ws.users.admin.id, actorSlackId: ws.users.admin.slack, targetId: `${sales.id}:${ws.users.basic.id}` });
    expect(event.details).toMatchObject({ from: 'MEMBER', to: 'ADMINISTRATOR' });

    expect(await ws.driver.ephemeral(ws.as('admin'), `set-org-role ${ws.users.basic.email} "Acme Sales" beheerder`))
      .toMatch(/Bob Basic.* already is organisation administrator of .*Acme Sales.*; nothing changed/);
    expect(await roleChanges(ws.environmentId)).toBe(1);

    // an organisation administrator (Olga, Basic user in the environment) demotes with the Dutch word
    await ws.driver.confirmed(ws.as('orgAdmin'), `set-org-role <@${ws.users.basic.slack}> Acme Sales lid`,
      new RegExp(`<@${ws.users.orgAdmin.slack}> made \\*Bob Basic\\* member of \\*Acme Sales\\* \\(was organisation administrator\\)\\.`));
    expect(await roleIn(sales.id, ws.users.basic.id)).toBe('MEMBER');
    expect(await roleChanges(ws.environmentId)).toBe(2);
  });

  it('refuses, says why and changes nothing: not an administrator of it, the last one, unknown user or organisation, a bad role word', async () => {
    const ws = await app.workspace();
    const { sales, purchasing } = ws.orgs;
    expect(await ws.driver.ephemeral(ws.as('basic'), `set-org-role ${ws.users.basic.email} Acme Sales administrator`))
      .toMatch(/You may not change members' roles in this organisation/);
    expect(await ws.driver.ephemeral(ws.as('orgAdmin'), `set-org-role ${ws.users.admin.email} Acme Purchasing member`))
      .toMatch(/No organisation called "Acme Purchasing"/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-org-role ${ws.users.admin.email} Acme Purchasing member`))
      .toMatch(/only active administrator of .*Acme Purchasing.*Make another active member its administrator first/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-org-role nobody@${ws.domain} Acme Sales member`)).toMatch(/nobody@/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-org-role ${ws.users.basic.email} Acme Nowhere member`)).toMatch(/No organisation called "Acme Nowhere"/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-org-role ${ws.users.basic.email} Acme Sales boss`))
      .toMatch(/I do not know the organisation role .*boss.*Say `member` or `administrator`.*set-role/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-org-role ${ws.users.basic.email} member`)).toMatch(/^Usage: `\/econnect set-org-role &lt;user&gt; &lt;organisation&gt; member\|administrator`/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-org-role ${ws.users.advanced.email} Acme Sales administrator`))
      .toMatch(/is not a member of Acme Sales\. Add them first with add-to-org/);
    expect(await roleIn(sales.id, ws.users.basic.id)).toBe('MEMBER');
    expect(await roleIn(purchasing.id, ws.users.admin.id)).toBe('ADMINISTRATOR');
    expect(await roleChanges(ws.environmentId)).toBe(0);
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it("speaks the environment's language in the channel and the caller's own to the caller", async () => {
    const ws = await app.workspace();
    await app.deps.prisma.environment.update({ where: { id: ws.environmentId }, data: { locale: 'nl' } });
    await app.deps.prisma.user.update({ where: { id: ws.users.orgAdmin.id }, data: { locale: 'en' } });
    await ws.driver.confirmed(ws.as('admin'), `set-org-role ${ws.users.basic.email} Acme Sales beheerder`,
      new RegExp(`<@${ws.users.admin.slack}> heeft \\*Bob Basic\\* organisatiebeheerder van \\*Acme Sales\\* gemaakt \\(was lid\\)\\.`));
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-org-role ${ws.users.basic.email} Acme Sales baas`)).toMatch(/De organisatierol .*baas.* ken ik niet/);
    expect(await ws.driver.ephemeral(ws.as('orgAdmin'), `set-org-role ${ws.users.basic.email} Acme Sales baas`)).toMatch(/I do not know the organisation role/);
    const view = await ws.driver.opened(ws.as('admin'), 'set-org-role');
    expect(view.title.text).toBe('Organisatierol');
  });

  it('answers about roles point to the right command', async () => {
    const ws = await app.workspace();
    expect(await ws.driver.ephemeral(ws.as('admin'), `add-to-org ${ws.users.basic.email} Acme Sales`))
      .toMatch(/already a member of Acme Sales\. Use set-org-role to change their role in it/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-role ${ws.users.basic.email} member`))
      .toMatch(/member.* is a role in an organisation, not in the environment\. Use `\/econnect set-org-role &lt;user&gt; &lt;organisation&gt; member\|administrator`; `\/econnect set-role` changes the environment role/);
    expect(await ws.driver.ephemeral(ws.as('basic'), `set-role ${ws.users.basic.email} advanced`)).toMatch(/You may not change environment roles/);
    const help = await ws.driver.ephemeral(ws.as('basic'), 'help');
    expect(help).toContain('`/econnect set-org-role &lt;user&gt; &lt;organisation&gt; member|administrator`');
  });
});

describe('the organisation role form', () => {
  it('opens with the user and organisation pickers and a role select, and sets the role chosen', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('orgAdmin'), 'set-org-role');
    expect(view).toMatchObject({ callback_id: 'set_org_role', title: { text: 'Organisation role' }, private_metadata: JSON.stringify({ channel: ws.channel }) });
    const inputs = view.blocks.filter((b: { type: string }) => b.type === 'input');
    expect(inputs).toMatchObject([
      { block_id: 'user', element: { type: 'external_select', action_id: 'user_search' } },
      { block_id: 'organisation', element: { type: 'external_select', action_id: 'organisation_search' } },
      { block_id: 'role', element: { type: 'static_select', options: [{ value: 'MEMBER' }, { value: 'ADMINISTRATOR' }] } },
    ]);
    // the pickers are the ones the other forms use: the organisation administrator finds their organisation
    const found = await app.rq.suggest(ws.as('orgAdmin'), 'organisation_search', 'organisation', 'Acme', view);
    expect(found.json.options.map((o: { value: string }) => o.value)).toContain(ws.orgs.sales.id);

    const res = await app.rq.submit(ws.as('orgAdmin'), view, {
      user: { user_search: value.external(ws.users.basic.id) },
      organisation: { organisation_search: value.external(ws.orgs.sales.id) },
      role: { value: value.select('ADMINISTRATOR') },
    });
    expect(res).toMatchObject({ status: 200, text: '' });
    await ws.driver.posted(new RegExp(`<@${ws.users.orgAdmin.slack}> made \\*Bob Basic\\* organisation administrator of \\*Acme Sales\\* \\(was member\\)`));
    expect(await roleIn(ws.orgs.sales.id, ws.users.basic.id)).toBe('ADMINISTRATOR');
  });

  it('keeps the form open with the reason: the last administrator, someone who may not', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'set-org-role');
    const last = await app.rq.submit(ws.as('admin'), view, {
      user: { user_search: value.external(ws.users.admin.id) },
      organisation: { organisation_search: value.external(ws.orgs.purchasing.id) },
      role: { value: value.select('MEMBER') },
    }, { hash: 'h1' });
    app.fake.checkViewSubmissionResponse(last.json);
    expect(last.json).toMatchObject({ response_action: 'errors', errors: { user: expect.stringMatching(/only active administrator of Acme Purchasing/) } });
    const notAllowed = await app.rq.submit(ws.as('basic'), view, {
      user: { user_search: value.external(ws.users.basic.id) },
      organisation: { organisation_search: value.external(ws.orgs.sales.id) },
      role: { value: value.select('ADMINISTRATOR') },
    }, { hash: 'h2' });
    expect(notAllowed.json).toMatchObject({ response_action: 'errors', errors: { user: expect.stringMatching(/You may not change members' roles/) } });
    expect(await roleIn(ws.orgs.purchasing.id, ws.users.admin.id)).toBe('ADMINISTRATOR');
    expect(await roleIn(ws.orgs.sales.id, ws.users.basic.id)).toBe('MEMBER');
    expect(ws.driver.postedHere()).toEqual([]);
  });
});
