// The users and organisations pickers' searches (listUsers / listOrganisations with a typed text, 100
// results, as src/slack/listeners/options/search.ts asks them) on 100,000 users and 10,000
// organisations, on PGlite and on PostgreSQL: p50/p99 with the trigram indexes (migration
// search_trigrams), then, as the baseline on the same data in the same run, with them dropped.
// Texts of 3 characters or more (the pickers' minimum): rare ones, common ones, none at all.
//   npm run bench:search            (BENCH_POSTGRES_URL=postgres://... to use another server)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { defaultOptions, listOrganisations, listUsers, type RightsDeps } from '../src/rights/index.ts';
import { openPGlite } from './lib/pglite.ts';
import { seedStatements, userId, type SeedSize } from './lib/seed.ts';

const size: SeedSize = { users: 100_000, organisations: 10_000, membershipsPerUser: 3 };
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const INDEXES = ['User_email_trgm_idx', 'User_name_trgm_idx', 'Organisation_name_trgm_idx'];

/** What people type: a number inside emails and names (few matches), a name's start (many), nothing found. */
function texts(count: number): string[] {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    if (kind === 0) out.push(String(rnd(size.users)).padStart(4, '1')); // user1234 / Organisation 1234
    else if (kind === 1) out.push(`${['user', 'User ', 'organisation ', 'Org'][rnd(4)]}${rnd(90) + 10}`);
    else if (kind === 2) out.push(['zqx', 'nobody', 'xyz@'][rnd(3)]!);
    else out.push(['bench', 'exam', 'sation', 'ser 7'][rnd(4)]!);
  }
  return out;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;

interface Timing { p50: number; p99: number; found: number }

async function time(ts: string[], search: (text: string) => Promise<number>): Promise<Timing> {
  for (const t of ts.slice(0, 20)) await search(t); // warm-up
  const ms: number[] = [];
  let found = 0;
  for (const t of ts) {
    const t0 = performance.now();
    found += await search(t);
    ms.push(performance.now() - t0);
  }
  return { p50: pct(ms, 0.5), p99: pct(ms, 0.99), found };
}

async function run(name: string, db: Database, exec: (sql: string) => Promise<void>) {
  const t0 = performance.now();
  for (const sql of seedStatements(size)) await exec(sql);
  console.log(`${name}: seeded ${size.users} users and ${size.organisations} organisations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const deps: RightsDeps = { prisma: db.prisma, changes: db.changes, options: defaultOptions };
  const admin = { userId: userId(50) }; // an active environment administrator of the seed
  const ts = texts(SEARCHES);
  const users = (text: string) => listUsers(deps, admin, { query: text, limit: 100 }).then((r) => r.items.length);
  const organisations = (text: string) => listOrganisations(deps, admin, { query: text, limit: 100 }).then((r) => r.items.length);
  const withIndex = { users: await time(ts, users), organisations: await time(ts, organisations) };
  for (const index of INDEXES) await exec(`DROP INDEX "${index}"`);
  await exec('ANALYZE');
  const without = { users: await time(ts, users), organisations: await time(ts, organisations) };
  return { name, withIndex, without };
}

async function pglite() {
  const { db, lite } = await openPGlite();
  try {
    return await run('PGlite', db, async (s) => void (await lite.exec(s)));
  } finally {
    await db.close();
  }
}

async function postgres() {
  const name = `bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  const seeder = new pg.Client({ connectionString: url.toString() }); // no statement timeout: the seed takes long
  await seeder.connect();
  try {
    return await run('PostgreSQL', db, async (s) => void (await seeder.query(s)));
  } finally {
    await seeder.end();
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

const only = process.env.BENCH_BACKEND;
const results = [];
if (!only || only === 'postgres') results.push(await postgres());
if (!only || only === 'pglite') results.push(await pglite());
console.log(`\n${SEARCHES} searches of 3 characters or more, one at a time, 100 results at most (as the pickers ask); ${size.users} users, ${size.organisations} organisations`);
console.log('database   | picker        | trigram indexes p50 / p99 ms | without them (baseline) p50 / p99 ms | target p99 <= 50 ms');
console.log('-----------|---------------|------------------------------|--------------------------------------|--------------------');
for (const r of results) {
  for (const picker of ['users', 'organisations'] as const) {
    const w = r.withIndex[picker];
    const b = r.without[picker];
    console.log(`${r.name.padEnd(10)} | ${picker.padEnd(13)} | ${`${w.p50.toFixed(1)} / ${w.p99.toFixed(1)}`.padStart(28)} | ${`${b.p50.toFixed(1)} / ${b.p99.toFixed(1)}`.padStart(36)} | ${w.p99 <= 50 ? 'met' : 'MISSED'}`);
  }
}
