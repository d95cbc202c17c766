// How fast Slack gets its HTTP 200 for a signed `/econnect invite` (Slack gives up after 3 s), on
// PGlite and PostgreSQL, with one workspace (SLACK_BOT_TOKEN) and with many (SLACK_CLIENT_ID: the
// token of the request's workspace from the database, decrypted, per request), next to a bare Bolt
// app that only acks the same command, in the same run.
// Both apps run as their own process, as in production (a client in the app's process would be
// measured waiting for the app's work). Prints p50/p99 for sequential commands (each one finished,
// confirmation posted, before the next) and for 20 at once. Figures only; nothing is asserted.
import { randomBytes } from 'node:crypto';
import { defaultOptions } from '../src/rights/index.ts';
import { PrismaInstallationStore } from '../src/slack/installation-store.ts';
import { parseKey, TokenCipher } from '../src/slack/token-cipher.ts';
import { bareBoltEntry, printTable } from './lib/bare-bolt.ts';
import { startApp, type AppProcess } from '../test/support/app-process.ts';
import { createTestDatabase, type TestDatabaseKind } from '../test/support/database.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { SlackRequests } from '../test/support/slack-requests.ts';
import { seedWorkspace, type Workspace } from '../test/support/slack-workspace.ts';

const SECRET = 'be0c0123456789abcdef0123456789ab';
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 200);
const CONCURRENT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CONCURRENCY = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

// one count over every app measured: each invites addresses nobody invited before
let counter = 0;

async function measure(rq: SlackRequests, fake: FakeSlack, ws: Workspace, confirms: boolean) {
  const one = async () => {
    const email = `bench-${++counter}@${ws.domain}`;
    const r = await rq.slash(ws.as('admin'), `invite ${email}`, ws.channel);
    if (r.status !== 200) throw new Error(`status ${r.status}: ${r.text}`);
    if (confirms) {
      await fake.waitFor('chat.postMessage', (a) => String(a.text).includes(email), 1, 30_000).catch((err) => {
        throw new Error(`${err.message}\nanswers: ${JSON.stringify(fake.responses)}`);
      });
    }
    return r.ms;
  };
  for (let i = 0; i < 10; i++) await one(); // warm-up: JIT, pools, caches
  const sequential: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await one());
  const concurrent: number[] = [];
  for (let round = 0; round < CONCURRENT_ROUNDS; round++) concurrent.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, one))));
  const errors = fake.responses.filter((r) => /no_entry|warning/.test(String(r.body?.text))).length;
  if (errors) console.error(`${errors} commands were answered with an error`);
  fake.reset();
  return { sequential, concurrent };
}

async function main() {
  const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'silent' };
  const rows: string[][] = [['app', 'database', 'sequential p50', 'sequential p99', `${CONCURRENCY} concurrent p50`, `${CONCURRENCY} concurrent p99`]];
  const fmt = (n: number) => `${n.toFixed(1)} ms`;
  const fake = await new FakeSlack().start();
  for (const kind of ['pglite', 'postgres'] as TestDatabaseKind[]) {
    console.error(`measuring ${kind}...`);
    const db = await createTestDatabase(kind);
    const database = await db.open();
    const deps = { prisma: database.prisma, options: defaultOptions };
    const ws = await seedWorkspace(deps, fake);
    // many workspaces: the seeded environment installed in its own workspace (the team its requests come from), its token encrypted
    const key = randomBytes(32).toString('base64');
    await new PrismaInstallationStore(deps, new TokenCipher(parseKey(key))).storeInstallation({
      team: { id: ws.teamId, name: 'Fake' }, enterprise: undefined, user: { id: 'U0', token: undefined, scopes: undefined },
      bot: { token: fake.token, userId: 'UBOT', id: 'BBOT', scopes: ['commands', 'chat:write'] }, isEnterpriseInstall: false, authVersion: 'v2',
      metadata: JSON.stringify({ userId: ws.users.admin.id }),
    });
    await database.close();
    const distribution = { SLACK_CLIENT_ID: fake.clientId, SLACK_CLIENT_SECRET: fake.clientSecret, SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'silent', TOKEN_ENCRYPTION_KEY: key };
    let bare: AppProcess | undefined;
    let ours: AppProcess | undefined;
    let many: AppProcess | undefined;
    try {
      bare = await startApp({ env, cwd: db.cwd, entry: [bareBoltEntry] });
      const b = await measure(new SlackRequests(bare.eventsUrl, SECRET, fake), fake, ws, false);
      await bare.stop();
      ours = await startApp({ env: { ...env, SLACK_API_URL: fake.url, ...db.env }, cwd: db.cwd });
      const o = await measure(new SlackRequests(ours.eventsUrl, SECRET, fake), fake, ws, true);
      await ours.stop();
      many = await startApp({ env: { ...distribution, SLACK_API_URL: fake.url, ...db.env }, cwd: db.cwd });
      const m = await measure(new SlackRequests(many.eventsUrl, SECRET, fake), fake, ws, true);
      const row = (name: string, x: typeof o) => [name, kind, fmt(pct(x.sequential, 50)), fmt(pct(x.sequential, 99)), fmt(pct(x.concurrent, 50)), fmt(pct(x.concurrent, 99))];
      rows.push(['bare Bolt', '-', fmt(pct(b.sequential, 50)), fmt(pct(b.sequential, 99)), fmt(pct(b.concurrent, 50)), fmt(pct(b.concurrent, 99))]);
      rows.push(row('econnect invite, one workspace', o));
      rows.push(row('econnect invite, many workspaces', m));
      rows.push(['ratio p50 one / bare', kind, `${(pct(o.sequential, 50) / pct(b.sequential, 50)).toFixed(2)}x`, '', `${(pct(o.concurrent, 50) / pct(b.concurrent, 50)).toFixed(2)}x`, '']);
      rows.push(['ratio p50 many / one', kind, `${(pct(m.sequential, 50) / pct(o.sequential, 50)).toFixed(2)}x`, '', `${(pct(m.concurrent, 50) / pct(o.concurrent, 50)).toFixed(2)}x`, '']);
    } finally {
      await bare?.stop();
      await ours?.stop();
      await many?.stop();
      await db.drop();
    }
  }
  await fake.stop();
  if (fake.violations.length) console.log('Slack API violations during the run:\n', fake.violations.join('\n'));
  printTable(`Signed /econnect invite -> HTTP 200 (${SEQUENTIAL} sequential, ${CONCURRENT_ROUNDS} x ${CONCURRENCY} concurrent, Node ${process.version})`, rows);
}

await main();
