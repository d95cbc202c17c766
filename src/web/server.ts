// The HTTP side of the process: health checks, the web pages, the rights API and, mounted by
// main.ts, Slack's /slack/events. One express app on PORT.
import { randomUUID } from 'node:crypto';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { RightsDeps } from '../rights/index.ts';
import type { SlackOAuth } from '../slack/oauth.ts';
import type { CsrfTools } from './csrf.ts';
import { notFound, unexpectedError } from './errors.ts';
import { rememberLanguage } from './lang-cookie.ts';

export interface WebContext {
  db: Database;
  deps: RightsDeps;
  logger: Logger;
  csrf: CsrfTools;
  /** https PUBLIC_URL: cookies are Secure */
  secureCookies: boolean;
  /** the key that signs login device cookies (src/web/account/rate-limits.ts), from the database */
  deviceKey: string;
  /** distribution mode: "Add to Slack" and disconnecting the environment's workspace */
  slackOAuth?: SlackOAuth | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    log: Logger;
    requestId: string;
  }
}

export interface WebRoutes {
  /** mounted before the body parsers (Slack verifies the raw body itself) */
  slack?: Router | ((req: Request, res: Response, next: NextFunction) => void);
  /** the pages and the API, each a router built with the WebContext */
  routers?: Router[];
}

export function createWebApp(ctx: WebContext, routes: WebRoutes = {}) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    // made when first used: most requests (every Slack ack) log nothing, and a child logger costs
    let log: Logger | undefined;
    const { method, path } = req;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: true,
      get: () => {
        log ??= ctx.logger.child({ requestId: req.requestId, method, path });
        return log;
      },
      set: (value: Logger) => {
        log = value;
      },
    });
    res.setHeader('x-request-id', req.requestId);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await ctx.db.ready();
    res.status(ready ? 200 : 503).json({ ok: ready, database: ready ? 'ready' : 'unreachable or migrations pending' });
  });

  if (routes.slack) app.use(routes.slack);

  app.use((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    next();
  });
  app.use(cookieParser());
  app.use(rememberLanguage(ctx.secureCookies));
  app.use(express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 50 }));
  app.use(express.json({ limit: '32kb' }));
  for (const r of routes.routers ?? []) app.use(r);

  app.use(notFound);
  app.use(unexpectedError);
  return app;
}
