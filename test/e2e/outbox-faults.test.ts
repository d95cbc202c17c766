// Fault tests with the app as a process: the mail server down during a burst of invitations, the app
// killed (SIGKILL) in the middle of a burst, and Slack answering 429 and 500.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateAccount, inviteUser } from '../../src/rights/index.ts';
import { messageText } from '../support/fake-slack.ts';
import { findLink } from '../support/smtp.ts';
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

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outbox faults', () => {
  it('the mail server down during a burst of invitations, then back: every invitation arrives exactly once', async () => {
    await w.smtp.stop();
    const emails = await inviteMany('down', 12);
    // the app tries and fails while the server is down
    const deadline = Date.now() + 20_000;
    while ((await w.db.prisma.outboxMessage.count({ where: { kind: 'EMAIL', status: 'PENDING', attempts: { gte: 2 }, payload: { path: ['to'], equals: emails[0] } } })) === 0) {
      if (Date.now() > deadline) throw new Error('the app did not retry while the mail server was down');
      await settle(200);
    }
    expect(w.smtp.messages.filter((m) => m.to[0]!.startsWith('down'))).toHaveLength(0);
    await w.smtp.start();
    await w.smtp.waitFor((m) => m.to[0]!.startsWith('down'), emails.length, 60_000);
    await settle(1500); // anything sent twice would have arrived by now
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
    await settle(1500);
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
    for (let i = 0; i < 150 && okCalls().length < 2; i++) await settle(200);
    await settle(1500); // a second delivery of either would have happened by now
    const answers = w.slack.callsTo('chat.postMessage').filter((c) => delivered(c.args)).map((c) => c.result);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(2);
    expect(answers.filter((r) => r.status === 500)).toHaveLength(1);
    expect(okCalls().map((c) => c.args.channel).sort()).toEqual(['CADMINS', 'UADA']);
    const rows = await w.db.prisma.outboxMessage.findMany({ where: { kind: 'SLACK', dedupeKey: { contains: 'activation:' } } });
    const mine = rows.filter((r) => (r.payload as { data: { userId: string } }).data.userId === invited.user.id);
    expect(mine.map((r) => r.status)).toEqual(['SENT', 'SENT']);
    expect(mine.reduce((n, r) => n + r.attempts, 0)).toBe(5);
  });
});
