// `invite` with several addresses: the whole list is checked first (a bad address sends nothing),
// then the invitations run in the background with ONE direct message to the administrator, updated
// in place at most every 3 s and ending in the summary (invited, invited again, already a user,
// refused with the reason). Each address is invited exactly once, even when a part is taken again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageText, type RecordedCall } from '../../support/fake-slack.ts';
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

const emailsTo = (email: string) => app.deps.prisma.outboxMessage.count({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } } });

/** The progress message posted to `slackUser` and every update of it, in order. */
function progressOf(slackUser: string): { posted: RecordedCall[]; updates: RecordedCall[] } {
  const posted = app.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === slackUser);
  const ts = posted[0]?.result?.ts;
  return { posted, updates: app.fake.callsTo('chat.update').filter((c) => c.args.ts === ts) };
}

async function summaryFor(slackUser: string, total: number): Promise<string> {
  const [call] = await app.fake.waitFor('chat.update', (a) => a.channel === slackUser && new RegExp(`Invitations done: ${total} of ${total}`).test(messageText(a)), 1, 60_000);
  return messageText(call!.args);
}

describe('invite with several addresses', () => {
  it('checks the whole list first: bad addresses are named one by one and nothing is sent', async () => {
    const ws = await app.workspace();
    const answer = await ws.driver.ephemeral(ws.as('admin'), `invite anna@${ws.domain}, not-an-address <mailto:bea@${ws.domain}|bea@${ws.domain}> cees@ anna@${ws.domain}`);
    expect(answer).toMatch(/^Nothing was sent: 3 addresses need fixing first\./);
    expect(answer).toContain('Address 2: "not-an-address" is not a valid email address.');
    expect(answer).toContain('Address 4: "cees@" is not a valid email address.');
    expect(answer).toContain(`Address 5: anna@${ws.domain} is also on address 1. Keep it once.`);
    expect(await app.deps.prisma.user.count({ where: { email: { in: [`anna@${ws.domain}`, `bea@${ws.domain}`] } } })).toBe(0);
    expect(progressOf(ws.users.admin.slack).posted).toEqual([]);
  });

  it('invites 60 addresses (Slack-escaped, separated by spaces, commas and new lines) with one progress message and a summary', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    const fresh = Array.from({ length: 57 }, (_, i) => `person${i + 1}@${ws.domain}`);
    // as Slack sends a command: each address escaped as <mailto:a|a>, whatever separates them
    const escaped = fresh.map((e) => `<mailto:${e}|${e}>`);
    const text = [
      escaped.slice(0, 20).join(', '),
      escaped.slice(20, 40).join(' '),
      escaped.slice(40).join(',\n'),
      ws.users.basic.email, // already a user
      ws.users.pending.email, // waiting for an invitation: a new link
      other.users.basic.email, // a user of another environment: refused
      'advanced',
    ].join('\n');
    const emailsBefore = await emailsTo(ws.users.basic.email);
    const r = await app.rq.slash(ws.as('admin'), `invite ${text}`, ws.channel);
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(1000);
    expect(messageText(await app.fake.waitForResponse(r.responseUrl))).toMatch(/^I am inviting 60 people as Advanced user\. I will keep you posted in one message/);

    const summary = await summaryFor(ws.users.admin.slack, 60);
    expect(summary).toContain('*Invited:* 57');
    expect(summary).toContain('*Invited again* (a new link, earlier links stop working): 1');
    expect(summary).toContain('*Already a user* (nothing sent): 1');
    expect(summary).toContain('*Refused:* 1');
    expect(summary).toContain(`Already a user: ${ws.users.basic.email}`);
    expect(summary).toContain(`• ${other.users.basic.email}: cannot be invited to this environment.`);

    // one message, updated in place, never more often than every 3 s
    const { posted, updates } = progressOf(ws.users.admin.slack);
    expect(posted).toHaveLength(1);
    expect(messageText(posted[0]!.args)).toMatch(/Inviting 60 people/);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    const times = [posted[0]!.at, ...updates.map((u) => u.at)];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(3000);
    expect(ws.driver.postedHere()).toEqual([]);

    // in the database: each new address invited once, as Advanced user, with one email
    const users = await app.deps.prisma.user.findMany({ where: { email: { in: fresh } }, include: { invitations: true } });
    expect(users).toHaveLength(57);
    for (const u of users) {
      expect(u).toMatchObject({ status: 'INVITED', role: 'ADVANCED', environmentId: ws.environmentId });
      expect(u.invitations).toHaveLength(1);
    }
    for (const e of fresh.slice(0, 5)) expect(await emailsTo(e)).toBe(1);
    expect(await app.deps.prisma.invitation.count({ where: { userId: ws.users.pending.id } })).toBe(2);
    expect(await emailsTo(ws.users.basic.email)).toBe(emailsBefore);
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { email: other.users.basic.email } })).toMatchObject({ environmentId: other.environmentId, status: 'ACTIVE' });
    expect(await app.deps.prisma.auditEvent.count({ where: { environmentId: ws.environmentId, action: 'user.invited', actorSlackId: ws.users.admin.slack, targetId: { in: users.map((u) => u.id) } } })).toBe(57);
  });

  it('invites each address exactly once when a part of the list is taken again (as after a crash)', async () => {
    const ws = await app.workspace();
    const fresh = Array.from({ length: 12 }, (_, i) => `again${i + 1}@${ws.domain}`);
    const r = await app.rq.slash(ws.as('admin'), `invite ${fresh.join(', ')}`, ws.channel);
    expect(r.status).toBe(200);
    await summaryFor(ws.users.admin.slack, 12);
    const partsOf = () => app.deps.prisma.outboxMessage.findMany({ where: { kind: 'SLACK_WORK', dedupeKey: { startsWith: `slack-work:bulk:${r.triggerId}:` } }, orderBy: { createdAt: 'asc' } });
    const parts = await waitFor(async () => {
      const all = await partsOf();
      return all.every((p) => p.status === 'SENT') ? all : null;
    }, { what: 'every part of the list done' });
    expect(parts.length).toBeGreaterThanOrEqual(2);
    // The first part again, as if its worker had died before marking it done.
    const updatesBefore = app.fake.callsTo('chat.update').length;
    await app.deps.prisma.outboxMessage.update({ where: { id: parts[0]!.id }, data: { status: 'PENDING', sentAt: null, lockedUntil: null, nextAttemptAt: new Date(Date.now() - 1000) } });
    await waitFor(async () => (await app.deps.prisma.outboxMessage.findUniqueOrThrow({ where: { id: parts[0]!.id } })).status === 'SENT', { what: 'the first part done again' });
    const users = await app.deps.prisma.user.findMany({ where: { email: { in: fresh } }, include: { invitations: true } });
    expect(users).toHaveLength(12);
    for (const u of users) expect(u.invitations).toHaveLength(1);
    for (const e of fresh) expect(await emailsTo(e)).toBe(1);
    expect(await app.deps.prisma.auditEvent.count({ where: { action: 'user.invited', targetId: { in: users.map((u) => u.id) } } })).toBe(12);
    // the same message: no second progress message was posted, and no part was added
    expect(progressOf(ws.users.admin.slack).posted).toHaveLength(1);
    expect(await app.deps.prisma.outboxMessage.count({ where: { kind: 'SLACK_WORK', dedupeKey: { startsWith: `slack-work:bulk:${r.triggerId}:` } } })).toBe(parts.length);
    expect(app.fake.callsTo('chat.update').length).toBeGreaterThanOrEqual(updatesBefore);
  });

  it('one address keeps the single invitation and its wording; a basic user may not send a list', async () => {
    const ws = await app.workspace();
    await ws.driver.confirmed(ws.as('admin'), `invite <mailto:solo@${ws.domain}|solo@${ws.domain}> basic`, new RegExp(`invited \\*solo@${ws.domain}\\* as Basic user`));
    const refused = await ws.driver.ephemeral(ws.as('basic'), `invite x1@${ws.domain} x2@${ws.domain}`);
    expect(refused).toMatch(/You may not invite users/);
    expect(await app.deps.prisma.user.count({ where: { email: { in: [`x1@${ws.domain}`, `x2@${ws.domain}`] } } })).toBe(0);
  });
});
