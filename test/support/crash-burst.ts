// The crash test of issue 10, shared by test/e2e/slack-crash.test.ts and `npm run bench:slack-crash`:
// `n` signed `/econnect invite` commands sent at once to the app (src/main.ts as a process, a real
// SMTP server, the fake Slack Web API), every one acknowledged, the app SIGKILLed right after the
// last ack and started again on the same database. Then it waits until every command is answered
// and every invitation email has arrived, stops the app and counts in the database. The commands
// run in a private channel the bot is not in, so every confirmation goes to the command's
// response_url, where the fake Slack records it.
import { defaultOptions } from '../../src/rights/index.ts';
import { startApp } from './app-process.ts';
import { createTestDatabase, type TestDatabaseKind } from './database.ts';
import { FakeSlack, messageText } from './fake-slack.ts';
import { SlackRequests } from './slack-requests.ts';
import { seedWorkspace } from './slack-workspace.ts';
import { startSmtpServer } from './smtp.ts';
import { waitFor } from './wait-for.ts';

const SECRET = '3c2b1a09f8e7d6c5b4a3928170f6e5d4';

export interface CrashBurst {
  sent: number;
  /** HTTP 200s before the kill */
  acked: number;
  /** commands answered (on their response_url) before the kill */
  answeredBeforeKill: number;
  /** ms from the kill to the restarted app's /readyz */
  restartMs: number;
  /** ms from the restarted app's /readyz until the last command was answered */
  catchUpMs: number;
  /** commands with at least one answer, and all answers together (a command cut off by the kill between its answer and its record may be answered twice) */
  commandsAnswered: number;
  answers: number;
  /** the texts of the first answer of each command */
  firstAnswers: string[];
  /** invitation emails received, and their distinct Message-IDs and recipients */
  emails: number;
  distinctEmails: number;
  recipients: number;
  /** in the database afterwards: invited users, user.invited audit events, invitations, work rows by status */
  invitedUsers: number;
  auditEvents: number;
  invitations: number;
  work: Record<string, number>;
  /** the app's output when something was off */
  output: string;
}

export async function crashBurst(kind: TestDatabaseKind, n = 40, timeoutMs = 90_000): Promise<CrashBurst> {
  const fake = await new FakeSlack().start();
  const smtp = await startSmtpServer();
  const db = await createTestDatabase(kind, 'crash');
  try {
    const d = await db.open();
    const ws = await seedWorkspace({ prisma: d.prisma, options: defaultOptions }, fake).finally(() => d.close());
    const app = await startApp({
      env: { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, SMTP_URL: smtp.url, MAIL_FROM: 'eConnect <no-reply@econnect.test>', ...db.env },
      cwd: db.cwd,
    });
    try {
      // a private channel the bot is not in: each confirmation falls back to the response_url
      for (let i = 0; i < 4 * n; i++) fake.failNext('chat.postMessage', { error: 'not_in_channel' });
      const rq = new SlackRequests(app.eventsUrl, SECRET, fake);
      const emails = Array.from({ length: n }, (_, i) => `burst-${i}@${ws.domain}`);
      const sent = await Promise.all(emails.map((e) => rq.slash(ws.as('admin'), `invite ${e}`, ws.channel)));
      await app.kill();
      const killedAt = performance.now();
      const urlOf = new Map(sent.map((s, i) => [s.responseUrl.slice(s.responseUrl.lastIndexOf('/') + 1), emails[i]!]));
      const answered = () => {
        const byCommand = new Map<string, string[]>();
        for (const r of fake.responses) {
          const email = urlOf.get(r.id);
          if (email) byCommand.set(email, [...(byCommand.get(email) ?? []), messageText(r.body)]);
        }
        return byCommand;
      };
      const answeredBeforeKill = answered().size;
      await app.restart();
      const readyAt = performance.now();
      await waitFor(() => answered().size === n, { what: `all ${n} commands answered`, timeout: timeoutMs });
      const doneAt = performance.now();
      await smtp.waitFor((m) => m.to.some((t) => t.startsWith('burst-')), n, timeoutMs).catch(() => undefined);
      await waitFor(() => new Set(smtp.messages.filter((m) => m.to.some((t) => t.startsWith('burst-'))).flatMap((m) => m.to)).size === n, { what: `${n} invitation emails`, timeout: timeoutMs });
      await app.stop();
      const byCommand = answered();
      const mails = smtp.messages.filter((m) => m.to.some((t) => t.startsWith('burst-')));
      const d2 = await db.open();
      try {
        const work = await d2.prisma.outboxMessage.groupBy({ by: ['status'], where: { kind: 'SLACK_WORK' }, _count: true });
        return {
          sent: n,
          acked: sent.filter((s) => s.status === 200).length,
          answeredBeforeKill,
          restartMs: Math.round(readyAt - killedAt),
          catchUpMs: Math.round(doneAt - readyAt),
          commandsAnswered: byCommand.size,
          answers: [...byCommand.values()].reduce((a, xs) => a + xs.length, 0),
          firstAnswers: [...byCommand.values()].map((xs) => xs[0]!),
          emails: mails.length,
          distinctEmails: new Set(mails.map((m) => m.messageId)).size,
          recipients: new Set(mails.flatMap((m) => m.to)).size,
          invitedUsers: await d2.prisma.user.count({ where: { email: { startsWith: 'burst-' } } }),
          auditEvents: await d2.prisma.auditEvent.count({ where: { action: 'user.invited', details: { path: ['email'], string_starts_with: 'burst-' } } }),
          invitations: await d2.prisma.invitation.count({ where: { user: { email: { startsWith: 'burst-' } } } }),
          work: Object.fromEntries(work.map((w) => [w.status, w._count])),
          output: app.output(),
        };
      } finally {
        await d2.close();
      }
    } finally {
      await app.stop();
    }
  } finally {
    await fake.stop();
    await smtp.stop();
    await db.drop();
  }
}
