// Destructive typed commands ask first: `block`, `remove-user` and removing yourself from an
// organisation answer with an ephemeral question (Confirm / Cancel) and change nothing until Confirm.
// Confirm acts once (a double click changes once), only for the person who asked, with their rights
// checked again at the click, and not after ten minutes; Cancel changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sealConfirmation } from '../../../src/slack/ask-first/seal.ts';
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

type Ws = Awaited<ReturnType<SlackInProcess['workspace']>>;

/** Types the command and returns the question: its text and the value its buttons carry. */
async function asked(ws: Ws, caller: SlackCaller, text: string) {
  const r = await app.rq.slash(caller, text, ws.channel);
  expect(r.status).toBe(200);
  const body = await app.fake.waitForResponse(r.responseUrl);
  expect(body.response_type).toBe('ephemeral');
  const actions = body.blocks.find((b: { type: string }) => b.type === 'actions');
  expect(actions.elements.map((e: { action_id: string; text: { text: string } }) => [e.action_id, e.text.text])).toEqual([
    ['ask_first_confirm', 'Confirm'],
    ['ask_first_cancel', 'Cancel'],
  ]);
  expect(actions.elements[0].value).toBe(actions.elements[1].value);
  return { text: messageText(body), value: actions.elements[0].value as string, triggerId: r.triggerId };
}

/** Clicks a button of the question; returns what the app posted to that click's response_url. */
async function click(ws: Ws, caller: SlackCaller, button: 'confirm' | 'cancel', value: string) {
  const res = await app.rq.action(caller, { action_id: `ask_first_${button}`, value }, { channelId: ws.channel });
  expect(res.status).toBe(200);
  return app.fake.waitForResponse(res.responseUrl!);
}

/** The text of an answer to a click (its blocks say the same). */
const said = (answer: { text: string }) => answer.text;

const statusOf = async (userId: string) => (await app.deps.prisma.user.findUniqueOrThrow({ where: { id: userId } })).status;
const audited = (targetId: string, action: string) => app.deps.prisma.auditEvent.count({ where: { targetId, action } });
const memberOf = (organisationId: string, userId: string) => app.deps.prisma.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } });

describe('block', () => {
  it('asks first and changes nothing; Confirm blocks once, even clicked twice, and the channel hears it once', async () => {
    const ws = await app.workspace();
    const vera = ws.users.advanced;
    const question = await asked(ws, ws.as('admin'), `block ${vera.email}`);
    expect(question.text).toMatch(new RegExp(`^Block \\*Vera Advanced\\* \\(\\*${vera.email}\\*\\)\\? They can no longer log in or use eConnect`));
    expect(question.text).toContain('This question stays open for 10 minutes.');
    expect(await statusOf(vera.id)).toBe('ACTIVE');
    expect(await audited(vera.id, 'user.blocked')).toBe(0);
    expect(ws.driver.postedHere()).toEqual([]);

    // a double click: both clicks at once
    const [first, second] = await Promise.all([click(ws, ws.as('admin'), 'confirm', question.value), click(ws, ws.as('admin'), 'confirm', question.value)]);
    for (const answer of [first, second]) {
      expect(answer.replace_original).toBe(true);
      expect(said(answer)).toBe('Done: *Vera Advanced* is blocked.');
    }
    expect(await statusOf(vera.id)).toBe('BLOCKED');
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> blocked \\*Vera Advanced\\*\\.`));
    // a third click, later: the first click's result again, nothing changes
    expect(said(await click(ws, ws.as('admin'), 'confirm', question.value))).toBe('Done: *Vera Advanced* is blocked.');
    expect(await audited(vera.id, 'user.blocked')).toBe(1);
    // the confirmation was recorded once, so it is posted once
    expect(await app.deps.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `slack-work:confirm:ask-first:${question.triggerId}` } } })).toBe(1);
    await ws.driver.posted(/blocked/);
    expect(ws.driver.postedHere().filter((c) => /blocked \*Vera Advanced\*/.test(messageText(c.args)))).toHaveLength(1);
  });

  it('refuses at once who may not block, and yourself, without asking', async () => {
    const ws = await app.workspace();
    expect(await ws.driver.ephemeral(ws.as('advanced'), `block ${ws.users.basic.email}`)).toMatch(/You may not block users/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `block ${ws.users.admin.email}`)).toMatch(/You cannot block yourself/);
    expect(await statusOf(ws.users.basic.id)).toBe('ACTIVE');
    expect(await statusOf(ws.users.admin.id)).toBe('ACTIVE');
  });
});

describe('remove-user', () => {
  it('asks first; Cancel changes nothing; a new question confirmed removes the user', async () => {
    const ws = await app.workspace();
    const bob = ws.users.basic;
    const question = await asked(ws, ws.as('admin'), 'remove-user Bob Basic');
    expect(question.text).toMatch(/^Remove \*Bob Basic\* \(.*\) from the environment\? They can no longer log in, leave every organisation/);
    const cancelled = await click(ws, ws.as('admin'), 'cancel', question.value);
    expect(cancelled.replace_original).toBe(true);
    expect(said(cancelled)).toBe('Nothing changed: you cancelled.');
    expect(await statusOf(bob.id)).toBe('ACTIVE');
    expect(await memberOf(ws.orgs.sales.id, bob.id)).not.toBeNull();
    expect(await audited(bob.id, 'user.removed')).toBe(0);
    expect(ws.driver.postedHere()).toEqual([]);

    const again = await asked(ws, ws.as('admin'), `remove-user ${bob.email}`);
    expect(said(await click(ws, ws.as('admin'), 'confirm', again.value))).toBe('Done: *Bob Basic* is removed from the environment.');
    expect(await statusOf(bob.id)).toBe('REMOVED');
    expect(await memberOf(ws.orgs.sales.id, bob.id)).toBeNull();
    await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> removed \\*Bob Basic\\* from the environment\\.`));
  });
});

describe('removing yourself from an organisation', () => {
  it('asks first and then removes you; removing someone else acts at once as before', async () => {
    const ws = await app.workspace();
    const olga = ws.users.orgAdmin;
    const question = await asked(ws, ws.as('orgAdmin'), `remove-member ${olga.email} Acme Sales`);
    expect(question.text).toMatch(/^Remove yourself from \*Acme Sales\*\? You lose its documents/);
    expect(await memberOf(ws.orgs.sales.id, olga.id)).toMatchObject({ role: 'ADMINISTRATOR' });
    expect(said(await click(ws, ws.as('orgAdmin'), 'confirm', question.value))).toBe('Done: you are no longer a member of *Acme Sales*.');
    expect(await memberOf(ws.orgs.sales.id, olga.id)).toBeNull();
    await ws.driver.posted(new RegExp(`<@${olga.slack}> removed \\*Olga Orgadmin\\* from \\*Acme Sales\\*\\. They stay in the environment`));

    await ws.driver.confirmed(ws.as('admin'), `remove-member ${ws.users.basic.email} Acme Sales`, /removed \*Bob Basic\* from \*Acme Sales\*/);
  });

  it('a member who may not remove members, or someone not in it, is answered at once without a question', async () => {
    const ws = await app.workspace();
    await app.deps.prisma.membership.update({ where: { userId_organisationId: { userId: ws.users.orgAdmin.id, organisationId: ws.orgs.sales.id } }, data: { role: 'MEMBER' } });
    expect(await ws.driver.ephemeral(ws.as('orgAdmin'), `remove-member ${ws.users.orgAdmin.email} Acme Sales`)).toMatch(/You may not remove members from this organisation/);
    expect(await ws.driver.ephemeral(ws.as('advanced'), `remove-member ${ws.users.advanced.email} Acme Sales`)).toMatch(/You may not remove members from this organisation/);
    expect(await memberOf(ws.orgs.sales.id, ws.users.orgAdmin.id)).toMatchObject({ role: 'MEMBER' });
  });

  it('the last organisation administrator: asked, confirmed, refused with the reason, nothing changed', async () => {
    const ws = await app.workspace();
    // Ada created Acme Purchasing and is its only administrator.
    const question = await asked(ws, ws.as('admin'), `remove-member ${ws.users.admin.email} Acme Purchasing`);
    const refused = await click(ws, ws.as('admin'), 'confirm', question.value);
    expect(refused.replace_original).toBe(true);
    expect(said(refused)).toMatch(/^Nothing changed: .*only active administrator of Acme Purchasing\. Make another active member its administrator first/);
    expect(await memberOf(ws.orgs.purchasing.id, ws.users.admin.id)).toMatchObject({ role: 'ADMINISTRATOR' });
    expect(ws.driver.postedHere()).toEqual([]);
  });
});

describe('who may answer, and until when', () => {
  it("refuses another person's click, and the asker's once they lost the right to do it", async () => {
    const ws = await app.workspace();
    const vera = ws.users.advanced;
    const question = await asked(ws, ws.as('admin'), `block ${vera.email}`);
    for (const button of ['confirm', 'cancel'] as const) {
      const other = await click(ws, ws.as('basic'), button, question.value);
      expect(other.replace_original).toBe(false);
      expect(said(other)).toBe('Only the person who typed this command can confirm or cancel it. Nothing changed.');
    }
    expect(await statusOf(vera.id)).toBe('ACTIVE');

    // another administrator takes Ada's role away before she clicks: checked again at the click
    await app.deps.prisma.user.update({ where: { id: vera.id }, data: { role: 'ADMINISTRATOR' } });
    await app.deps.prisma.user.update({ where: { id: ws.users.admin.id }, data: { role: 'BASIC' } });
    const late = await click(ws, ws.as('admin'), 'confirm', question.value);
    expect(said(late)).toMatch(/^Nothing changed: You may not block users/);
    expect(await statusOf(vera.id)).toBe('ACTIVE');
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it('refuses a question older than ten minutes, and a value the app did not seal', async () => {
    const ws = await app.workspace();
    const vera = ws.users.advanced;
    const old = await sealConfirmation(app.deps, { k: 'block', u: vera.id, s: ws.users.admin.slack, c: ws.channel, r: 'T-old-request', t: Date.now() - 11 * 60_000 });
    const stale = await click(ws, ws.as('admin'), 'confirm', old);
    expect(stale.replace_original).toBe(true);
    expect(said(stale)).toBe('Nothing changed: this confirmation is older than 10 minutes. Type the command again if you still want it.');
    // the same question, nine minutes old, still works: the limit is the one that refused
    const recent = await sealConfirmation(app.deps, { k: 'block', u: ws.users.basic.id, s: ws.users.admin.slack, c: ws.channel, r: 'T-recent-request', t: Date.now() - 9 * 60_000 });
    expect(said(await click(ws, ws.as('admin'), 'confirm', recent))).toBe('Done: *Bob Basic* is blocked.');

    const question = await asked(ws, ws.as('admin'), `block ${vera.email}`);
    const [body] = question.value.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), u: ws.users.orgAdmin.id })).toString('base64url')}.${question.value.split('.')[1]}`;
    const refused = await click(ws, ws.as('admin'), 'confirm', forged);
    expect(refused.replace_original).toBe(false);
    expect(said(refused)).toBe('Nothing changed: I cannot read this confirmation. Type the command again.');
    expect(await statusOf(vera.id)).toBe('ACTIVE');
    expect(await statusOf(ws.users.orgAdmin.id)).toBe('ACTIVE');
  });

  it("asks in the caller's language", async () => {
    const ws = await app.workspace();
    await app.deps.prisma.user.update({ where: { id: ws.users.admin.id }, data: { locale: 'nl' } });
    const r = await app.rq.slash(ws.as('admin'), `block ${ws.users.basic.email}`, ws.channel);
    const body = await app.fake.waitForResponse(r.responseUrl);
    expect(body.text).toMatch(/^\*Bob Basic\* \(.*\) blokkeren\?/);
    const actions = body.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(actions.elements.map((e: { text: { text: string } }) => e.text.text)).toEqual(['Bevestigen', 'Annuleren']);
    expect(said(await click(ws, ws.as('admin'), 'cancel', actions.elements[1].value))).toBe('Er is niets veranderd: je hebt geannuleerd.');
    expect(await statusOf(ws.users.basic.id)).toBe('ACTIVE');
  });
});
