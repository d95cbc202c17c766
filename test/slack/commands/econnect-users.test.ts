// The subcommands that change a user: invite, set-role, make-admin, block, unblock, remove-user,
// resend, revoke. Changes are confirmed in the channel and are in the database with their audit
// event; refusals are answered to the caller only and change nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

const user = (email: string) => app.deps.prisma.user.findUnique({ where: { email }, include: { invitations: { orderBy: { createdAt: 'asc' } } } });
// in the order they happened (the id is a sequence): rows come back in no promised order otherwise
const audits = (targetId: string, action: string) => app.deps.prisma.auditEvent.findMany({ where: { targetId, action }, orderBy: { id: 'asc' } });

describe('invite', () => {
  it('invites with the role given, queues the activation email, and tells the channel who invited whom', async () => {
    const ws = await app.workspace();
    const email = `carl@${ws.domain}`;
    const text = await ws.driver.confirmed(ws.as('admin'), `invite ${email} advanced`, /invited/);
    expect(text).toMatch(new RegExp(`^<@${ws.users.admin.slack}> invited \\*${email}\\* as Advanced user\\. The activation link works until \\d{4}-\\d\\d-\\d\\d\\.`));
    const carl = await user(email);
    expect(carl).toMatchObject({ status: 'INVITED', role: 'ADVANCED', environmentId: ws.environmentId });
    expect(carl!.invitations).toHaveLength(1);
    expect(await app.deps.prisma.outboxMessage.count({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } } })).toBe(1);
    expect(await audits(carl!.id, 'user.invited')).toMatchObject([{ actorSlackId: ws.users.admin.slack }]);
  });

  it('reads the address as Slack escapes it, and refuses a bad address, a known one or an unknown role with what to do', async () => {
    const ws = await app.workspace();
    await ws.driver.confirmed(ws.as('admin'), `invite <mailto:erik@${ws.domain}|erik@${ws.domain}>`, new RegExp(`invited \\*erik@${ws.domain}\\* as Basic user`));
    expect(await user(`erik@${ws.domain}`)).toMatchObject({ status: 'INVITED', role: 'BASIC' });
    expect(await ws.driver.ephemeral(ws.as('admin'), 'invite not-an-email')).toMatch(/valid email address/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `invite erik@${ws.domain}`)).toMatch(/already invited.*resend/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `invite fred@${ws.domain} boss`)).toContain('Usage: `/econnect invite name@company.nl [basic|advanced|administrator]`');
    expect(await user(`fred@${ws.domain}`)).toBeNull();
    expect(ws.driver.postedHere()).toHaveLength(1);
  });

  it('without arguments opens the invite form for this channel', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'invite');
    expect(view).toMatchObject({ type: 'modal', callback_id: 'invite', private_metadata: JSON.stringify({ channel: ws.channel }) });
    expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['email', 'role', 'organisations']);
  });

  it('is refused to a user without the administrator role', async () => {
    const ws = await app.workspace();
    for (const who of ['basic', 'advanced', 'orgAdmin'] as const) {
      expect(await ws.driver.ephemeral(ws.as(who), `invite zoe@${ws.domain}`)).toMatch(/You may not invite users.*Ask an administrator/);
    }
    expect(await user(`zoe@${ws.domain}`)).toBeNull();
    expect(ws.driver.postedHere()).toEqual([]);
  });
});

describe('set-role and make-admin', () => {
  it('take a person by address, mention or name, and say what the role was', async () => {
    const ws = await app.workspace();
    const vera = ws.users.advanced;
    await ws.driver.confirmed(ws.as('admin'), `set-role ${vera.email} basic`, /made \*Vera Advanced\* Basic user \(was Advanced user\)/);
    await ws.driver.confirmed(ws.as('admin'), `make-admin <@${vera.slack}|vera>`, /made \*Vera Advanced\* Administrator \(was Basic user\)/);
    await ws.driver.confirmed(ws.as('admin'), 'set-role "Vera Advanced" advanced', /made \*Vera Advanced\* Advanced user \(was Administrator\)/);
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: vera.id } })).toMatchObject({ role: 'ADVANCED' });
    expect((await audits(vera.id, 'user.role_changed')).map((e) => e.details)).toEqual([
      expect.objectContaining({ from: 'ADVANCED', to: 'BASIC' }),
      expect.objectContaining({ from: 'BASIC', to: 'ADMINISTRATOR' }),
      expect.objectContaining({ from: 'ADMINISTRATOR', to: 'ADVANCED' }),
    ]);
  });

  it('the same role again changes nothing; a wrong role word or an unknown person gets what to do', async () => {
    const ws = await app.workspace();
    const vera = ws.users.advanced;
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-role ${vera.email} advanced`)).toContain(`${vera.email} already is Advanced user; nothing changed.`);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-role ${vera.email} boss`)).toMatch(/^Usage: `\/econnect set-role/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `make-admin nobody@${ws.domain}`)).toMatch(new RegExp(`Nobody with the address nobody@${ws.domain} is in your environment`));
    expect(await ws.driver.ephemeral(ws.as('admin'), 'make-admin Nobody Known')).toMatch(/Nobody called "Nobody Known"/);
    expect(await audits(vera.id, 'user.role_changed')).toEqual([]);
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it('the last administrator cannot step down', async () => {
    const ws = await app.workspace();
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-role ${ws.users.admin.email} basic`)).toMatch(/only active administrator\. Make someone else an administrator first/);
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.admin.id } })).toMatchObject({ role: 'ADMINISTRATOR' });
  });

  it('without arguments open the role form; make-admin has Administrator chosen', async () => {
    const ws = await app.workspace();
    const setRole = await ws.driver.opened(ws.as('admin'), 'set-role');
    expect(setRole.callback_id).toBe('set_role');
    expect(setRole.blocks[1].element.initial_option).toBeUndefined();
    const makeAdmin = await ws.driver.opened(ws.as('admin'), 'make-admin');
    expect(makeAdmin.blocks[1].element.initial_option.value).toBe('ADMINISTRATOR');
  });
});

/** Types a command that asks first as the administrator, and clicks Confirm. */
async function confirmAsked(ws: Awaited<ReturnType<SlackInProcess['workspace']>>, text: string) {
  const r = await app.rq.slash(ws.as('admin'), text, ws.channel);
  const question = await app.fake.waitForResponse(r.responseUrl);
  const confirm = question.blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
  const click = await app.rq.action(ws.as('admin'), { action_id: confirm.action_id, value: confirm.value }, { channelId: ws.channel });
  expect((await app.fake.waitForResponse(click.responseUrl!)).text).toMatch(/^Done: /);
}

describe('block, unblock and remove-user', () => {
  it('change the status and say so in the channel', async () => {
    const ws = await app.workspace();
    const me = ws.users.admin.slack;
    const vera = ws.users.advanced;
    const status = async () => (await app.deps.prisma.user.findUniqueOrThrow({ where: { id: vera.id } })).status;
    // block and remove-user ask first (test/slack/actions/ask-first.test.ts): confirmed here
    await confirmAsked(ws, `block ${vera.email}`);
    await ws.driver.posted(new RegExp(`<@${me}> blocked \\*Vera Advanced\\*\\.`));
    expect(await status()).toBe('BLOCKED');
    await ws.driver.confirmed(ws.as('admin'), `unblock ${vera.email}`, new RegExp(`<@${me}> unblocked \\*Vera Advanced\\*\\.`));
    expect(await status()).toBe('ACTIVE');
    await confirmAsked(ws, 'remove-user Vera Advanced');
    await ws.driver.posted(new RegExp(`<@${me}> removed \\*Vera Advanced\\* from the environment\\.`));
    expect(await status()).toBe('REMOVED');
    expect((await app.deps.prisma.auditEvent.findMany({ where: { targetId: vera.id }, orderBy: { id: 'asc' } })).map((e) => e.action).slice(-3)).toEqual(['user.blocked', 'user.unblocked', 'user.removed']);
  });

  it('need a person, and are refused to a user without the administrator role', async () => {
    const ws = await app.workspace();
    for (const sub of ['block', 'unblock', 'remove-user']) expect(await ws.driver.ephemeral(ws.as('admin'), sub)).toContain(`Usage: \`/econnect ${sub} &lt;user&gt;\``);
    expect(await ws.driver.ephemeral(ws.as('basic'), `block ${ws.users.advanced.email}`)).toMatch(/You may only look up your own account/);
    expect(await ws.driver.ephemeral(ws.as('advanced'), `block ${ws.users.basic.email}`)).toMatch(/You may not block users/);
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.advanced.id } })).toMatchObject({ status: 'ACTIVE' });
    expect(ws.driver.postedHere()).toEqual([]);
  });
});

describe('resend and revoke', () => {
  it('resend sends a new link and ends the old one; revoke withdraws the invitation', async () => {
    const ws = await app.workspace();
    const paula = ws.users.pending;
    await ws.driver.confirmed(ws.as('admin'), `resend ${paula.email}`, new RegExp(`sent \\*${paula.email}\\* a new activation link \\(older links no longer work\\)`));
    let invitations = (await user(paula.email))!.invitations;
    expect(invitations).toHaveLength(2);
    expect(invitations[0]!.revokedAt).not.toBeNull();
    expect(invitations[1]!.revokedAt).toBeNull();
    expect(await app.deps.prisma.outboxMessage.count({ where: { kind: 'EMAIL', status: 'PENDING', payload: { path: ['to'], equals: paula.email } } })).toBe(1);

    await ws.driver.confirmed(ws.as('admin'), `revoke ${paula.email}`, new RegExp(`revoked the invitation of \\*${paula.email}\\*; their links no longer work`));
    invitations = (await user(paula.email))!.invitations;
    expect(invitations.every((i) => i.revokedAt !== null)).toBe(true);
    expect(await user(paula.email)).toMatchObject({ status: 'REMOVED' });
    expect(await ws.driver.ephemeral(ws.as('admin'), `resend ${ws.users.basic.email}`)).toContain(`${ws.users.basic.email} is not waiting for an invitation (status active).`);
    for (const sub of ['resend', 'revoke']) expect(await ws.driver.ephemeral(ws.as('admin'), sub)).toContain(`Usage: \`/econnect ${sub} &lt;user&gt;\``);
  });
});
