// Fault tests with the app as a process: the mail server down during a burst of invitations, the app
// killed (SIGKILL) in the middle of a burst, and Slack answering 429 and 500.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateAccount, inviteUser } from '../../src/rights/index.ts';
import { messageText } from '../support/fake-slack.ts';
import { findLink } from '../support/smtp.ts';
import { waitFor } from '../support/wait-for.ts';
import { seedEnvironment, startWorld, type World } from './activation-support.ts';

let w: World;
let acme: Awaited<ReturnType<typeof seedEnvironment>>;

beforeAll(async () => {
  w = await startWorld();
  acme = await seedEnvironment(w.deps, { name: 'Acme', slackUserId: 'UADA', channel: 'CADMINS' });
});
afterAll(async () => {
  await w?.close();
});
afterEach(() => {
  w.slack.assertClean();
});

async function inviteMany(prefix: string, count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `${prefix}${i}@acme.test`);
  for (const email of emails) await inviteUser(w.deps, acme.admin, { email });
  return emails;
}

/** Every invitation arrived once: one distinct Message-ID per recipient, equal to its outbox row's id. */
async function expectEachOnce(emails: string[]) {
  for (const email of emails) {
    const row = await w.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } } });
    const got = w.smtp.to(email);
    expect(new Set(got.map((m) => m.messageId)), email).toEqual(new Set([`<${row.id}@rights.acme.test>`]));
    expect(row.status).toBe('SENT');
  }
}

/**
 * Waits until every outbox row of these recipients is SENT. A row is marked SENT only after its
 * delivery, and a SENT row is never claimed again: from then on no copy can still arrive.
 */
async function allSent(emails: string[], timeout = 60_000) {
  const mine = { kind: 'EMAIL' as const, status: 'SENT' as const, OR: emails.map((email) => ({ payload: { path: ['to'], equals: email } })) };
  await waitFor(async () => (await w.db.prisma.outboxMessage.count({ where: mine })) === emails.length, {
    what: `${emails.length} invitation emails marked sent`,
    timeout,
  });
}

describe('outbox faults', () => {
  it('the mail server down during a burst of invitations, then back: every invitation arrives exactly once', async () => {
    await w.smtp.stop();
    const emails = await inviteMany('down', 12);
    // the app tries and fails while the server is down
    await waitFor(() => w.db.prisma.outboxMessage.count({ where: { kind: 'EMAIL', status: 'PENDING', attempts: { gte: 2 }, payload: { path: ['to'], equals: emails[0] } } }), {
      what: 'a second failed attempt while the mail server is down',
      timeout: 20_000,
    });
    expect(w.smtp.messages.filter((m) => m.to[0]!.startsWith('down'))).toHaveLength(0);
    await w.smtp.start();
    await w.smtp.waitFor((m) => m.to[0]!.startsWith('down'), emails.length, 60_000);
    await allSent(emails);
    expect(w.smtp.messages.filter((m) => m.to[0]!.startsWith('down'))).toHaveLength(emails.length);
    await expectEachOnce(emails);
  });

  it('the app killed in the middle of a burst and started again: nothing committed is lost, nothing sent twice', async () => {
    // A slow mail server: when the kill comes, messages are handed over but not yet acknowledged.
    w.smtp.slowDown(300);
    const emails = await inviteMany('crash', 40);
    await w.smtp.waitFor((m) => m.to[0]!.startsWith('crash'), 3, 30_000);
    await w.app.kill();
    w.smtp.slowDown(0);
    const atCrash = w.smtp.messages.filter((m) => m.to[0]!.startsWith('crash')).length;
    expect(atCrash).toBeLessThan(emails.length);
    await w.app.restart();
    await w.smtp.waitFor((m) => m.to[0]!.startsWith('crash'), emails.length, 90_000);
    // a message handed over just before the kill but not yet recorded is taken again once its lease
    // runs out: wait until every row says SENT
    await allSent(emails, 90_000);
    // A message whose delivery was cut off by the kill may be handed to the server again, but only
    // with the same Message-ID, so mail systems recognise it: no recipient gets two different messages.
    await expectEachOnce(emails);
    const received = w.smtp.messages.filter((m) => m.to[0]!.startsWith('crash'));
    const resent = received.length - new Set(received.map((m) => m.messageId)).size;
    expect(resent).toBeLessThanOrEqual(10); // at most one claimed batch was in flight
    expect(await w.db.prisma.outboxMessage.count({ where: { kind: 'EMAIL', status: { not: 'SENT' }, payload: { path: ['to'], string_starts_with: 'crash' } } })).toBe(0);
  });

  it('Slack answering 429 and then 500: the activation notifications still arrive', async () => {
    const email = 'slow@acme.test';
    const invited = await inviteUser(w.deps, acme.admin, { email });
    const mail = await w.smtp.waitForMessageTo(email);
    const token = new URL(findLink(mail, `${w.baseUrl}/activate?token=`)).searchParams.get('token')!;
    w.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    w.slack.failNext('chat.postMessage', { status: 500 });
    w.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await activateAccount(w.deps, { token, name: 'Sam Slow', password: 'lantern orbit maple fjord 73' });
    const delivered = (a: any) => messageText(a).includes(email);
    await w.slack.waitFor('chat.postMessage', (a) => a.channel === 'UADA' && delivered(a), 1, 30_000);
    await w.slack.waitFor('chat.postMessage', (a) => a.channel === 'CADMINS' && delivered(a), 1, 30_000);
    const okCalls = () => w.slack.callsTo('chat.postMessage').filter((c) => delivered(c.args) && c.result?.ok === true);
    const notifications = async () => {
      const rows = await w.db.prisma.outboxMessage.findMany({ where: { kind: 'SLACK', dedupeKey: { contains: 'activation:' } } });
      return rows.filter((r) => (r.payload as { data: { userId: string } }).data.userId === invited.user.id);
    };
    // Both rows SENT: each was delivered and neither is claimed again, so the calls below are all there will be.
    const mine = await waitFor(async () => {
      const rows = await notifications();
      return rows.length === 2 && rows.every((r) => r.status === 'SENT') ? rows : undefined;
    }, { what: 'both activation notifications marked sent', timeout: 30_000 });
    const answers = w.slack.callsTo('chat.postMessage').filter((c) => delivered(c.args)).map((c) => c.result);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(2);
    expect(answers.filter((r) => r.status === 500)).toHaveLength(1);
    expect(okCalls().map((c) => c.args.channel).sort()).toEqual(['CADMINS', 'UADA']);
    expect(mine.reduce((n, r) => n + r.attempts, 0)).toBe(5);
  });
});
