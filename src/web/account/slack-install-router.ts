// Distribution mode's "Add to Slack": GET /slack/install (an active environment Administrator logged
// in on the web gets a single-use state tied to this session and environment, in the database and in
// a cookie, and goes to Slack's authorize page) and GET /slack/oauth_redirect (state, cookie and
// session checked before the code is exchanged; the page says what happened and what to do next).
import { Router, type Request, type Response } from 'express';
import { findSessionUser, isAppError, startSlackInstall, SLACK_INSTALL_STATE_TTL_MS } from '../../rights/index.ts';
import { STATE_COOKIE, type InstallOutcome } from '../../slack/oauth.ts';
import { html } from '../html.ts';
import { pickLocale, type Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';
import type { WebContext } from '../server.ts';
import { send } from './respond.ts';
import { sessionToken } from './session-cookie.ts';
import { problemPage } from './views.ts';

const words = {
  en: {
    account: 'Your account page',
    logIn: 'Log in',
    refusedTitle: 'Slack was not connected',
    loginFirst: 'Log in as an administrator of your environment first; then choose "Add to Slack" on your account page.',
    doneTitle: 'Slack is connected',
    done: (team: string) => `The Slack workspace ${team} now belongs to your eConnect environment. Only requests from this workspace act in your environment, and only for people who are active users of it.`,
    again: (team: string) => `eConnect was installed again in ${team}; the connection is renewed.`,
    next: 'Next, in Slack:',
    help: 'shows what eConnect can do;',
    notify: 'in a channel sends the administrators\' notifications there.',
  },
  nl: {
    account: 'Uw accountpagina',
    logIn: 'Inloggen',
    refusedTitle: 'Slack is niet gekoppeld',
    loginFirst: 'Log eerst in als beheerder van uw omgeving; kies daarna "Toevoegen aan Slack" op uw accountpagina.',
    doneTitle: 'Slack is gekoppeld',
    done: (team: string) => `De Slack-werkruimte ${team} hoort nu bij uw eConnect-omgeving. Alleen verzoeken uit deze werkruimte werken in uw omgeving, en alleen voor actieve gebruikers ervan.`,
    again: (team: string) => `eConnect is opnieuw geïnstalleerd in ${team}; de koppeling is vernieuwd.`,
    next: 'Daarna, in Slack:',
    help: 'laat zien wat eConnect kan;',
    notify: 'in een kanaal stuurt de meldingen voor beheerders daarheen.',
  },
};

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
    const w = words[locale];
    const user = await findSessionUser(deps, sessionToken(req, secureCookies));
    if (!user) return send(res, 401, problemPage(locale, w.refusedTitle, w.loginFirst, [{ href: '/login', label: w.logIn }]));
    try {
      const { state } = await startSlackInstall(deps, { userId: user.id, requestId: req.requestId }, { sessionId: user.sessionId });
      res.cookie(STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: SLACK_INSTALL_STATE_TTL_MS });
      res.setHeader('cache-control', 'no-store');
      res.redirect(303, await oauth.installUrl(state));
    } catch (err) {
      if (!isAppError(err)) throw err;
      send(res, 403, problemPage(locale, w.refusedTitle, err.userMessage, [{ href: '/account', label: w.account }]));
    }
  });

  router.get('/slack/oauth_redirect', async (req: Request, res: Response) => {
    const outcome = await oauth.complete(req, res, sessionToken(req, secureCookies));
    const locale: Locale = pickLocale(req);
    const w = words[locale];
    if (outcome.kind === 'refused') {
      req.log.info({ reason: outcome.reason }, 'Slack installation refused');
      return send(res, STATUS[outcome.reason], problemPage(locale, w.refusedTitle, outcome.message, [{ href: '/account', label: w.account }]));
    }
    const team = outcome.teamName ? `${outcome.teamName} (${outcome.teamId})` : outcome.teamId;
    send(res, 200, page({
      locale,
      title: w.doneTitle,
      path: '/account',
      body: html`<div class="notice" role="status" data-outcome="${outcome.kind}"><p>${outcome.kind === 'bound' ? w.done(team) : w.again(team)}</p></div>
<p>${w.next}</p><ul><li><code>${command} help</code> ${w.help}</li><li><code>${command} notify-here</code> ${w.notify}</li></ul>
${waysOn([{ href: withLang('/account', locale), label: w.account }])}`,
    }));
  });

  return router;
}
