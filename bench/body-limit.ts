// What a forged, oversized POST to /slack/events costs the app in memory: the app (src/main.ts, on
// a fresh database of the PostgreSQL server at TEST_POSTGRES_URL or 127.0.0.1:5432) next to, in the
// same run, a bare Bolt app (Bolt's ExpressReceiver as it comes, which reads a body whole before
// checking its signature). Posts of 30 MB and 100 MB, with Content-Length and chunked; RSS of the
// app's process (/proc/<pid>/status) sampled every 10 ms, growth = peak during the post - before it.
// Figures only; nothing is asserted.
import { readFile } from 'node:fs/promises';
import { bareBoltEntry, printTable } from './lib/bare-bolt.ts';
import { startApp, type AppProcess } from '../test/support/app-process.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { postOversized } from '../test/support/oversized-post.ts';

const SECRET = 'be0c0123456789abcdef0123456789ab';
const MB = 1_000_000;

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function measure(app: AppProcess, bytes: number, mode: 'content-length' | 'chunked') {
  const before = await rssBytes(app.pid);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssBytes(app.pid));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const started = performance.now();
  const r = await postOversized(app.eventsUrl, bytes, mode);
  const ms = performance.now() - started;
  sampling = false;
  await sampler;
  peak = Math.max(peak, await rssBytes(app.pid));
  return { status: r.status, written: r.written, growth: peak - before, ms };
}

async function main() {
  const db = await createTestDatabase('postgres', 'benchbody');
  const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', LOG_LEVEL: 'silent' };
  const rows: string[][] = [['app', 'body', 'sent as', 'answer', 'body written', 'RSS growth', 'time']];
  const apps: [string, () => Promise<AppProcess>][] = [
    ['bare Bolt (no limit)', () => startApp({ env, cwd: db.cwd, entry: [bareBoltEntry] })],
    ['econnect (2 MiB limit)', () => startApp({ env: { ...env, ...db.env }, cwd: db.cwd })],
  ];
  try {
    for (const [name, start] of apps) {
      for (const size of [30 * MB, 100 * MB]) {
        for (const mode of ['content-length', 'chunked'] as const) {
          // a fresh process for each post: what one post costs, not what the last one left
          const app = await start();
          try {
            const m = await measure(app, size, mode);
            rows.push([name, `${size / MB} MB`, mode, String(m.status), `${(m.written / MB).toFixed(1)} MB`, `+${(m.growth / MB).toFixed(0)} MB`, `${m.ms.toFixed(0)} ms`]);
          } finally {
            await app.stop();
          }
        }
      }
    }
  } finally {
    await db.drop();
  }
  printTable(`Forged POSTs to /slack/events: RSS growth of the app's process (Node ${process.version})`, rows);
}

await main();
