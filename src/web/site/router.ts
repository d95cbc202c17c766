// GET / : what this is, log in, register (or, for someone logged in, the way to their account).
import { Router } from 'express';
import { findSessionUser } from '../../rights/index.ts';
import { sessionToken } from '../account/session-cookie.ts';
import { personLocale, pickLocale } from '../i18n.ts';
import type { WebContext } from '../server.ts';
import { startPage } from './views.ts';

export function siteRouter(ctx: WebContext): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = await findSessionUser(ctx.deps, sessionToken(req, ctx.secureCookies));
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(startPage(user ? personLocale(req, user) : pickLocale(req), Boolean(user)));
  });
  return router;
}
