// Distribution mode's "Add to Slack": GET /slack/install (an active environment Administrator logged
// in on the web gets a single-use state tied to this session and environment, in the database and in
// a cookie, and goes to Slack's authorize page) and GET /slack/oauth_redirect (state, cookie and
// session checked before the code is exchanged; the page says what happened and what to do next).
import { Router, type Request, type Response } from 'express';
import { findSessionUser, isAppError, startSlackInstall, SLACK_INSTALL_STATE_TTL_MS } from '../../rights/index.ts';
import { STATE_COOKIE, type InstallOutcome } from '../../slack/oauth.ts';
import { sayer } from '../../i18n/sentence.ts';
import { html } from '../html.ts';
import { pickLocale, type Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';
import type { WebContext } from '../server.ts';
import { send } from './respond.ts';
import { sessionToken } from './session-cookie.ts';
import { problemPage } from './views.ts';

const STATUS: Record<Extract<InstallOutcome, { kind: 'refused' }>['reason'], number> = {
  state: 403, session: 401, forbidden: 403, workspace_bound_elsewhere: 409, environment_has_workspace: 409, enterprise: 400, cancelled: 400, failed: 502,
};

export function slackInstallRouter(ctx: WebContext, command = '/econnect'): Router {
  const router = Router();
  const oauth = ctx.slackOAuth;
  if (!oauth) return router;
  const { deps, secureCookies } = ctx;

  router.get('/slack/install', async (req: Request, res: Response) => {
    const locale = pickLocale(req);
    const w = sayer(locale);
    const user = await findSessionUser(deps, sessionToken(req, secureCookies));
    if (!user) return send(res, 401, problemPage(locale, w('web.slack.refusedTitle'), w('web.slack.loginFirst'), [{ href: '/login', label: w('web.common.logIn') }]));
    try {
      const { state } = await startSlackInstall(deps, { userId: user.id, requestId: req.requestId }, { sessionId: user.sessionId });
      res.cookie(STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: SLACK_INSTALL_STATE_TTL_MS });
      res.setHeader('cache-control', 'no-store');
      res.redirect(303, await oauth.installUrl(state));
    } catch (err) {
      if (!isAppError(err)) throw err;
      send(res, 403, problemPage(locale, w('web.slack.refusedTitle'), err.messageIn(locale), [{ href: '/account', label: w('web.slack.accountPage') }]));
    }
  });

  router.get('/slack/oauth_redirect', async (req: Request, res: Response) => {
    const outcome = await oauth.complete(req, res, sessionToken(req, secureCookies));
    const locale: Locale = pickLocale(req);
    const w = sayer(locale);
    if (outcome.kind === 'refused') {
      req.log.info({ reason: outcome.reason }, 'Slack installation refused');
      return send(res, STATUS[outcome.reason], problemPage(locale, w('web.slack.refusedTitle'), outcome.error.messageIn(locale), [{ href: '/account', label: w('web.slack.accountPage') }]));
    }
    const team = outcome.teamName ? `${outcome.teamName} (${outcome.teamId})` : outcome.teamId;
    send(res, 200, page({
      locale,
      title: w('web.slack.doneTitle'),
      path: '/account',
      body: html`<div class="notice" role="status" data-outcome="${outcome.kind}"><p>${outcome.kind === 'bound' ? w('web.slack.done', { team }) : w('web.slack.again', { team })}</p></div>
<p>${w('web.slack.next')}</p><ul><li><code>${command} help</code> ${w('web.slack.help')}</li><li><code>${command} notify-here</code> ${w('web.slack.notify')}</li></ul>
${waysOn([{ href: withLang('/account', locale), label: w('web.slack.accountPage') }])}`,
    }));
  });

  return router;
}
