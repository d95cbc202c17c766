// Registration (email, verification link, name and password), login, logout and the account page.
// Every form is CSRF protected; login and registration are rate-limited per client address and per
// email; no answer tells whether an address is registered.
import { Router, type NextFunction, type Request, type Response } from 'express';
import {
  completeRegistration, createSession, describeAccount, describeRegistration, endSession, findSessionUser, isAppError, login,
  startRegistration, type RegistrationOutcome,
} from '../../rights/index.ts';
import { normaliseEmail } from '../../rights/email.ts';
import { fieldError, isFormProblem, pageStatus, refusalMessage } from '../errors.ts';
import { formValue } from '../form.ts';
import { pickLocale, type Locale } from '../i18n.ts';
import type { WebContext } from '../server.ts';
import { loginLimits, registrationLimits, TooManyAttempts } from './rate-limits.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.ts';
import { fieldWords, fill, registrationRefusals, text } from './text.ts';
import { accountPage, checkEmailPage, completePage, linkProblemPage, loginPage, problemPage, registerPage } from './views.ts';

const outcomes: Record<RegistrationOutcome, 'welcomeJoined' | 'welcomeNew' | 'welcomePublic'> = {
  joined: 'welcomeJoined',
  new_environment: 'welcomeNew',
  new_environment_public_domain: 'welcomePublic',
};

export function accountRouter(ctx: WebContext): Router {
  const router = Router();
  const { deps, csrf, secureCookies } = ctx;
  const loginLimit = loginLimits();
  const registrationLimit = registrationLimits();

  const send = (res: Response, status: number, body: string) => {
    res.status(status).setHeader('cache-control', 'no-store');
    res.type('html').send(body);
  };
  const tooMany = (locale: Locale, err: TooManyAttempts) => fill(text[locale].tooMany, { minutes: String(Math.ceil(err.retryAfterSeconds / 60)) });

  // A forged or stale form post gets a page that says what to do, and changes nothing.
  const protect = (back: string) => (req: Request, res: Response, next: NextFunction) => {
    csrf.protect(req, res, (err?: unknown) => {
      if (!err) return next();
      const locale = pickLocale(req);
      req.log.warn('form post refused: missing or wrong form token');
      res.setHeader('retry-after', '0');
      send(res, 403, problemPage(locale, text[locale].forgedTitle, text[locale].forged, { href: back, label: locale === 'nl' ? 'Opnieuw openen' : 'Open the page again' }));
    });
  };

  router.use(['/register', '/login', '/logout', '/account'], csrf.browserId);

  router.get('/register', (req, res) => {
    send(res, 200, registerPage(pickLocale(req), csrf.token(req, res)));
  });

  router.post('/register', protect('/register'), async (req, res) => {
    const locale = pickLocale(req);
    const typed = formValue(req, 'email');
    const email = normaliseEmail(typed);
    if (!email) {
      send(res, 400, registerPage(locale, csrf.token(req, res), { email: typed, error: { field: 'email', message: text[locale].badEmail } }));
      return;
    }
    try {
      await registrationLimit.consume(req.ip ?? '', email);
    } catch (err) {
      if (!(err instanceof TooManyAttempts)) throw err;
      res.setHeader('retry-after', String(err.retryAfterSeconds));
      send(res, 429, registerPage(locale, csrf.token(req, res), { email: typed, error: { message: tooMany(locale, err) } }));
      return;
    }
    await startRegistration(deps, { email, locale });
    // The same page whether or not the address has an account: the email says which it is.
    send(res, 200, checkEmailPage(locale, email));
  });

  router.get('/register/verify', async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    try {
      const v = await describeRegistration(deps, token);
      send(res, 200, completePage(pickLocale(req, v.locale), csrf.token(req, res), { token, email: v.email }));
    } catch (err) {
      if (!isAppError(err)) throw err;
      const locale = pickLocale(req);
      send(res, pageStatus(err), linkProblemPage(locale, refusalMessage(locale, err, registrationRefusals)));
    }
  });

  router.post('/register/verify', protect('/register'), async (req, res) => {
    const locale = pickLocale(req);
    const token = formValue(req, 'token');
    const name = formValue(req, 'name');
    try {
      const result = await completeRegistration(deps, { token, name, password: formValue(req, 'password') });
      const session = await createSession(deps, result.user.id);
      setSessionCookie(res, secureCookies, session.token, session.expiresAt);
      req.log.info({ userId: result.user.id, environmentId: result.user.environmentId, outcome: result.outcome }, 'registered');
      res.redirect(303, `/account?lang=${locale}&welcome=${result.outcome}`);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (isFormProblem(err)) {
        const v = await describeRegistration(deps, token).catch(() => null);
        if (v) {
          send(res, pageStatus(err), completePage(locale, csrf.token(req, res), { token, email: v.email, name, error: fieldError(locale, err, fieldWords) }));
          return;
        }
      }
      send(res, pageStatus(err), linkProblemPage(locale, refusalMessage(locale, err, registrationRefusals)));
    }
  });

  router.get('/login', (req, res) => {
    const locale = pickLocale(req);
    send(res, 200, loginPage(locale, csrf.token(req, res), { notice: req.query.loggedOut === '1' ? text[locale].loggedOut : undefined }));
  });

  router.post('/login', protect('/login'), async (req, res) => {
    const locale = pickLocale(req);
    const email = formValue(req, 'email');
    const key = normaliseEmail(email) ?? email.trim().toLowerCase().slice(0, 320);
    try {
      await loginLimit.consume(req.ip ?? '', key);
    } catch (err) {
      if (!(err instanceof TooManyAttempts)) throw err;
      req.log.warn('login refused: too many attempts');
      res.setHeader('retry-after', String(err.retryAfterSeconds));
      send(res, 429, loginPage(locale, csrf.token(req, res), { email, error: { message: tooMany(locale, err) } }));
      return;
    }
    try {
      const session = await login(deps, { email, password: formValue(req, 'password') });
      await loginLimit.reward(key);
      // A fresh session per login; the one this browser had before ends.
      await endSession(deps, sessionToken(req, secureCookies));
      setSessionCookie(res, secureCookies, session.token, session.expiresAt);
      req.log.info({ userId: session.userId }, 'logged in');
      res.redirect(303, `/account?lang=${locale}`);
    } catch (err) {
      if (!isAppError(err)) throw err;
      // Every refusal reads the same, so the page never tells whether an address has an account.
      send(res, pageStatus(err), loginPage(locale, csrf.token(req, res), {
        email,
        error: isFormProblem(err) ? fieldError(locale, err, fieldWords) : { message: text[locale].loginRefused },
      }));
    }
  });

  router.post('/logout', protect('/account'), async (req, res) => {
    await endSession(deps, sessionToken(req, secureCookies));
    clearSessionCookie(res, secureCookies);
    res.redirect(303, `/login?lang=${pickLocale(req)}&loggedOut=1`);
  });

  router.get('/account', async (req, res) => {
    const locale = pickLocale(req);
    const user = await findSessionUser(deps, sessionToken(req, secureCookies));
    const account = user ? await describeAccount(deps, user.id) : null;
    if (!user || !account) {
      // An ended session (logout, blocked, removed, expired): the cookie is useless, drop it.
      if (sessionToken(req, secureCookies)) clearSessionCookie(res, secureCookies);
      res.setHeader('cache-control', 'no-store');
      res.redirect(303, `/login?lang=${locale}`);
      return;
    }
    const welcome = outcomes[req.query.welcome as RegistrationOutcome];
    send(res, 200, accountPage(locale, csrf.token(req, res), account, welcome ? text[locale][welcome] : undefined));
  });

  return router;
}
