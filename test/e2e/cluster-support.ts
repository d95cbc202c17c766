// Three app processes (src/main.ts) on one PostgreSQL database, a real SMTP server and the fake Slack:
// signed /econnect commands spread round-robin over the processes, invites, role changes, adds and
// removes, conflicting ones among them (the same address invited through two processes at once, two
// administrators demoting each other, the only organisation administrator removed while another is
// added). Shared by test/e2e/cluster.test.ts and bench/cluster.ts.
import { defaultOptions, setRole, type RightsDeps } from '../../src/rights/index.ts';
import type { Database } from '../../src/db/database.ts';
import { freePort, startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { SlackRequests } from '../support/slack-requests.ts';
import { seedWorkspace, type Workspace } from '../support/slack-workspace.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { waitFor } from '../support/wait-for.ts';

export const CLUSTER_SECRET = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f';

export interface Cluster {
  apps: AppProcess[];
  rqs: SlackRequests[];
  fake: FakeSlack;
  smtp: TestSmtpServer;
  pg: TestDatabase;
  db: Database;
  deps: RightsDeps;
  ws: Workspace;
  stop(): Promise<void>;
}

export async function startCluster(processes = 3): Promise<Cluster> {
  const pg = await createTestDatabase('postgres', 'cluster');
  const fake = await new FakeSlack().start();
  const smtp = await startSmtpServer();
  const db = await pg.open(4);
  const deps: RightsDeps = { prisma: db.prisma, options: defaultOptions };
  const ws = await seedWorkspace(deps, fake);
  // a second administrator, so that two can try to demote each other
  await setRole(deps, { userId: ws.users.admin.id }, { userId: ws.users.advanced.id, role: 'ADMINISTRATOR' });
  const ports = await Promise.all(Array.from({ length: processes }, () => freePort()));
  const env = {
    ...pg.env,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'eConnect <no-reply@rights.acme.test>',
    PUBLIC_URL: `http://127.0.0.1:${ports[0]}`,
    SLACK_BOT_TOKEN: fake.token,
    SLACK_SIGNING_SECRET: CLUSTER_SECRET,
    SLACK_API_URL: fake.url,
    LOG_LEVEL: 'info',
  };
  const apps: AppProcess[] = [];
  for (const port of ports) apps.push(await startApp({ env, cwd: pg.cwd, port }));
  const rqs = apps.map((a) => new SlackRequests(a.eventsUrl, CLUSTER_SECRET, fake));
  return {
    apps, rqs, fake, smtp, pg, db, deps, ws,
    async stop() {
      await Promise.all(apps.map((a) => a.stop()));
      await db.close();
      await smtp.stop();
      await fake.stop();
      await pg.drop();
    },
  };
}

/** The command number k of a run: who sends it and its text. Addresses c<i>@ are the run's invitees. */
export function mixedCommand(ws: Workspace, k: number): { who: 'admin' | 'advanced'; text: string } {
  const i = Math.floor(k / 10);
  const who = i % 2 === 0 ? 'admin' : 'advanced';
  const c = (j: number) => `c${Math.max(0, j)}@${ws.domain}`;
  const ada = ws.users.admin.email;
  const vera = ws.users.advanced.email;
  switch (k % 10) {
    case 0:
    case 1: // the same address invited twice, through two processes at once
      return { who, text: `invite ${c(i)} ${i % 3 === 0 ? 'advanced' : 'basic'}` };
    case 2:
      return { who, text: `set-role ${c(i - 1)} ${i % 2 === 0 ? 'advanced' : 'basic'}` };
    case 3: // every other one becomes an organisation administrator of Acme Sales
      return { who, text: `add-to-org ${c(i - 1)} Acme Sales ${i % 2 === 0 ? 'administrator' : 'member'}` };
    case 4: // may be the organisation's last administrator: refused then
      return { who, text: `remove-member ${c(i - 2)} Acme Sales` };
    case 5:
      return { who, text: `add-to-org ${c(i)} Acme Purchasing member` };
    case 6: // the two administrators demote each other at the same moment: one at most may win
      return { who: 'admin', text: `set-role ${vera} basic` };
    case 7:
      return { who: 'advanced', text: `set-role ${ada} basic` };
    case 8: // and whoever is still one makes the other an administrator again
      return { who: 'admin', text: `make-admin ${vera}` };
    default:
      return i % 4 === 1 ? { who: 'advanced', text: `make-admin ${ada}` } : { who, text: `remove-member ${ws.users.orgAdmin.email} Acme Sales` };
  }
}

export interface RunResult {
  sent: { app: number; triggerId: string; text: string; ackMs: number }[];
  /** from the first command sent to the last piece of work done (commands, confirmations, emails) */
  totalMs: number;
}

/** Sends `count` commands round-robin over the processes, `concurrency` at a time, and waits until all their work is done. */
export async function runMix(cl: Cluster, count: number, concurrency = 6): Promise<RunResult> {
  const sent: RunResult['sent'] = [];
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const k = next++;
      const app = k % cl.apps.length;
      const { who, text } = mixedCommand(cl.ws, k);
      const a = performance.now();
      const r = await cl.rqs[app]!.slash(cl.ws.as(who), text, cl.ws.channel);
      if (r.status !== 200) throw new Error(`command ${k} (${text}) through process ${app} answered ${r.status}`);
      sent.push({ app, triggerId: r.triggerId, text, ackMs: performance.now() - a });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await waitFor(async () => (await cl.db.prisma.outboxMessage.count({ where: { status: 'PENDING' } })) === 0, { what: 'every command, confirmation and email to be done', timeout: 600_000 });
  return { sent, totalMs: performance.now() - t0 };
}
