// The Slack surface as one object: a Bolt app whose HTTP endpoint (/slack/events) is an express
// router the web server mounts on its own port, or a Socket Mode connection when SLACK_APP_TOKEN is
// set; plus deliverNotification for the outbox worker.
import { App, ExpressReceiver, webApi, type Authorize } from '@slack/bolt';
import express, { type Router } from 'express';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { RightsDeps } from '../rights/index.ts';
import { boltLogger } from './bolt-logger.ts';
import { limitSlackBody } from './body-limit.ts';
import type { Notification } from './blocks/notifications.ts';
import type { SlackContext } from './context.ts';
import { unanswerable } from './errors.ts';
import { Identity } from './identity.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { runSubcommand } from './listeners/commands/econnect.ts';
import { workButton } from './listeners/actions/notification-buttons.ts';
import { postConfirmation } from './listeners/views/submission.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerOptions } from './listeners/options/index.ts';
import { registerViews } from './listeners/views/index.ts';
import { createNotifier } from './notifications.ts';
import { WorkQueue } from './work-queue.ts';
import { workDelivery } from './work.ts';
import { createOutboxWorker } from '../outbox/index.ts';

export interface SlackApp {
  app: App;
  /** mount with app.use(router) before any body parser: Bolt verifies the raw body's signature */
  router: Router | null;
  /** starts the worker of Slack work recorded before its ack; Socket Mode: also connects (HTTP: the router is served by the web server) */
  start(): Promise<void>;
  stop(): Promise<void>;
  deliverNotification(payload: Notification, messageId: string): Promise<{ channel: string; ts: string }>;
}

export interface SlackAppOptions {
  config: Pick<Config, 'slack'>;
  deps: RightsDeps;
  logger: Logger;
  /** how long a Slack user's verified email is trusted before asking users.info again */
  identityTtlMs?: number;
  /** commands worked on at once after their ack: 1 for PGlite (it runs in this thread), more for PostgreSQL */
  workConcurrency?: number;
}

export function createSlackApp({ config, deps, logger, identityTtlMs, workConcurrency = 2 }: SlackAppOptions): SlackApp {
  const { botToken, signingSecret, appToken, apiUrl, command } = config.slack;
  if (!botToken) throw new Error('SLACK_BOT_TOKEN is required for the Slack app');
  const log = logger.child({ surface: 'slack' });
  const bolt = boltLogger(log);
  // A single workspace: the token is known, and asking auth.test for the bot's ids on every request
  // (Bolt's default without them) would cost a Web API call per command.
  const authorize: Authorize<boolean> = async () => ({ botToken });
  const clientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    // Few, quick retries: a command's follow-up is worthless after a few seconds.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  };
  const socketMode = Boolean(appToken);
  const receiver = socketMode
    ? undefined
    : new ExpressReceiver({ signingSecret: signingSecret ?? '', endpoints: '/slack/events', logger: bolt, processBeforeResponse: false });
  const app = new App({
    authorize,
    logger: bolt,
    clientOptions,
    ignoreSelf: false,
    ...(socketMode ? { socketMode: true, appToken } : { receiver }),
  });
  // Listeners answer their own failures; what still escapes one has nobody left to tell.
  app.error(async (err) => unanswerable(err, log, 'unhandled Slack listener error'));
  const ctx: SlackContext = {
    deps,
    identity: new Identity(deps, identityTtlMs),
    logger: log,
    command,
    work: new WorkQueue(workConcurrency),
    queued: () => worker.nudge(),
  };
  // Work recorded before an ack (src/slack/work.ts) is done by the outbox's leased worker, a few
  // pieces at a time; the client is the bot's, as in a listener.
  const client = new webApi.WebClient(botToken, { ...clientOptions, logger: bolt });
  const worker = createOutboxWorker({
    prisma: deps.prisma,
    logger: log,
    kinds: ['SLACK_WORK'],
    deliverWork: workDelivery(ctx, client, {
      command: (work, answer) => runSubcommand(ctx, work.command, client, answer),
      button: workButton(ctx, client),
      confirm: (work) => postConfirmation(client, log.child({ requestId: work.requestId }), { channel: work.channel, user: work.user_id, text: work.text, requestId: work.requestId }),
    }) as never,
    batchSize: workConcurrency,
    // a crashed process's work is taken again within seconds; renewed while it runs
    leaseMs: 6_000,
    // an answer is worth little after a few minutes: 1 s, 2 s ... about a minute of trying
    maxAttempts: 7,
  });
  registerCommands(app, ctx);
  registerViews(app, ctx);
  registerActions(app, ctx);
  registerOptions(app, ctx);
  registerEvents(app, ctx);

  let router: Router | null = null;
  if (receiver) {
    // the body is bounded and read here, before Bolt's signature check would buffer it whole
    router = express.Router();
    router.post('/slack/events', limitSlackBody());
    router.use(receiver.router as Router);
  }

  return {
    app,
    router,
    async start() {
      worker.start();
      if (socketMode) await app.start();
    },
    async stop() {
      if (socketMode) await app.stop();
      await worker.stop();
    },
    deliverNotification: createNotifier(botToken, apiUrl),
  };
}
