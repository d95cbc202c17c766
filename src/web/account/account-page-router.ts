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
import { pickLocale, type Locale } from '../i18n.ts';
import { setLanguageCookie } from '../lang-cookie.ts';
import type { WebContext } from '../server.ts';
import { text as accountText } from './account-text.ts';
import { accountPage, type AccountForm } from './account-view.ts';
import { DeviceCookies, loginThrottle, TooManyAttempts, type LoginAttempt, type LoginThrottle } from './rate-limits.ts';
import { protectForm, send, tooMany } from './respond.ts';
import { clearSessionCookie, sessionToken } from './session-cookie.ts';
import { fieldWords, fill, text } from './text.ts';
import { problemPage } from './views.ts';

const welcomes: Record<RegistrationOutcome, 'welcomeJoined' | 'welcomeJoinedByEmail' | 'welcomeNew' | 'welcomePublic'> = {
  joined: 'welcomeJoined',
  new_environment: 'welcomeNew',
  new_environment_public_domain: 'welcomePublic',
};

const doneNotices = {
  name: 'doneName', password: 'donePassword', language: 'doneLanguage', sessions: 'doneSessions',
  'environment-name': 'doneEnvironmentName', 'environment-language': 'doneEnvironmentLanguage', reset: 'doneReset',
  'slack-disconnected': 'doneSlackDisconnected',
} as const;

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

  const localeOf = (req: Request): Locale => pickLocale(req, req.accountUser?.language);
  const actorOf = (req: Request): Actor => ({ userId: req.accountUser!.id, requestId: req.requestId });

  /** `notice` may name the environment as {environment}. */
  async function render(req: Request, res: Response, status: number, extra: { notice?: string; problem?: { form: AccountForm; error: FieldError; typed?: string } } = {}) {
    const user = req.accountUser!;
    const locale = localeOf(req);
    const account = await describeAccount(deps, user.id);
    if (!account) return res.redirect(303, `/login?lang=${locale}`);
    if (extra.notice) extra = { ...extra, notice: fill(extra.notice, { environment: account.environmentName }) };
    const [sessions, environment] = await Promise.all([
      listSessions(deps, actorOf(req), sessionToken(req, secureCookies)),
      account.mayConfigureEnvironment ? describeEnvironment(deps, actorOf(req)) : Promise.resolve(null),
    ]);
    const withSlack = environment && { ...environment, slackInstall: Boolean(ctx.slackOAuth) };
    send(res, status, accountPage(locale, { account, sessions, environment: withSlack, csrf: csrf.token(req, res), ...extra }));
  }

  router.use('/account', csrf.browserId, loggedIn);

  router.get('/account', async (req, res) => {
    const locale = localeOf(req);
    const outcome = welcomes[req.query.welcome as RegistrationOutcome];
    const welcome = outcome === 'welcomeJoined' && req.query.told === 'email' ? 'welcomeJoinedByEmail' : outcome;
    const done = doneNotices[req.query.done as keyof typeof doneNotices];
    await render(req, res, 200, { notice: welcome ? text[locale][welcome] : done ? accountText[locale][done] : undefined });
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
        const error = fieldError(locale, err, fieldWords);
        const field = form === 'environment-name' && error.field === 'name' ? 'environmentName' : error.field;
        const typed = form === 'environment-name' ? formValue(req, 'environmentName') : formValue(req, 'name');
        return render(req, res, pageStatus(err), { problem: { form, error: { ...error, field }, typed } });
      }
      const s = text[locale];
      const message = err.code === 'forbidden' ? s.forbidden : refusalMessage(locale, err, {});
      send(res, pageStatus(err), problemPage(locale, s.forbiddenTitle, message, [{ href: '/account', label: accountText[locale].title }]));
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
      await render(req, res, 400, { problem: { form: 'password', error: { field: 'confirm', message: text[locale].mismatch } } });
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
