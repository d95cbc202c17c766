// Composition root: config -> database -> services -> Slack app, web routes, outbox worker -> start.
// The only file that knows every part.
import type { Server } from 'node:http';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { appSecret } from './db/app-secret.ts';
import { DatabaseUnavailableError } from './db/connection-errors.ts';
import { defaultEmbeddedEngine, openDatabase } from './db/database.ts';
import { EmbeddedPostgresError } from './db/embedded-postgres.ts';
import { FolderInUseError } from './db/folder-owner.ts';
import { createLogger } from './log.ts';
import { createMailService } from './mail/index.ts';
import { createOutboxWorker } from './outbox/index.ts';
import { defaultOptions, endExpiredAccess, sweepExpired, type RightsDeps } from './rights/index.ts';
import { createSlackApp, type SlackApp } from './slack/app.ts';
import { loadTokenCipher } from './slack/token-cipher.ts';
import { slackInstallRouter } from './web/account/slack-install-router.ts';
import { accountRouter } from './web/account/router.ts';
import { activationRouter } from './web/activation/router.ts';
import { createCsrf } from './web/csrf.ts';
import { rightsApiRouter } from './web/rights-api.ts';
import { siteRouter } from './web/site/router.ts';
import { createWebApp, type WebContext } from './web/server.ts';

function fail(message: string): never {
  process.stderr.write(`Start-up failed: ${message}\n`);
  process.exit(1);
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const embedded = config.embeddedDatabase ? { engine: config.embeddedDatabase } : await defaultEmbeddedEngine(config.dataDir);
  if (!config.databaseUrl && embedded.reason) logger.warn(embedded.reason);
  const db = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl }
      : { embedded: { engine: embedded.engine, dir: path.join(config.dataDir, embedded.engine) } },
  ).catch((err) => {
    // one line an operator can act on, no stack: the server's address and what went wrong
    if (err instanceof DatabaseUnavailableError) fail(config.databaseUrl ? `DATABASE_URL: ${err.message}` : `the embedded database: ${err.message}`);
    if (err instanceof FolderInUseError || err instanceof EmbeddedPostgresError) fail(err.message);
    throw err;
  });
  logger.info({ database: db.kind }, db.description);

  const deps: RightsDeps = { prisma: db.prisma, changes: db.changes, options: { ...defaultOptions, publicUrl: config.publicUrl } };
  const secureCookies = config.publicUrl.startsWith('https://');
  const csrf = createCsrf(await appSecret(db.prisma, 'csrf'), secureCookies);
  const ctx: WebContext = { db, deps, logger, csrf, secureCookies, deviceKey: await appSecret(db.prisma, 'device-cookie') };

  // Distribution mode keeps every workspace's tokens encrypted with a key outside the database.
  const cipher = config.slack.mode === 'distribution'
    ? await loadTokenCipher(config.tokenEncryptionKey, config.dataDir).catch((err: Error) => fail(`TOKEN_ENCRYPTION_KEY: ${err.message}`))
    : undefined;
  const slack: SlackApp | null = config.slack.mode
    ? // PGlite runs its SQL on this thread: one command's work at a time keeps acks prompt.
      createSlackApp({ config, deps, logger, cipher, workConcurrency: db.kind === 'pglite' ? 1 : 2 })
    : null;
  if (!slack) {
    logger.warn('Slack is not configured (SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, with SLACK_SIGNING_SECRET): the web pages, the rights API and email run without it.');
  }
  ctx.slackOAuth = slack?.oauth ?? null;

  const app = createWebApp(ctx, {
    slack: slack?.router ?? undefined,
    routers: [rightsApiRouter(deps), siteRouter(ctx), slackInstallRouter(ctx, config.slack.command), accountRouter(ctx), activationRouter(ctx)],
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, `listening on http://localhost:${port} (public URL ${config.publicUrl})`);
  await slack?.start();
  const mail = createMailService({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, dataDir: config.dataDir, logger });
  // Without Slack, Slack notifications stay queued until it is configured.
  const outbox = createOutboxWorker({ prisma: db.prisma, logger, deliverEmail: mail.deliver, deliverSlack: slack?.deliverNotification, quiet: slack?.quiet });
  outbox.start();
  // Hourly housekeeping of rows that stopped mattering (expired links, ended sessions).
  const sweep = setInterval(() => {
    sweepExpired(deps)
      .then((n) => logger.debug(n, 'expired rows removed'))
      .catch((err) => logger.warn({ err }, 'housekeeping failed; it runs again in an hour'));
  }, 3600_000);
  sweep.unref();
  // Access given until a date: reminders three days before, and the end written down (authorize
  // already refuses from the instant itself). Every process may sweep: each item is done once.
  const accessSweep = setInterval(() => {
    endExpiredAccess(deps)
      .then((n) => logger.debug(n, 'access that ends swept'))
      .catch((err) => logger.warn({ err }, 'the sweep of ending access failed; it runs again in a minute'));
  }, 60_000);
  accessSweep.unref();

  let stopping = false;
  async function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections?.();
    await slack?.stop();
    clearInterval(sweep);
    clearInterval(accessSweep);
    await outbox.stop();
    mail.close();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  }
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
