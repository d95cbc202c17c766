// The world of the activation and outbox end-to-end tests: the app as a child process (src/main.ts)
// on its own PostgreSQL database and working directory, a real SMTP server, the fake Slack Web API,
// and the test's own connection to the database to seed through the rights service and look inside.
import type { Database } from '../../src/db/database.ts';
import { createEnvironment, defaultOptions, linkSlackUser, setNotificationChannel, type RightsDeps } from '../../src/rights/index.ts';
import { freePort, startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase } from '../support/database.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

export interface World {
  baseUrl: string;
  smtp: TestSmtpServer;
  slack: FakeSlack;
  db: Database;
  deps: RightsDeps;
  env: Record<string, string>;
  cwd: string;
  app: AppProcess;
  close(): Promise<void>;
}

export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** Everything running, an app on PostgreSQL wired to the SMTP server and the fake Slack. */
export async function startWorld(): Promise<World> {
  const pg = await createTestDatabase('postgres', 'activation_e2e');
  const cwd = pg.cwd;
  const smtp = await startSmtpServer();
  const slack = await new FakeSlack().start();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: pg.url!,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'eConnect <no-reply@rights.acme.test>',
    PUBLIC_URL: baseUrl,
    SLACK_BOT_TOKEN: slack.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    LOG_LEVEL: 'info',
  };
  const db = await pg.open(4);
  const deps: RightsDeps = { prisma: db.prisma, options: { ...defaultOptions, publicUrl: baseUrl } };
  const world: World = {
    baseUrl, smtp, slack, db, deps, env, cwd,
    app: await startApp({ env, cwd, port }),
    async close() {
      await world.app?.stop();
      await db.close();
      await smtp.stop();
      await slack.stop();
      // the database and the app's working folder
      await pg.drop();
    },
  };
  return world;
}

/** An environment with an administrator known in Slack (UADA) and a notification channel (CADMINS). */
export async function seedEnvironment(deps: RightsDeps, opts: { name?: string; locale?: 'en' | 'nl'; adminEmail?: string; slackUserId?: string; channel?: string } = {}) {
  const { environment, user } = await createEnvironment(deps, {
    email: opts.adminEmail ?? `ada@${Math.random().toString(36).slice(2, 8)}.acme.test`,
    name: 'Ada Admin',
    environmentName: opts.name ?? 'Acme',
    locale: opts.locale ?? 'en',
    claimDomain: false,
  });
  const admin = { userId: user.id };
  if (opts.slackUserId !== undefined) await linkSlackUser(deps, user.id, opts.slackUserId);
  if (opts.channel !== undefined) await setNotificationChannel(deps, admin, { channelId: opts.channel });
  return { environment, admin, adminEmail: user.email };
}

/** A minimal cookie jar for fetch: what a browser would send back. */
export class CookieJar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The value of a hidden form field in a page. */
export function hiddenField(page: string, name: string): string {
  const m = page.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!m) throw new Error(`no hidden field ${name} in the page`);
  return m[1]!;
}
