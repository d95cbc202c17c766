// Submissions of the invite and set-role modals: a valid one closes the modal (empty 200) and is
// confirmed in the channel the modal was opened from; a problem keeps it open with the reason on the
// field, and changes nothing.
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

const user = (email: string) => app.deps.prisma.user.findUnique({ where: { email }, include: { invitations: true } });

describe('invite modal', () => {
  it('invites with the role and the organisations chosen, and confirms in the channel', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'invite');
    const email = `dora@${ws.domain}`;
    const res = await app.rq.submit(ws.as('admin'), view, {
      email: { value: value.email(email) },
      role: { value: value.select('ADVANCED') },
      organisations: { organisation_search: value.multiExternal([ws.orgs.sales.id, ws.orgs.purchasing.id]) },
    });
    expect(res).toMatchObject({ status: 200, text: '' });
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> invited \\*${email}\\* as Advanced user and 2 organisations to join on activation\\. The activation link works until`));
    const dora = await user(email);
    expect(dora).toMatchObject({ status: 'INVITED', role: 'ADVANCED', environmentId: ws.environmentId });
    expect(dora!.invitations[0]!.organisations).toEqual([
      { organisationId: ws.orgs.sales.id, role: 'MEMBER' },
      { organisationId: ws.orgs.purchasing.id, role: 'MEMBER' },
    ]);
  });

  it('keeps the modal open with the problem on its field: a bad address, a known one', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'invite');
    const submit = async (email: string, hash: string) => {
      const res = await app.rq.submit(ws.as('admin'), view, { email: { value: value.email(email) }, role: { value: value.select('BASIC') }, organisations: { organisation_search: value.multiExternal([]) } }, { hash });
      app.fake.checkViewSubmissionResponse(res.json);
      return res.json;
    };
    const bad = await submit('dora@', 'h1');
    expect(bad.response_action).toBe('errors');
    expect(Object.keys(bad.errors)).toEqual(['email']);
    expect(bad.errors.email).toMatch(/valid email address/);
    const known = await submit(ws.users.basic.email, 'h2');
    expect(known).toMatchObject({ response_action: 'errors', errors: { email: expect.stringMatching(/already/) } });
    expect(await user('dora@')).toBeNull();
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it('submitted by someone who may not invite: the refusal shows in the modal and nothing changes', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'invite');
    const res = await app.rq.submit(ws.as('basic'), view, { email: { value: value.email(`zoe@${ws.domain}`) }, role: { value: value.select('BASIC') } });
    expect(res.json.response_action).toBe('errors');
    expect(res.json.errors).toEqual({ email: expect.stringMatching(/You may not invite users.*Ask an administrator/) });
    expect(await user(`zoe@${ws.domain}`)).toBeNull();
    expect(ws.driver.postedHere()).toEqual([]);
  });
});

describe('set-role modal', () => {
  it('sets the role of the person chosen and says what it was', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'set-role');
    const res = await app.rq.submit(ws.as('admin'), view, { user: { user_search: value.external(ws.users.advanced.id) }, role: { value: value.select('ADMINISTRATOR') } });
    expect(res.text).toBe('');
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> made \\*Vera Advanced\\* Administrator \\(was Advanced user\\)`));
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.advanced.id } })).toMatchObject({ role: 'ADMINISTRATOR' });
  });

  it('the role someone already has: closed, and the channel hears that nothing changed', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'make-admin');
    const res = await app.rq.submit(ws.as('admin'), view, { user: { user_search: value.external(ws.users.admin.id) }, role: { value: value.select('ADMINISTRATOR') } });
    expect(res.text).toBe('');
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> checked \\*Ada Admin\\*: already Administrator, nothing changed`));
    expect(await app.deps.prisma.auditEvent.count({ where: { targetId: ws.users.admin.id, action: 'user.role_changed' } })).toBe(0);
  });

  it('no person chosen, or the last administrator stepping down: the reason on the person field', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'set-role');
    const none = await app.rq.submit(ws.as('admin'), view, { user: { user_search: value.external(null) }, role: { value: value.select('BASIC') } }, { hash: 'h1' });
    expect(none.json).toMatchObject({ response_action: 'errors', errors: { user: expect.any(String) } });
    const last = await app.rq.submit(ws.as('admin'), view, { user: { user_search: value.external(ws.users.admin.id) }, role: { value: value.select('BASIC') } }, { hash: 'h2' });
    expect(last.json).toEqual({ response_action: 'errors', errors: { user: expect.stringMatching(/only active administrator/) } });
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.admin.id } })).toMatchObject({ role: 'ADMINISTRATOR' });
    expect(ws.driver.postedHere()).toEqual([]);
  });
});
