// The outbox worker against a real SMTP server and the fake Slack Web API, on PGlite and PostgreSQL.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { redactedKeys, type Logger } from '../../src/log.ts';
import { createMailService, type MailService } from '../../src/mail/index.ts';
import { createOutboxWorker, type OutboxWorkerOptions } from '../../src/outbox/index.ts';
import { claimDue } from '../../src/outbox/store.ts';
import { createEnvironment, inviteUser, linkSlackUser, resendInvitation, revokeInvitation, setNotificationChannel } from '../../src/rights/index.ts';
import { hashToken } from '../../src/rights/secrets.ts';
import { createNotifier } from '../../src/slack/notifications.ts';
import { backend, openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { FakeSlack, messageText } from '../support/fake-slack.ts';
import { uniqueDomain } from '../support/factories.ts';
import { findLink, startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { waitFor } from '../support/wait-for.ts';

let t: OpenTestDatabase;
let smtp: TestSmtpServer;
let slack: FakeSlack;
let mail: MailService;
const logLines: string[] = [];

/** The app's logger (same redaction), writing into logLines so tests can read what was logged. */
function captureLogger(): Logger {
  const sink = new Writable({ write(chunk, _enc, cb) { logLines.push(String(chunk)); cb(); } });
  return pino({ level: 'debug', redact: { paths: [...redactedKeys, ...redactedKeys.map((k) => `*.${k}`)], censor: '[redacted]' } }, sink);
}
const logger = captureLogger();

const fast = { baseDelayMs: 40, maxDelayMs: 400, pollIntervalMs: 20 } as const;

function worker(extra: Partial<OutboxWorkerOptions> = {}) {
  return createOutboxWorker({ prisma: t.db.prisma, logger, deliverEmail: mail.deliver, ...fast, ...extra });
}

/** Runs rounds until nothing is pending (or the deadline passes). */
async function drain(w: ReturnType<typeof worker>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await w.runOnce();
    const pending = await t.db.prisma.outboxMessage.count({ where: { status: 'PENDING', kind: 'EMAIL' } });
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('outbox did not drain');
}

async function environment(opts: { locale?: 'en' | 'nl' } = {}) {
  const domain = uniqueDomain();
  const { environment, user } = await createEnvironment(t.deps, { email: `admin@${domain}`, name: 'Anna Admin', environmentName: `Env ${domain}`, locale: opts.locale ?? 'en', claimDomain: false });
  return { environment, domain, admin: { userId: user.id }, adminEmail: user.email };
}

beforeAll(async () => {
  t = await openTestDatabase({ publicUrl: 'https://rights.example.test' });
  smtp = await startSmtpServer();
  slack = await new FakeSlack().start();
  mail = createMailService({ smtpUrl: smtp.url, mailFrom: 'eConnect <no-reply@rights.example.test>', dataDir: 'unused', logger });
});
afterAll(async () => {
  mail?.close();
  await smtp?.stop();
  await slack?.stop();
  await t?.close();
});
afterEach(() => {
  smtp.rejectWith(undefined);
  smtp.slowDown(0);
  slack.assertClean();
});

describe(`outbox worker (${backend})`, () => {
  it('delivers the invitation with the outbox id as Message-ID and wipes the link once sent', async () => {
    const { domain, admin } = await environment();
    const invited = await inviteUser(t.deps, admin, { email: `Eva@${domain}`, role: 'ADVANCED' });
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: `eva@${domain}` } } });
    await drain(worker());
    const got = await smtp.waitForMessageTo(`eva@${domain}`);
    expect(got.messageId).toBe(`<${row.id}@rights.example.test>`);
    expect(got.subject).toBe(`Anna Admin invited you to Env ${domain} on eConnect`);
    expect(got.text).toContain('as an Advanced user');
    const link = findLink(got, 'https://rights.example.test/activate?token=');
    expect(got.html).toContain(`href="${link}"`);
    expect(got.parsed.from?.text).toContain('no-reply@rights.example.test');
    const after = await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe('SENT');
    expect((after.payload as { data: { link: unknown } }).data.link).toBeNull();
    expect(invited.user.status).toBe('INVITED');
    // the link never reaches the log when a mail server is configured
    expect(logLines.join('')).not.toContain(new URL(link).searchParams.get('token'));
  });

  it('writes Dutch invitations for a Dutch environment, with escaped HTML', async () => {
    const { domain, admin, environment: env } = await environment({ locale: 'nl' });
    await t.db.prisma.environment.update({ where: { id: env.id }, data: { name: 'Bakkerij <De "Zon">' } });
    await inviteUser(t.deps, admin, { email: `piet@${domain}` });
    await drain(worker());
    const got = await smtp.waitForMessageTo(`piet@${domain}`);
    expect(got.subject).toBe('Anna Admin heeft je uitgenodigd voor Bakkerij <De "Zon"> in eConnect');
    expect(got.text).toContain('als basisgebruiker');
    expect(got.html).toContain('Bakkerij &lt;De &quot;Zon&quot;&gt;');
    expect(got.html).not.toContain('<De "Zon">');
  });

  it('retries with back-off while the mail server is down, then delivers every message exactly once', async () => {
    const { domain, admin } = await environment();
    const emails = Array.from({ length: 6 }, (_, i) => `burst${i}@${domain}`);
    await smtp.stop();
    for (const email of emails) await inviteUser(t.deps, admin, { email });
    const w = worker();
    await w.runOnce();
    const failedOnce = await t.db.prisma.outboxMessage.findMany({ where: { payload: { path: ['to'], equals: emails[0] } } });
    expect(failedOnce[0]).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(failedOnce[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failedOnce[0]!.nextAttemptAt.getTime()).toBeGreaterThan(failedOnce[0]!.createdAt.getTime());
    await w.runOnce();
    await smtp.start();
    await drain(w);
    for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
    const rows = await t.db.prisma.outboxMessage.findMany({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: emails[0] } } });
    expect(rows[0]!.status).toBe('SENT');
    expect(rows[0]!.attempts).toBeGreaterThanOrEqual(2);
  });

  it('marks a message FAILED after the last attempt and emails the administrators when Slack is not there', async () => {
    const { domain, admin, adminEmail } = await environment();
    await inviteUser(t.deps, admin, { email: `lost@${domain}` });
    smtp.rejectWith({ code: 451, message: 'try again later' });
    const w = worker({ maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await w.runOnce();
      await t.db.prisma.outboxMessage.updateMany({ where: { status: 'PENDING' }, data: { nextAttemptAt: new Date(0) } });
    }
    const failed = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { payload: { path: ['to'], equals: `lost@${domain}` } } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect((failed.payload as { data: { link: unknown } }).data.link).toBeNull();
    smtp.rejectWith(undefined);
    await drain(w);
    const report = await smtp.waitForMessageTo(adminEmail);
    expect(report.subject).toBe('eConnect could not deliver the invitation email');
    expect(report.text).toContain(`to lost@${domain} after 3 attempts`);
    expect(smtp.to(`lost@${domain}`)).toHaveLength(0);
  });

  it('fails a message the mail server refuses for good (550) at once and tells the administrators in Slack', async () => {
    const { domain, admin } = await environment();
    await setNotificationChannel(t.deps, admin, { channelId: 'CNOTIFY1' });
    await inviteUser(t.deps, admin, { email: `nobody@${domain}` });
    smtp.rejectWith({ code: 550, message: 'mailbox unavailable' });
    const w = worker({ deliverSlack: createNotifier(async () => slack.token, slack.url) });
    await w.runOnce();
    const failed = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: `nobody@${domain}` } } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed.lastError).toContain('550');
    await w.runOnce();
    const [call] = await slack.waitFor('chat.postMessage', (a) => a.channel === 'CNOTIFY1');
    expect(messageText(call!.args)).toContain(`could not deliver the invitation email to nobody@${domain} after 1 attempts`);
  });

  it("delivers a Slack notification after a 429 (honouring Retry-After) and a 500", async () => {
    const { domain, admin } = await environment();
    await linkSlackUser(t.deps, admin.userId, 'UADMIN77');
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    slack.failNext('chat.postMessage', { status: 500 });
    // a failure report is a SLACK message to the administrators: queue one through the worker
    await inviteUser(t.deps, admin, { email: `gone@${domain}` });
    smtp.rejectWith({ code: 550, message: 'no such user' });
    // the notifier's clock, moved on by the test when it makes the message due again
    let clock = Date.now();
    const w = worker({ deliverSlack: createNotifier(async () => slack.token, slack.url, { now: () => clock }) });
    await w.runOnce();
    smtp.rejectWith(undefined);
    await w.runOnce();
    const note = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'SLACK', dedupeKey: { contains: 'UADMIN77' } } });
    expect(note).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(note.lastError).toMatch(/rate limit/i);
    // Retry-After: 2 s, not the 40 ms base delay
    expect(note.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(1000);
    await t.db.prisma.outboxMessage.update({ where: { id: note.id }, data: { nextAttemptAt: new Date(0) } });
    // due before the Retry-After has passed: it waits again, without asking Slack or using up an attempt
    await w.runOnce();
    expect(await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UADMIN77')).toHaveLength(1);
    clock += 2_000;
    await t.db.prisma.outboxMessage.update({ where: { id: note.id }, data: { nextAttemptAt: new Date(0) } });
    await w.runOnce(); // the 500
    await t.db.prisma.outboxMessage.update({ where: { id: note.id }, data: { nextAttemptAt: new Date(0) } });
    await w.runOnce();
    const calls = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UADMIN77');
    expect(calls).toHaveLength(3);
    expect(calls[2]!.result).toMatchObject({ ok: true });
    expect(calls[2]!.args.metadata.event_payload.message_id).toBe(note.id);
    expect(await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ status: 'SENT', attempts: 3 });
  });

  it('a Slack notification refused for good (channel_not_found) is reported to the administrators by email', async () => {
    const { domain, environment: env, adminEmail } = await environment();
    const row = await t.db.prisma.outboxMessage.create({
      data: { environmentId: env.id, kind: 'SLACK', dedupeKey: `gone-channel:${domain}`, payload: { channel: 'CGONE01', kind: 'user.activated', data: { userId: 'u1', email: `new@${domain}` } } },
    });
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const w = worker({ deliverSlack: createNotifier(async () => slack.token, slack.url) });
    await w.runOnce();
    expect(await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'FAILED', attempts: 1 });
    await drain(w);
    const report = await smtp.waitForMessageTo(adminEmail);
    expect(report.subject).toBe('eConnect could not deliver a Slack notification');
    expect(report.text).toContain('to CGONE01 after 1 attempt.');
    expect(report.text).toContain('channel_not_found');
  });

  it('leaves Slack notifications waiting while Slack is not configured', async () => {
    const { domain, admin } = await environment();
    await linkSlackUser(t.deps, admin.userId, 'UWAIT001');
    await inviteUser(t.deps, admin, { email: `waits@${domain}` });
    smtp.rejectWith({ code: 550, message: 'no such user' });
    await worker({}).runOnce(); // no deliverSlack: the report goes by email instead
    smtp.rejectWith(undefined);
    await drain(worker());
    const slackRows = await t.db.prisma.outboxMessage.count({ where: { kind: 'SLACK', status: { not: 'PENDING' } } });
    const before = slack.calls.length;
    await worker().runOnce();
    expect(slack.calls.length).toBe(before);
    expect(await t.db.prisma.outboxMessage.count({ where: { kind: 'SLACK', status: { not: 'PENDING' } } })).toBe(slackRows);
  });

  it('fails a payload no template can render at once, and reports it in Dutch to a Dutch environment', async () => {
    const { domain, environment: env, adminEmail } = await environment({ locale: 'nl' });
    await t.db.prisma.outboxMessage.create({
      data: { environmentId: env.id, kind: 'EMAIL', dedupeKey: `broken:${domain}`, payload: { to: `x@${domain}`, template: 'no-such-template', locale: 'nl', data: {} } },
    });
    await t.db.prisma.outboxMessage.create({
      data: { environmentId: env.id, kind: 'EMAIL', dedupeKey: `badlink:${domain}`, payload: { to: `y@${domain}`, template: 'invitation', locale: 'nl', data: { inviterName: 'A', inviterEmail: 'a@b.nl', environmentName: 'E', role: 'BASIC', link: 'javascript:alert(1)', expiresAt: new Date().toISOString() } } },
    });
    await drain(worker());
    const rows = await t.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { in: [`broken:${domain}`, `badlink:${domain}`] } }, orderBy: { dedupeKey: 'asc' } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['FAILED', 1], ['FAILED', 1]]);
    expect(rows[0]!.lastError).toContain('data.link');
    expect(rows[1]!.lastError).toContain('unknown email template "no-such-template"');
    const reports = await smtp.waitFor((m) => m.to.includes(adminEmail), 2);
    expect(reports.map((m) => m.subject).sort()).toEqual(['eConnect kon de uitnodigingsmail niet bezorgen', 'eConnect kon een e-mail niet bezorgen']);
    expect(smtp.to(`x@${domain}`)).toHaveLength(0);
    expect(smtp.to(`y@${domain}`)).toHaveLength(0);
  });

  it('a revoke cancels a pending invitation email, and a resend sends only the newest link', async () => {
    const { domain, admin } = await environment();
    const revoked = await inviteUser(t.deps, admin, { email: `withdrawn@${domain}` });
    const resent = await inviteUser(t.deps, admin, { email: `again@${domain}` });
    await revokeInvitation(t.deps, admin, { userId: revoked.user.id });
    await resendInvitation(t.deps, admin, { userId: resent.user.id });
    await drain(worker());
    expect(smtp.to(`withdrawn@${domain}`)).toHaveLength(0);
    const [only, ...more] = smtp.to(`again@${domain}`);
    expect(more).toHaveLength(0);
    const token = new URL(findLink(only!, 'https://rights.example.test/activate?token=')).searchParams.get('token')!;
    const newest = await t.db.prisma.invitation.findFirstOrThrow({ where: { userId: resent.user.id, revokedAt: null } });
    expect(newest.tokenHash).toBe(hashToken(token));
    const cancelled = await t.db.prisma.outboxMessage.findMany({ where: { kind: 'EMAIL', status: 'FAILED', payload: { path: ['template'], equals: 'invitation' }, dedupeKey: { endsWith: `@${domain}` } } });
    expect(cancelled).toHaveLength(2);
    for (const c of cancelled) expect((c.payload as { data: { link: unknown } }).data.link).toBeNull();
  });

  it('takes a message again when the worker that claimed it died (its lease ran out)', async () => {
    const { domain, admin } = await environment();
    await inviteUser(t.deps, admin, { email: `orphan@${domain}` });
    // a worker claims the message and dies before delivering it
    const claimed = await claimDue(t.db.prisma, { limit: 50, leaseMs: 2000, kinds: ['EMAIL'] });
    expect(claimed.map((m) => m.payload.to)).toContain(`orphan@${domain}`);
    const w = worker();
    await w.runOnce();
    expect(smtp.to(`orphan@${domain}`)).toHaveLength(0);
    // drain() goes round until the lease has run out and the message is taken again
    await drain(w);
    expect(smtp.to(`orphan@${domain}`)).toHaveLength(1);
  });

  it('renews the lease while a slow delivery runs, so another worker does not send it again', async () => {
    const { domain, admin } = await environment();
    await inviteUser(t.deps, admin, { email: `slow@${domain}` });
    const release = smtp.hold();
    const leaseMs = 1500;
    const a = worker({ leaseMs });
    const b = worker({ leaseMs });
    const first = a.runOnce();
    try {
      await waitFor(() => smtp.holding === 1, { what: 'the delivery reaching the mail server' });
      const lease = async () => (await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { payload: { path: ['to'], equals: `slow@${domain}` } } })).lockedUntil!.getTime();
      const firstLease = await lease();
      // A lease this far past the first was renewed after the first ran out: only renewal holds the claim.
      await waitFor(async () => (await lease()) >= firstLease + leaseMs, { what: 'the lease renewed past the first one', timeout: 20_000 });
      expect(await b.runOnce()).toBe(0);
    } finally {
      release();
    }
    expect(await first).toBeGreaterThanOrEqual(1);
    expect(smtp.to(`slow@${domain}`)).toHaveLength(1);
  });

  it('two workers on one database never send a message twice', async () => {
    const { domain, admin } = await environment();
    const count = 30;
    for (let i = 0; i < count; i++) await inviteUser(t.deps, admin, { email: `pair${i}@${domain}` });
    // PostgreSQL: two processes' worth of connections (separate clients). PGlite: one client, two workers.
    const second = t.url ? await openDatabase({ url: t.url, poolSize: 5 }) : null;
    const a = worker({ batchSize: 4 });
    const b = createOutboxWorker({ prisma: second?.prisma ?? t.db.prisma, logger, deliverEmail: mail.deliver, ...fast, batchSize: 4 });
    try {
      a.start();
      b.start();
      await smtp.waitFor((m) => m.to[0]!.startsWith('pair') && m.to[0]!.endsWith(domain), count, 30_000);
      await a.stop();
      await b.stop();
    } finally {
      await second?.close();
    }
    const received = smtp.messages.filter((m) => m.to[0]!.endsWith(`@${domain}`));
    expect(received).toHaveLength(count);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(count);
    expect(await t.db.prisma.outboxMessage.count({ where: { kind: 'EMAIL', status: 'SENT', payload: { path: ['template'], equals: 'invitation' }, dedupeKey: { endsWith: `@${domain}` } } })).toBe(count);
  });
});

describe('mail without SMTP', () => {
  it('writes an .eml file under ./data/mail and logs the link so a newcomer can activate', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'econnect-mail-'));
    const folderMail = createMailService({ mailFrom: 'no-reply@local.test', dataDir: path.join(dir, 'data'), logger });
    try {
      const { domain, admin } = await environment();
      await inviteUser(t.deps, admin, { email: `folder@${domain}` });
      const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { payload: { path: ['to'], equals: `folder@${domain}` } } });
      const link = (row.payload as { data: { link: string } }).data.link;
      await drain(createOutboxWorker({ prisma: t.db.prisma, logger, deliverEmail: folderMail.deliver, ...fast }));
      const files = await readdir(path.join(dir, 'data', 'mail'));
      expect(files).toContain(`${row.id}.eml`);
      const eml = await readFile(path.join(dir, 'data', 'mail', `${row.id}.eml`), 'utf8');
      expect(eml).toContain(`Message-ID: <${row.id}@local.test>`);
      expect(eml).toContain(`To: folder@${domain}`);
      expect(logLines.some((l) => l.includes(link) && l.includes(`${row.id}.eml`))).toBe(true);
    } finally {
      folderMail.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
