// GET /account and its forms: the person's name, password, language and other sessions; an
// environment Administrator's rename and language of the environment. Each form posts, changes one
// thing through the rights service, and comes back to the page with what happened (post, redirect,
// get); a problem shows the page again with the field marked and what was typed.
import { Router, type NextFunction, type Request, type Response } from 'express';
import {
  changeName, changePassword, describeAccount, describeEnvironment, endOtherSessions, findSessionUser, isAppError, listSessions,
  renameEnvironment, setEnvironmentLanguage, setLanguage, type Actor, type RegistrationOutcome,
} from '../../rights/index.ts';
import { fieldError, isFormProblem, pageStatus, refusalMessage } from '../errors.ts';
import { formValue, type FieldError } from '../form.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { say } from '../../i18n/sentence.ts';
import { personLocale, pickLocale, type Locale } from '../i18n.ts';
import { setLanguageCookie } from '../lang-cookie.ts';
import type { WebContext } from '../server.ts';
import { accountPage, type AccountForm } from './account-view.ts';
import { DeviceCookies, loginThrottle, TooManyAttempts, type LoginAttempt, type LoginThrottle } from './rate-limits.ts';
import { protectForm, send, tooMany } from './respond.ts';
import { clearSessionCookie, sessionToken } from './session-cookie.ts';
import { problemPage } from './views.ts';

const welcomes: Record<RegistrationOutcome, MessageKey> = {
  joined: 'web.account.welcomeJoined',
  new_environment: 'web.account.welcomeNew',
  new_environment_public_domain: 'web.account.welcomePublic',
};

const doneNotices: Record<string, MessageKey> = {
  name: 'web.account.doneName', password: 'web.account.donePassword', language: 'web.account.doneLanguage', sessions: 'web.account.doneSessions',
  'environment-name': 'web.account.doneEnvironmentName', 'environment-language': 'web.account.doneEnvironmentLanguage', reset: 'web.account.doneReset',
  'slack-disconnected': 'web.account.doneSlackDisconnected',
};

type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

declare module 'express-serve-static-core' {
  interface Request {
    /** the logged-in person on /account and its forms */
    accountUser?: SessionUser;
  }
}

export function accountPageRouter(
  ctx: WebContext,
  limits: { password: LoginThrottle; devices: DeviceCookies } = { password: loginThrottle(ctx.deps.prisma), devices: new DeviceCookies(ctx.deviceKey, ctx.secureCookies) },
): Router {
  const router = Router();
  const { deps, csrf, secureCookies } = ctx;
  const protect = protectForm(csrf, '/account');

  /** The logged-in person, or off to the login page (an ended session's cookie is dropped). */
  async function loggedIn(req: Request, res: Response, next: NextFunction) {
    const user = await findSessionUser(deps, sessionToken(req, secureCookies));
    if (!user) {
      if (sessionToken(req, secureCookies)) clearSessionCookie(res, secureCookies);
      res.setHeader('cache-control', 'no-store');
      res.redirect(303, `/login?lang=${pickLocale(req)}`);
      return;
    }
    req.accountUser = user;
    next();
  }

  /** The person's own language, else their environment's; the page's language switch (?lang=) wins. */
  const localeOf = (req: Request): Locale => personLocale(req, req.accountUser!);
  const actorOf = (req: Request): Actor => ({ userId: req.accountUser!.id, requestId: req.requestId });

  /** `notice`: a message, which may name the environment as {environment}. */
  async function render(req: Request, res: Response, status: number, extra: { notice?: MessageKey; problem?: { form: AccountForm; error: FieldError; typed?: string } } = {}) {
    const user = req.accountUser!;
    const locale = localeOf(req);
    const account = await describeAccount(deps, user.id);
    if (!account) return res.redirect(303, `/login?lang=${locale}`);
    const notice = extra.notice ? say(locale, extra.notice, { environment: account.environmentName }) : undefined;
    const [sessions, environment] = await Promise.all([
      listSessions(deps, actorOf(req), sessionToken(req, secureCookies)),
      account.mayConfigureEnvironment ? describeEnvironment(deps, actorOf(req)) : Promise.resolve(null),
    ]);
    const withSlack = environment && { ...environment, slackInstall: Boolean(ctx.slackOAuth) };
    send(res, status, accountPage(locale, { account, sessions, environment: withSlack, csrf: csrf.token(req, res), problem: extra.problem, notice }));
  }

  router.use('/account', csrf.browserId, loggedIn);

  router.get('/account', async (req, res) => {
    const outcome = Object.hasOwn(welcomes, String(req.query.welcome)) ? welcomes[req.query.welcome as RegistrationOutcome] : undefined;
    const welcome = outcome === 'web.account.welcomeJoined' && req.query.told === 'email' ? 'web.account.welcomeJoinedByEmail' : outcome;
    const done = Object.hasOwn(doneNotices, String(req.query.done)) ? doneNotices[req.query.done as string] : undefined;
    await render(req, res, 200, { notice: welcome ?? done });
  });

  /** Runs one change; a form problem shows the page again on `form`, a refusal its own page. */
  const change = (form: AccountForm | null, run: (req: Request, res: Response) => Promise<string | null>) => async (req: Request, res: Response) => {
    const locale = localeOf(req);
    try {
      const done = await run(req, res);
      // a language just chosen wins over the ?lang= of the page the form was on
      const next: Locale = (res.locals.locale as Locale | undefined) ?? locale;
      if (done) res.redirect(303, `/account?lang=${next}&done=${done}`);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (form && isFormProblem(err)) {
        const error = fieldError(locale, err);
        const field = form === 'environment-name' && error.field === 'name' ? 'environmentName' : error.field;
        const typed = form === 'environment-name' ? formValue(req, 'environmentName') : formValue(req, 'name');
        return render(req, res, pageStatus(err), { problem: { form, error: { ...error, field }, typed } });
      }
      const message = err.code === 'forbidden' ? say(locale, 'web.common.forbidden') : refusalMessage(locale, err);
      send(res, pageStatus(err), problemPage(locale, say(locale, 'web.common.notAllowedTitle'), message, [{ href: '/account', label: say(locale, 'web.account.title') }]));
    }
  };

  router.post('/account/name', protect, change('name', async (req) => {
    await changeName(deps, actorOf(req), { name: formValue(req, 'name') });
    return 'name';
  }));

  router.post('/account/password', protect, change('password', async (req, res) => {
    const locale = localeOf(req);
    const password = formValue(req, 'password');
    if (password !== formValue(req, 'confirm')) {
      await render(req, res, 400, { problem: { form: 'password', error: { field: 'confirm', message: say(locale, 'web.common.mismatch') } } });
      return null;
    }
    // Guessing the current password from a borrowed session is slowed down like guessing it at login.
    const email = req.accountUser!.email;
    const attempt: LoginAttempt = { ip: req.ip ?? '', email, device: limits.devices.deviceFor(req, email) };
    try {
      await limits.password.check(attempt);
    } catch (err) {
      if (!(err instanceof TooManyAttempts)) throw err;
      res.setHeader('retry-after', String(err.retryAfterSeconds));
      await render(req, res, 429, { problem: { form: 'password', error: { message: tooMany(locale, err) } } });
      return null;
    }
    await changePassword(deps, actorOf(req), { current: formValue(req, 'current'), password, sessionToken: sessionToken(req, secureCookies) }).catch(async (err: unknown) => {
      if (isAppError(err) && err.field === 'current') await limits.password.failed(attempt);
      throw err;
    });
    await limits.password.succeeded(attempt);
    return 'password';
  }));

  router.post('/account/language', protect, change(null, async (req, res) => {
    const chosen = formValue(req, 'locale');
    const locale = chosen === 'en' || chosen === 'nl' ? chosen : null;
    await setLanguage(deps, actorOf(req), { locale });
    const account = await describeAccount(deps, req.accountUser!.id);
    res.locals.locale = locale ?? (account?.environmentLocale === 'nl' ? 'nl' : 'en');
    // the cookie keeps the language for pages opened without ?lang=
    setLanguageCookie(res, res.locals.locale as Locale, secureCookies);
    return 'language';
  }));

  router.post('/account/sessions/end-others', protect, change(null, async (req) => {
    await endOtherSessions(deps, actorOf(req), sessionToken(req, secureCookies));
    return 'sessions';
  }));

  router.post('/account/environment/name', protect, change('environment-name', async (req) => {
    await renameEnvironment(deps, actorOf(req), { name: formValue(req, 'environmentName') });
    return 'environment-name';
  }));

  router.post('/account/environment/language', protect, change(null, async (req) => {
    await setEnvironmentLanguage(deps, actorOf(req), { locale: formValue(req, 'locale') as 'en' });
    return 'environment-language';
  }));

  const slackOAuth = ctx.slackOAuth;
  if (slackOAuth) {
    router.post('/account/slack/disconnect', protect, change(null, async (req) => {
      await slackOAuth.disconnect(actorOf(req), req.accountUser!.environmentId);
      return 'slack-disconnected';
    }));
  }

  return router;
}
