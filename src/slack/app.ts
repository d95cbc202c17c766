// The Slack surface as one object: a Bolt app whose HTTP endpoint (/slack/events) is an express
// router the web server mounts on its own port, or a Socket Mode connection when SLACK_APP_TOKEN is
// set; plus deliverNotification for the outbox worker.
import { App, ExpressReceiver, webApi, type Authorize, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
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
import { PrismaInstallationStore } from './installation-store.ts';
import { readerLocale } from '../i18n/catalogue.ts';
import { createNotifier, type LocaleForRecipient, type TokenForEnvironment } from './notifications.ts';
import { createSlackOAuth, tokenRefresher, type SlackOAuth } from './oauth.ts';
import type { TokenCipher } from './token-cipher.ts';
import { unboundWorkspaceGuard } from './workspace-guard.ts';
import { InFlight } from './in-flight.ts';
import { WorkQueue } from './work-queue.ts';
import { workDelivery } from './work.ts';
import { bulkInvitationWork } from './bulk/job.ts';
import { createOutboxWorker } from '../outbox/index.ts';
import { HomeRefresher, type HomeRefresherOptions } from './home/refresher.ts';
import { isHomeWork, workHomeClick } from './home/actions.ts';

export interface SlackApp {
  app: App;
  /** mount with app.use(router) before any body parser: Bolt verifies the raw body's signature */
  router: Router | null;
  /** starts the worker of Slack work recorded before its ack; Socket Mode: also connects (HTTP: the router is served by the web server) */
  start(): Promise<void>;
  stop(): Promise<void>;
  deliverNotification(payload: Notification, messageId: string, environmentId?: string | null): Promise<{ channel: string; ts: string }>;
  /** distribution mode: the "Add to Slack" flow */
  oauth: SlackOAuth | null;
  /** keeps the open App Homes current */
  homes: HomeRefresher;
  /** resolves once no Slack request waits for its ack (briefly at most): for work that can wait */
  quiet(): Promise<void>;
}

export interface SlackAppOptions {
  config: Pick<Config, 'slack'> & Partial<Pick<Config, 'publicUrl'>>;
  /** distribution mode: seals and opens the workspaces' tokens */
  cipher?: TokenCipher;
  deps: RightsDeps;
  logger: Logger;
  /** how long a Slack user's verified email is trusted before asking users.info again */
  identityTtlMs?: number;
  /** commands worked on at once after their ack: 1 for PGlite (it runs in this thread), more for PostgreSQL */
  workConcurrency?: number;
  /** how often an open App Home may be published again after changes */
  homeRefresh?: HomeRefresherOptions;
}

export function createSlackApp({ config, deps, logger, identityTtlMs, workConcurrency = 2, cipher, homeRefresh }: SlackAppOptions): SlackApp {
  const { botToken, signingSecret, appToken, apiUrl, command, clientId, clientSecret } = config.slack;
  const distribution = config.slack.mode === 'distribution';
  if (!botToken && !distribution) throw new Error('SLACK_BOT_TOKEN is required for the Slack app');
  if (distribution && (!clientId || !clientSecret || !cipher)) throw new Error('distribution mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and the token key');
  const log = logger.child({ surface: 'slack' });
  const bolt = boltLogger(log);
  const store = distribution ? new PrismaInstallationStore(deps, cipher!, 5_000, tokenRefresher(clientId!, clientSecret!, apiUrl)) : null;
  // A single workspace: the token is known, and asking auth.test for the bot's ids on every request
  // (Bolt's default without them) would cost a Web API call per command. Many workspaces: the token of
  // the request's workspace from the database; a workspace with none is answered by the guard below.
  const authorize: Authorize<boolean> = store
    ? async ({ teamId }) => {
        const found = teamId ? await store.fetchByTeam(teamId) : null;
        if (!found) return { workspaceEnvironmentId: null };
        const bot = found.installation.bot!;
        return { botToken: bot.token, botUserId: bot.userId, botId: bot.id, teamId: found.teamId, workspaceEnvironmentId: found.environmentId };
      }
    : async () => ({ botToken });
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
  if (distribution) app.use(unboundWorkspaceGuard(command, log) as Middleware<AnyMiddlewareArgs>);
  const ctx: SlackContext = {
    deps,
    identity: new Identity(deps, identityTtlMs, distribution ? 'distribution' : 'single', store ? async (teamId) => (await store.fetchByTeam(teamId))?.environmentId ?? null : undefined),
    logger: log,
    command,
    work: new WorkQueue(workConcurrency),
    queued: () => undefined,
  };
  const oauth = store
    ? createSlackOAuth({ clientId: clientId!, clientSecret: clientSecret!, apiUrl, publicUrl: config.publicUrl ?? 'http://localhost:3000', deps, store, logger: log })
    : null;
  ctx.oauth = oauth;
  ctx.installations = store;
  ctx.queued = () => worker.nudge();
  // Work recorded before an ack (src/slack/work.ts) is done by the outbox's leased worker, a few
  // pieces at a time, with the token of the workspace the request came from, as in a listener.
  const clientFor = async (teamId: string, extra: { rejectRateLimitedCalls?: boolean } = {}) => {
    const token = store ? (teamId ? (await store.fetchByTeam(teamId))?.installation.bot?.token : undefined) : botToken;
    return new webApi.WebClient(token, { ...clientOptions, ...extra, logger: bolt });
  };
  // Open App Homes follow changes; a rate-limited refresh waits for Slack's Retry-After itself.
  const homes = new HomeRefresher(ctx, (teamId) => clientFor(teamId, { rejectRateLimitedCalls: true }), homeRefresh);
  ctx.homes = homes;
  const inFlight = new InFlight();
  ctx.quiet = inFlight.quiet;
  const button = workButton(ctx);
  const homeClick = workHomeClick(ctx);
  const worker = createOutboxWorker({
    prisma: deps.prisma,
    quiet: inFlight.quiet,
    logger: log,
    kinds: ['SLACK_WORK'],
    deliverWork: workDelivery(ctx, clientFor, {
      command: (work, answer, client) => runSubcommand(ctx, work.command, client, answer),
      button: (work, answer, client) => (isHomeWork(work) ? homeClick(work, client) : button(work, answer, client)),
      bulk: bulkInvitationWork(ctx),
      confirm: (work, _answer, client) =>
        postConfirmation(client, log.child({ requestId: work.requestId }), { channel: work.channel, user: work.user_id, text: work.text, requestId: work.requestId, locale: work.locale }),
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
    router.post('/slack/events', inFlight.track, limitSlackBody());
    router.use(receiver.router as Router);
  }

  const tokenFor: TokenForEnvironment = store
    ? async (environmentId) => (environmentId ? ((await store.fetchByEnvironment(environmentId))?.installation.bot?.token ?? null) : null)
    : async () => botToken ?? null;

  // a notification in a channel is in the environment's language; one sent to a person directly (a
  // Slack user id as its channel), in theirs
  const localeFor: LocaleForRecipient = async (environmentId, channel) => {
    if (!environmentId) return 'en';
    const env = await deps.prisma.environment.findUnique({ where: { id: environmentId }, select: { locale: true } });
    const person = /^[UW]/.test(channel)
      ? await deps.prisma.user.findFirst({ where: { environmentId, slackUserId: channel }, select: { locale: true } })
      : null;
    return readerLocale(env, person);
  };

  return {
    app,
    router,
    async start() {
      worker.start();
      homes.start();
      if (socketMode) await app.start();
    },
    async stop() {
      if (socketMode) await app.stop();
      await homes.stop();
      await worker.stop();
    },
    deliverNotification: createNotifier(tokenFor, apiUrl, { localeFor }),
    oauth,
    homes,
    quiet: inFlight.quiet,
  };
}
