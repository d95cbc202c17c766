// The Slack surface in the test's own process: the real Bolt app (createSlackApp) mounted on the
// same express web app as in production (createWebApp), listening on a free port, on a real test
// database, calling the fake Slack Web API. Requests are really signed and sent over HTTP, so Bolt's
// verification, routing, acks and the listeners all run as in the app; only the process differs.
// The database is in this process too, so a test seeds and checks it directly while the app runs,
// and sees the app's queries as they complete (`queries`): the end of work Slack cannot see.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Prisma } from '../../src/db/database.ts';
import type { RightsDeps, RightsOptions } from '../../src/rights/index.ts';
import { createSlackApp, type SlackApp } from '../../src/slack/app.ts';
import { createCsrf } from '../../src/web/csrf.ts';
import { createWebApp, type WebContext } from '../../src/web/server.ts';
import { captureLog } from './captured-log.ts';
import { backend, openTestDatabase, type OpenTestDatabase } from './database.ts';
import { FakeSlack } from './fake-slack.ts';
import { SlackDriver } from './slack-driver.ts';
import { SlackRequests } from './slack-requests.ts';
import { seedWorkspace, type Workspace } from './slack-workspace.ts';

export const SIGNING_SECRET = '7d3c9a1e5b2f4860a1c3e5f7092b4d6e';

/** A query the app's Slack listeners made, once it completed. */
export interface CompletedQuery {
  model: string | undefined;
  operation: string;
  args: unknown;
  result: unknown;
}

export interface SlackInProcess {
  database: OpenTestDatabase;
  /** the test's own access to the database (the app's queries are not recorded through it) */
  deps: RightsDeps;
  /** the app's queries, in the order they completed */
  queries: CompletedQuery[];
  fake: FakeSlack;
  slack: SlackApp;
  rq: SlackRequests;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** what the app logged, one JSON line each */
  log: string[];
  /** a fresh environment with its people, their Slack accounts and its own channel */
  workspace(): Promise<Workspace & { driver: SlackDriver }>;
  close(): Promise<void>;
}

/** `now`: the service clock of the app's rights service (unset: the system clock). */
export async function startSlackInProcess(options: { rights?: Partial<RightsOptions>; now?: () => Date } = {}): Promise<SlackInProcess> {
  const database = await openTestDatabase(options.rights);
  const fake = await new FakeSlack().start();
  const captured = captureLog();
  const { deps, db } = database;
  const queries: CompletedQuery[] = [];
  const observed = deps.prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const result = await query(args);
        queries.push({ model, operation, args, result });
        return result;
      },
    },
  }) as unknown as Prisma;
  const slack = createSlackApp({
    config: { slack: { botToken: fake.token, signingSecret: SIGNING_SECRET, apiUrl: fake.url, command: '/econnect' } },
    deps: { ...deps, prisma: observed, ...(options.now ? { now: options.now } : {}) },
    logger: captured.logger,
    // as main.ts does: PGlite runs its SQL on this thread
    workConcurrency: backend === 'pglite' ? 1 : 2,
  });
  // the worker of the work recorded before each ack, as main.ts starts it
  await slack.start();
  const ctx: WebContext = { db, deps, logger: captured.logger, csrf: createCsrf(randomBytes(32).toString('base64url'), false), secureCookies: false, deviceKey: randomBytes(32).toString('base64url') };
  const web = createWebApp(ctx, { slack: slack.router ?? undefined });
  const server: Server = await new Promise((resolve) => {
    const s = web.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rq = new SlackRequests(`${baseUrl}/slack/events`, SIGNING_SECRET, fake);
  return {
    database,
    deps,
    queries,
    fake,
    slack,
    rq,
    baseUrl,
    log: captured.lines,
    async workspace() {
      const ws = await seedWorkspace(deps, fake);
      return { ...ws, driver: new SlackDriver(rq, fake, ws.channel) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack.stop();
      await fake.stop();
      await database.close();
    },
  };
}
