// Issue 10 item 3: /slack/events refuses a body over 2 MiB with HTTP 413 before reading it whole,
// and before the signature check: from the declared Content-Length, or while a chunked body streams.
// Through the running app (src/main.ts as a process). The memory this saves: `npm run bench:body-limit`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BODY_LIMIT } from '../../src/slack/body-limit.ts';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { postOversized } from '../support/oversized-post.ts';

const SECRET = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const MiB = 1024 * 1024;

describe('the size of a Slack request', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let app: AppProcess;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    db = await createTestDatabase('postgres', 'bodylimit');
    app = await startApp({ env: { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, ...db.env }, cwd: db.cwd });
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  }, 30_000);

  it('the limit is 2 MiB, above Slack’s largest view submission', () => {
    expect(SLACK_BODY_LIMIT).toBe(2 * MiB);
  });

  it('a declared Content-Length of 30 MB is answered 413 before the body is sent', async () => {
    const r = await postOversized(app.eventsUrl, 30 * MiB, 'content-length');
    expect(r.status).toBe(413);
    expect(r.text).toMatch(/at most 2097152 bytes/);
    // the answer came while most of the body was still unsent
    expect(r.written).toBeLessThan(8 * MiB);
  });

  it('a chunked body without Content-Length is answered 413 once it passes the limit', async () => {
    const r = await postOversized(app.eventsUrl, 100 * MiB, 'chunked');
    expect(r.status).toBe(413);
    expect(r.written).toBeGreaterThan(SLACK_BODY_LIMIT);
    expect(r.written).toBeLessThan(16 * MiB);
  });

  it('a forged body under the limit reaches the signature check (401), and the app keeps answering', async () => {
    const r = await postOversized(app.eventsUrl, Math.round(1.5 * MiB), 'chunked');
    expect(r.status).toBe(401);
    const small = await postOversized(app.eventsUrl, 1000, 'content-length');
    expect(small.status).toBe(401);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    expect(fake.calls).toEqual([]);
  });
});
