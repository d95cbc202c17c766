// Decisions per second and p50/p99 latency of `authorize` on an environment with 100,000 users,
// 10,000 organisations and 300,000 memberships, on PGlite and on PostgreSQL, side by side with the
// same check as one hand-written SQL query (through `pg` on PostgreSQL, PGlite's own query on PGlite).
//   npm run bench:rights            (BENCH_POSTGRES_URL=postgres://... to use another server)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { openPGlite } from './lib/pglite.ts';
import { authorize, decide, defaultOptions, type RightsDeps } from '../src/rights/index.ts';
import { measure, questions, type Question, type Run } from './lib/authorize.ts';
import { ENVIRONMENT_ID, seedStatements, type SeedSize } from './lib/seed.ts';

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

interface Result { backend: string; seedSeconds: number; authorize: Run; hand: Run; agree: boolean }

async function benchBackend(name: string, db: Database, handQuery: (q: Question) => Promise<HandRow | undefined>, exec: (sql: string) => Promise<void>, concurrency: number): Promise<Result> {
  const t0 = performance.now();
  for (const sql of seedStatements(size)) await exec(sql);
  const seedSeconds = (performance.now() - t0) / 1000;
  const counts = await db.prisma.$queryRawUnsafe<{ users: number; organisations: number; memberships: number }[]>(
    `SELECT (SELECT count(*)::int FROM "User") AS users, (SELECT count(*)::int FROM "Organisation") AS organisations, (SELECT count(*)::int FROM "Membership") AS memberships`);
  console.log(`${name}: seeded ${JSON.stringify(counts[0])} in ${seedSeconds.toFixed(1)} s`);
  const deps: RightsDeps = { prisma: db.prisma, options: defaultOptions };
  const qs = questions(QUESTIONS, size);
  // both answer the same questions the same way
  let agree = true;
  for (const q of qs.slice(0, 500)) {
    const a = (await authorize(deps, q, ENVIRONMENT_ID)).allowed;
    if (a !== handDecision(await handQuery(q), q)) { agree = false; console.log('disagree', q); break; }
  }
  const warm = qs.slice(0, 1000);
  await measure(warm, concurrency, async (q) => (await authorize(deps, q, ENVIRONMENT_ID)).allowed);
  await measure(warm, concurrency, async (q) => handDecision(await handQuery(q), q));
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
  console.log(`${name}: decisions/s per round, authorize ${authorizeRuns.map((r) => r.decisions.toFixed(0)).join(' ')}; hand-written ${handRuns.map((r) => r.decisions.toFixed(0)).join(' ')}`);
  return { backend: name, seedSeconds, authorize: authorizeRun, hand: handRun, agree };
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
    return await benchBackend('PostgreSQL', db,
      async (q) => (await pool.query<HandRow>({ name: 'hand', text: HAND_SQL, values: [q.user, q.organisationId ?? null] })).rows[0],
      async (s) => void (await pool.query(s)), CONCURRENCY);
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

function table(results: Result[]) {
  const rows: string[][] = [['backend', 'check', 'decisions/s', 'p50 ms', 'p99 ms', 'allowed', 'time vs hand', 'seed s']];
  for (const r of results) {
    for (const [label, run] of [['authorize (Prisma)', r.authorize], ['hand-written SQL', r.hand]] as const) {
      rows.push([r.backend, label, run.decisions.toFixed(0), run.p50.toFixed(2), run.p99.toFixed(2), String(run.allowed),
        label === 'hand-written SQL' ? '1.00x' : `${(r.authorize.seconds / r.hand.seconds).toFixed(2)}x`, r.seedSeconds.toFixed(1)]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log(`\n${QUESTIONS} decisions per round, median of ${ROUNDS} rounds, ${CONCURRENCY} in flight; ${size.users} users, ${size.organisations} organisations, ${size.users * size.membershipsPerUser} memberships`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows.slice(1)) console.log(line(row));
  for (const r of results) {
    console.log(`${r.backend}: answers agree with the hand-written query: ${r.agree ? 'yes' : 'NO'}`);
  }
  const p = results.find((r) => r.backend === 'PostgreSQL');
  if (p) {
    console.log(`PostgreSQL target >= 2000 decisions/s: ${p.authorize.decisions >= 2000 ? 'met' : 'MISSED'} (${p.authorize.decisions.toFixed(0)}); `
      + `<= 1.5x the hand-written query's time: ${p.authorize.seconds / p.hand.seconds <= 1.5 ? 'met' : 'MISSED'} (${(p.authorize.seconds / p.hand.seconds).toFixed(2)}x)`);
  }
}

const only = process.env.BENCH_BACKEND;
const results: Result[] = [];
if (!only || only === 'pglite') results.push(await pglite());
if (!only || only === 'postgres') results.push(await postgres());
table(results);
