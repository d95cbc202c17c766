// Decisions per second and p50/p99 latency of `authorize` on an environment with 100,000 users,
// 10,000 organisations and 300,000 memberships, on PGlite and on PostgreSQL, side by side with the
// same check as one hand-written SQL query (through `pg` on PostgreSQL, PGlite's own query on PGlite).
// authorize keeps decisions in the process (decision-cache.ts): the first round of the question set
// fills the cache ("cold"), the measured rounds ask the same questions again ("warm"); the hit rate of
// each is printed. On PostgreSQL also: the rights API over HTTP (the app as a process) next to a bare
// express endpoint answering the same URL, and the delay from a membership removed through this
// process to the app process refusing it.
//   npm run bench:rights            (BENCH_POSTGRES_URL=postgres://... to use another server)
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startApp } from '../test/support/app-process.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { openPGlite } from './lib/pglite.ts';
import { addMember, authorize, createApiToken, decide, decisionCache, defaultOptions, removeMember, type RightsDeps } from '../src/rights/index.ts';
import { measure, questions, type Question, type Run } from './lib/authorize.ts';
import { ENVIRONMENT_ID, organisationId, organisationOf, seedStatements, userId, type SeedSize } from './lib/seed.ts';

const size: SeedSize = { users: 100_000, organisations: 10_000, membershipsPerUser: 3 };
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 12);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// The same check by hand: one query for the user, their membership of O and O's environment, then the
// same pure policy.
const HAND_SQL = `SELECT u.status, u.role, u."environmentId", m.role AS "orgRole", o."environmentId" AS "orgEnvironmentId"
  FROM "User" u
  LEFT JOIN "Membership" m ON m."userId" = u.id AND m."organisationId" = $2
  LEFT JOIN "Organisation" o ON o.id = $2
  WHERE u.id = $1`;
type HandRow = { status: 'ACTIVE'; role: 'BASIC'; environmentId: string; orgRole: 'MEMBER' | 'ADMINISTRATOR' | null; orgEnvironmentId: string | null };
function handDecision(row: HandRow | undefined, q: Question): boolean {
  if (!row) return false;
  const needsOrg = q.organisationId !== undefined;
  if (needsOrg && row.orgEnvironmentId !== row.environmentId) return false;
  return decide(row, q.action, needsOrg ? row.orgRole : undefined).allowed;
}

interface Result { backend: string; seedSeconds: number; authorize: Run; cold: Run; hand: Run; agree: boolean; coldHitRate: number; warmHitRate: number; http?: HttpResult }
interface HttpResult { api: Run; bare: Run; revocation: number[] }

async function benchBackend(name: string, db: Database, handQuery: (q: Question) => Promise<HandRow | undefined>, exec: (sql: string) => Promise<void>, concurrency: number): Promise<Result> {
  const t0 = performance.now();
  for (const sql of seedStatements(size)) await exec(sql);
  const seedSeconds = (performance.now() - t0) / 1000;
  const counts = await db.prisma.$queryRawUnsafe<{ users: number; organisations: number; memberships: number }[]>(
    `SELECT (SELECT count(*)::int FROM "User") AS users, (SELECT count(*)::int FROM "Organisation") AS organisations, (SELECT count(*)::int FROM "Membership") AS memberships`);
  console.log(`${name}: seeded ${JSON.stringify(counts[0])} in ${seedSeconds.toFixed(1)} s`);
  const deps: RightsDeps = { prisma: db.prisma, changes: db.changes, options: defaultOptions };
  const cache = decisionCache(deps.changes)!;
  const qs = questions(QUESTIONS, size);
  const hitRate = (from: ReturnType<typeof cache.stats>) => {
    const now = cache.stats();
    const hits = now.hits - from.hits;
    return hits / (hits + now.misses - from.misses + now.bypassed - from.bypassed);
  };
  // both answer the same questions the same way
  let agree = true;
  for (const q of qs.slice(0, 500)) {
    const a = (await authorize(deps, q, ENVIRONMENT_ID)).allowed;
    if (a !== handDecision(await handQuery(q), q)) { agree = false; console.log('disagree', q); break; }
  }
  // the cache starts empty: the first round over the question set fills it
  cache.forgetAll();
  await measure(qs.slice(0, 1000), concurrency, async (q) => handDecision(await handQuery(q), q));
  let from = cache.stats();
  const cold = await measure(qs, concurrency, async (q) => (await authorize(deps, q, ENVIRONMENT_ID)).allowed);
  const coldHitRate = hitRate(from);
  from = cache.stats();
  // The machine is shared: rounds alternate the two sides and the median round of each is reported.
  const authorizeRuns: Run[] = [];
  const handRuns: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    authorizeRuns.push(await measure(qs, concurrency, async (q) => (await authorize(deps, q, ENVIRONMENT_ID)).allowed));
    handRuns.push(await measure(qs, concurrency, async (q) => handDecision(await handQuery(q), q)));
  }
  const median = (runs: Run[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  const authorizeRun = median(authorizeRuns);
  const handRun = median(handRuns);
  const warmHitRate = hitRate(from);
  console.log(`${name}: decisions/s per round, authorize ${authorizeRuns.map((r) => r.decisions.toFixed(0)).join(' ')}; hand-written ${handRuns.map((r) => r.decisions.toFixed(0)).join(' ')}`);
  return { backend: name, seedSeconds, authorize: authorizeRun, cold, hand: handRun, agree, coldHitRate, warmHitRate };
}

async function pglite(): Promise<Result> {
  const { db, lite } = await openPGlite();
  try {
    return await benchBackend('PGlite', db,
      async (q) => (await lite.query<HandRow>(HAND_SQL, [q.user, q.organisationId ?? null])).rows[0],
      async (s) => void (await lite.exec(s)), CONCURRENCY);
  } finally {
    await db.close();
  }
}

async function postgres(): Promise<Result> {
  const name = `bench_rights_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: CONCURRENCY });
  const pool = new pg.Pool({ connectionString: url.toString(), max: CONCURRENCY });
  try {
    const result = await benchBackend('PostgreSQL', db,
      async (q) => (await pool.query<HandRow>({ name: 'hand', text: HAND_SQL, values: [q.user, q.organisationId ?? null] })).rows[0],
      async (s) => void (await pool.query(s)), CONCURRENCY);
    result.http = await overHttp(url.toString(), { prisma: db.prisma, changes: db.changes, options: defaultOptions });
    return result;
  } finally {
    await pool.end();
    await db.close();
    // Give the pools time to close their connections: forcing the drop while one still closes makes
    // that pool emit an unhandled error.
    for (let i = 0; i < 150; i++) {
      const left = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
      if (left.rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

const HTTP_QUESTIONS = Number(process.env.BENCH_HTTP_QUESTIONS ?? 5_000);
const HTTP_CONCURRENCY = 12;
const REVOCATIONS = Number(process.env.BENCH_REVOCATIONS ?? 100);

/** The rights API of the app as a process next to a bare express app; then revocations seen by the app. */
async function overHttp(url: string, deps: RightsDeps): Promise<HttpResult> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'bench-rights-'));
  const admin = { userId: userId(50) }; // an active environment administrator of the seed
  const token = (await createApiToken(deps, admin, { name: 'bench' })).token;
  const app = await startApp({ env: { DATABASE_URL: url }, cwd, compiled: true, startTimeoutMs: 120_000 });
  const bare = await startApp({ env: {}, cwd, entry: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib/bare-api.ts')] });
  try {
    const qs = questions(HTTP_QUESTIONS, size);
    const ask = (base: string) => async (q: Question) => {
      const query = new URLSearchParams({ user: q.user, action: q.action, ...(q.organisationId ? { organisation: q.organisationId } : {}) });
      const res = await fetch(`${base}/api/v1/authorize?${query}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { allow: boolean }).allow;
    };
    await measure(qs, HTTP_CONCURRENCY, ask(app.baseUrl)); // fills the app's cache, warms both
    await measure(qs.slice(0, 1000), HTTP_CONCURRENCY, ask(bare.baseUrl));
    const apiRuns: Run[] = [];
    const bareRuns: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      apiRuns.push(await measure(qs, HTTP_CONCURRENCY, ask(app.baseUrl)));
      bareRuns.push(await measure(qs, HTTP_CONCURRENCY, ask(bare.baseUrl)));
    }
    const median = (runs: Run[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;

    // A member (user 1, organisation k = 1: a plain membership) removed and added again through this
    // process; the app process is asked until it refuses, one question at a time.
    const member = userId(1);
    const org = organisationId(organisationOf(1, 1, size.organisations));
    const sends = ask(app.baseUrl);
    const question: Question = { user: member, action: 'document:send', organisationId: org };
    const revocation: number[] = [];
    for (let i = 0; i < REVOCATIONS; i++) {
      while (!(await sends(question))) await new Promise((r) => setTimeout(r, 5)); // added back, and cached
      await sends(question);
      await removeMember(deps, admin, { organisationId: org, userId: member });
      const removed = performance.now();
      while (await sends(question));
      revocation.push(performance.now() - removed);
      await addMember(deps, admin, { organisationId: org, userId: member, role: 'MEMBER' });
    }
    return { api: median(apiRuns), bare: median(bareRuns), revocation };
  } finally {
    await app.stop();
    await bare.stop();
    await rm(cwd, { recursive: true, force: true });
  }
}

function mix(): string {
  const qs = questions(QUESTIONS, size);
  const share = (pred: (q: Question) => boolean) => `${Math.round((100 * qs.filter(pred).length) / qs.length)}%`;
  const docs = (q: Question) => q.action.startsWith('document:');
  return `question mix: ${share(docs)} document actions (members and non-members of the organisation), `
    + `${share((q) => q.action === 'member:add')} member:add, ${share((q) => q.action === 'user:invite')} user:invite; `
    + `${new Set(qs.map((q) => `${q.user} ${q.action} ${q.organisationId}`)).size} distinct questions, each round asks all of them`;
}

function table(results: Result[]) {
  const rows: string[][] = [['backend', 'check', 'decisions/s', 'p50 ms', 'p99 ms', 'allowed', 'time vs hand', 'seed s']];
  for (const r of results) {
    for (const [label, run] of [[`authorize, warm (hits ${(100 * r.warmHitRate).toFixed(0)}%)`, r.authorize], [`authorize, cold (hits ${(100 * r.coldHitRate).toFixed(0)}%)`, r.cold], ['hand-written SQL', r.hand]] as const) {
      rows.push([r.backend, label, run.decisions.toFixed(0), run.p50.toFixed(2), run.p99.toFixed(2), String(run.allowed),
        label === 'hand-written SQL' ? '1.00x' : `${(run.seconds / r.hand.seconds).toFixed(2)}x`, r.seedSeconds.toFixed(1)]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log(`\n${QUESTIONS} decisions per round, median of ${ROUNDS} rounds, ${CONCURRENCY} in flight; ${size.users} users, ${size.organisations} organisations, ${size.users * size.membershipsPerUser} memberships`);
  console.log(mix());
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows.slice(1)) console.log(line(row));
  for (const r of results) {
    console.log(`${r.backend}: answers agree with the hand-written query: ${r.agree ? 'yes' : 'NO'}`);
  }
  const p = results.find((r) => r.backend === 'PostgreSQL');
  if (p) {
    console.log(`PostgreSQL target >= 50,000 decisions/s in-process (warm): ${p.authorize.decisions >= 50_000 ? 'met' : 'MISSED'} (${p.authorize.decisions.toFixed(0)}); `
      + `<= 0.3x the hand-written query's time: ${p.authorize.seconds / p.hand.seconds <= 0.3 ? 'met' : 'MISSED'} (${(p.authorize.seconds / p.hand.seconds).toFixed(2)}x)`);
  }
  const h = p?.http;
  if (h) {
    const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
    console.log(`\nrights API over HTTP (the app as a process, compiled, on PostgreSQL), ${HTTP_QUESTIONS} questions per round, ${HTTP_CONCURRENCY} in flight, median of ${ROUNDS} rounds:`);
    console.log(`  rights API      ${h.api.decisions.toFixed(0)} decisions/s, p50 ${h.api.p50.toFixed(2)} ms, p99 ${h.api.p99.toFixed(2)} ms`);
    console.log(`  bare express    ${h.bare.decisions.toFixed(0)} answers/s, p50 ${h.bare.p50.toFixed(2)} ms, p99 ${h.bare.p99.toFixed(2)} ms`);
    console.log(`  rights API / bare express: ${(h.api.decisions / h.bare.decisions).toFixed(2)}x the rate, ${(h.api.seconds / h.bare.seconds).toFixed(2)}x the time`);
    console.log(`revocation, a membership removed through this process until the app process refuses it (${h.revocation.length} times): `
      + `p50 ${pct(h.revocation, 0.5).toFixed(1)} ms, p99 ${pct(h.revocation, 0.99).toFixed(1)} ms, max ${Math.max(...h.revocation).toFixed(1)} ms; `
      + `target p99 <= 100 ms: ${pct(h.revocation, 0.99) <= 100 ? 'met' : 'MISSED'}`);
  }
}

const only = process.env.BENCH_BACKEND;
const results: Result[] = [];
if (!only || only === 'pglite') results.push(await pglite());
if (!only || only === 'postgres') results.push(await postgres());
table(results);
