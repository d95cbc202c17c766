// Inviting 1,000 people at once, through the app as a process (src/main.ts), on the embedded default
// database (PostgreSQL from npm, nothing set) and on PostgreSQL (127.0.0.1:5432):
//   - the "Invite many" form with a 1,000-row CSV (downloaded from the fake Slack with the bot
//     token): Slack's HTTP 200 for the submission, then Slack's HTTP 200 for other commands sent every
//     200 ms while the list is invited (p50/p99), the time until all 1,000 invitation emails are in the
//     outbox, and until the summary replaced the progress message;
//   - `/econnect invite` with 50 addresses, 20 times (1,000 addresses): each command's HTTP 200 (p50/p99)
//     and the time until all 1,000 invitation emails are in the outbox.
// Everything twice (BENCH_RUNS). Figures only; nothing is asserted.   npm run bench:bulk
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { defaultOptions } from '../src/rights/index.ts';
import { startApp, type AppProcess } from '../test/support/app-process.ts';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../test/support/database.ts';
import { FakeSlack, messageText } from '../test/support/fake-slack.ts';
import { SlackRequests, value } from '../test/support/slack-requests.ts';
import { seedWorkspace, type Workspace } from '../test/support/slack-workspace.ts';
import { printTable } from './lib/bare-bolt.ts';

const SECRET = 'be0c0123456789abcdef0123456789ab';
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const ROWS = 1000;
const COMMANDS = 20;
const PER_COMMAND = ROWS / COMMANDS;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;

/** A connection to the database the app uses, to count what it queued. */
async function connect(db: TestDatabase): Promise<pg.Client> {
  let url = db.url;
  if (!url) {
    const dir = path.join(db.cwd, 'data', 'postgres');
    const password = (await readFile(path.join(dir, 'password'), 'utf8')).trim();
    url = `postgresql://postgres:${encodeURIComponent(password)}@localhost:5432/postgres?host=${encodeURIComponent(path.join(dir, 'socket'))}`;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function emailsQueued(client: pg.Client, like: string): Promise<number> {
  const r = await client.query(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE kind = 'EMAIL' AND "dedupeKey" LIKE $1`, [like]);
  return r.rows[0].n;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function viaForm(app: AppProcess, fake: FakeSlack, ws: Workspace, client: pg.Client) {
  const rq = new SlackRequests(app.eventsUrl, SECRET, fake);
  const lines = ['email,role,organisations'];
  for (let i = 1; i <= ROWS; i++) lines.push(`form${i}@${ws.domain},${i % 2 ? 'basic' : 'advanced'},${i % 3 ? '' : ws.orgs.sales.name}`);
  const fileId = fake.addFile({ name: 'people.csv', content: `${lines.join('\n')}\n` });
  const opened = await rq.slash(ws.as('admin'), 'invite-many', ws.channel);
  const [open] = await fake.waitFor('views.open', (a) => a.trigger_id === opened.triggerId, 1, 30_000);
  const started = Date.now();
  const res = await rq.submit(ws.as('admin'), open!.result.view, {
    addresses: { value: value.text('') },
    role: { value: value.select('BASIC') },
    organisations: { organisation_search: value.multiExternal([]) },
    file: { value: { type: 'file_input', files: [{ id: fileId, name: 'people.csv' }] } },
  });
  if (res.json?.response_action !== 'update') throw new Error(`the form was not taken: ${res.text.slice(0, 500)}`);
  // other people's commands while the list is invited
  const during: number[] = [];
  let queuedAt = 0;
  let running = true;
  const pinger = (async () => {
    while (running) {
      const r = await rq.slash(ws.as('basic'), 'help', ws.channel);
      during.push(r.ms);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  await until('1,000 emails from the form', async () => (await emailsQueued(client, `%:email:form%@${ws.domain}`)) >= ROWS);
  queuedAt = Date.now() - started;
  await fake.waitFor('chat.update', (a) => a.channel === ws.users.admin.slack && /Invitations done: 1,000 of 1,000/.test(messageText(a)), 1, 120_000);
  const summaryAt = Date.now() - started;
  running = false;
  await pinger;
  return { ack: res.ms, during, queuedAt, summaryAt };
}

async function viaCommands(app: AppProcess, fake: FakeSlack, ws: Workspace, client: pg.Client) {
  const rq = new SlackRequests(app.eventsUrl, SECRET, fake);
  const started = Date.now();
  const acks: number[] = [];
  for (let c = 0; c < COMMANDS; c++) {
    const addresses = Array.from({ length: PER_COMMAND }, (_, i) => `<mailto:cmd${c}-${i}@${ws.domain}|cmd${c}-${i}@${ws.domain}>`).join(', ');
    const r = await rq.slash(ws.as('admin'), `invite ${addresses}`, ws.channel);
    if (r.status !== 200) throw new Error(`status ${r.status}`);
    acks.push(r.ms);
  }
  await until('1,000 emails from the commands', async () => (await emailsQueued(client, `%:email:cmd%@${ws.domain}`)) >= ROWS);
  return { acks, queuedAt: Date.now() - started };
}

async function main() {
  const rows: string[][] = [[
    'run', 'database', 'form: HTTP 200', 'others during: p50', 'p99 (n)', 'form: all queued', 'summary shown', 'commands: p50', 'p99', 'commands: all queued',
  ]];
  const fake = await new FakeSlack().start();
  for (let run = 1; run <= RUNS; run++) {
    for (const kind of ['embedded-postgres', 'postgres'] as TestDatabaseKind[]) {
      console.error(`run ${run}: ${kind}...`);
      const db = await createTestDatabase(kind, 'bench');
      let app: AppProcess | undefined;
      let client: pg.Client | undefined;
      try {
        const seeding = await db.open();
        const ws = await seedWorkspace({ prisma: seeding.prisma, options: defaultOptions }, fake);
        await seeding.close();
        app = await startApp({ env: { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: 'warn', ...db.env }, cwd: db.cwd, startTimeoutMs: 120_000 });
        client = await connect(db);
        const f = await viaForm(app, fake, ws, client);
        const c = await viaCommands(app, fake, ws, client);
        rows.push([String(run), kind, ms(f.ack), ms(pct(f.during, 50)), `${ms(pct(f.during, 99))} (${f.during.length})`, s(f.queuedAt), s(f.summaryAt), ms(pct(c.acks, 50)), ms(pct(c.acks, 99)), s(c.queuedAt)]);
      } finally {
        await client?.end();
        await app?.stop();
        await db.drop();
        fake.reset();
      }
    }
  }
  await fake.stop();
  if (fake.violations.length) console.log('Slack API violations during the run:\n', fake.violations.join('\n'));
  printTable(`Inviting ${ROWS} people: the form with a CSV, and ${COMMANDS} commands of ${PER_COMMAND} addresses (Node ${process.version})`, rows);
}

await main();
