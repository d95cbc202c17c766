// Registration (email, verification link, name, company and password), login and logout; the
// forgotten-password pages (password-router.ts) and the account page (account-page-router.ts) are
// mounted here too. Every form is CSRF protected; login, registration and password requests are
// rate-limited per client address and per email; no answer tells whether an address is registered.
import { Router } from 'express';
import { completeRegistration, createSession, describeRegistration, endSession, isAppError, login, startRegistration } from '../../rights/index.ts';
import { normaliseEmail } from '../../rights/email.ts';
import { fieldError, isFormProblem, pageStatus, refusalMessage } from '../errors.ts';
import { formValue, type FieldError } from '../form.ts';
import { t } from '../../i18n/catalogue.ts';
import { pickLocale } from '../i18n.ts';
import type { WebContext } from '../server.ts';
import { accountPageRouter } from './account-page-router.ts';
import { passwordRouter } from './password-router.ts';
import { DeviceCookies, loginThrottle, registrationLimits, TooManyAttempts, type LoginAttempt } from './rate-limits.ts';
import { protectForm, send, tooMany } from './respond.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.ts';
import { checkEmailPage, completePage, linkProblemPage, loginPage, registerPage } from './views.ts';

export function accountRouter(ctx: WebContext): Router {
  const router = Router();
  const { deps, csrf, secureCookies } = ctx;
  const throttle = loginThrottle(deps.prisma);
  const devices = new DeviceCookies(ctx.deviceKey, secureCookies);
  const registrationLimit = registrationLimits(deps.prisma);

  router.use(['/register', '/login', '/logout'], csrf.browserId);

  router.get('/register', (req, res) => {
    send(res, 200, registerPage(pickLocale(req), csrf.token(req, res)));
  });

  router.post('/register', protectForm(csrf, '/register'), async (req, res) => {
    const locale = pickLocale(req);
    const typed = formValue(req, 'email');
    const email = normaliseEmail(typed);
    if (!email) {
      send(res, 400, registerPage(locale, csrf.token(req, res), { email: typed, error: { field: 'email', message: t(locale, 'web.common.badEmail') } }));
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
      send(res, 200, completePage(pickLocale(req, v.locale), csrf.token(req, res), { token, email: v.email, newEnvironment: v.newEnvironment }));
    } catch (err) {
      if (!isAppError(err)) throw err;
      const locale = pickLocale(req);
      send(res, pageStatus(err), linkProblemPage(locale, refusalMessage(locale, err)));
    }
  });

  router.post('/register/verify', protectForm(csrf, '/register'), async (req, res) => {
    const locale = pickLocale(req);
    const token = formValue(req, 'token');
    const name = formValue(req, 'name');
    const environmentName = formValue(req, 'environmentName');
    const password = formValue(req, 'password');
    /** The form again with what was typed (never the passwords), or the link's problem when the link is over. */
    const again = async (status: number, error: FieldError) => {
      let v: Awaited<ReturnType<typeof describeRegistration>>;
      try {
        v = await describeRegistration(deps, token);
      } catch (err) {
        if (!isAppError(err)) throw err;
        return send(res, pageStatus(err), linkProblemPage(locale, refusalMessage(locale, err)));
      }
      send(res, status, completePage(locale, csrf.token(req, res), { token, email: v.email, newEnvironment: v.newEnvironment, name, environmentName, error }));
    };
    if (password !== formValue(req, 'confirm')) {
      await again(400, { field: 'confirm', message: t(locale, 'web.common.mismatch') });
      return;
    }
    try {
      const result = await completeRegistration(deps, { token, name, password, environmentName });
      const session = await createSession(deps, result.user.id, req.get('user-agent'));
      setSessionCookie(res, secureCookies, session.token, session.expiresAt);
      req.log.info({ userId: result.user.id, environmentId: result.user.environmentId, outcome: result.outcome }, 'registered');
      // the welcome says how the administrators were told (by email while Slack knows none of them)
      const told = 'administratorsTold' in result && result.administratorsTold === 'email' ? '&told=email' : '';
      res.redirect(303, `/account?lang=${locale}&welcome=${result.outcome}${told}`);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (isFormProblem(err)) return again(pageStatus(err), fieldError(locale, err));
      send(res, pageStatus(err), linkProblemPage(locale, refusalMessage(locale, err)));
    }
  });

  router.get('/login', (req, res) => {
    const locale = pickLocale(req);
    send(res, 200, loginPage(locale, csrf.token(req, res), { notice: req.query.loggedOut === '1' ? t(locale, 'web.login.loggedOut') : undefined }));
  });

  router.post('/login', protectForm(csrf, '/login'), async (req, res) => {
    const locale = pickLocale(req);
    const email = formValue(req, 'email');
    const key = normaliseEmail(email) ?? email.trim().toLowerCase().slice(0, 320);
    // A browser that logged in to this account before (device cookie) is never slowed down by strangers' failures.
    const attempt: LoginAttempt = { ip: req.ip ?? '', email: key, device: devices.deviceFor(req, key) };
    try {
      await throttle.check(attempt);
    } catch (err) {
      if (!(err instanceof TooManyAttempts)) throw err;
      req.log.warn('login refused: too many attempts');
      res.setHeader('retry-after', String(err.retryAfterSeconds));
      send(res, 429, loginPage(locale, csrf.token(req, res), { email, error: { message: tooMany(locale, err) } }));
      return;
    }
    try {
      const session = await login(deps, { email, password: formValue(req, 'password'), userAgent: req.get('user-agent') }).catch(async (err: unknown) => {
        if (isAppError(err) && err.code === 'not_authenticated') await throttle.failed(attempt);
        throw err;
      });
      await throttle.succeeded(attempt);
      devices.issue(req, res, key);
      // A fresh session per login; the one this browser had before ends.
      await endSession(deps, sessionToken(req, secureCookies));
      setSessionCookie(res, secureCookies, session.token, session.expiresAt);
      req.log.info({ userId: session.userId }, 'logged in');
      // The account page is in the person's own language (or their environment's), whatever this page's was.
      res.redirect(303, '/account');
    } catch (err) {
      if (!isAppError(err)) throw err;
      // Every refusal reads the same, so the page never tells whether an address has an account.
      send(res, pageStatus(err), loginPage(locale, csrf.token(req, res), {
        email,
        error: isFormProblem(err) ? fieldError(locale, err) : { message: t(locale, 'rights.login.refused') },
      }));
    }
  });

  router.post('/logout', protectForm(csrf, '/account'), async (req, res) => {
    await endSession(deps, sessionToken(req, secureCookies));
    clearSessionCookie(res, secureCookies);
    res.redirect(303, `/login?lang=${pickLocale(req)}&loggedOut=1`);
  });

  router.use(passwordRouter(ctx));
  // Changing a password from the account page counts against the same limits as logging in.
  router.use(accountPageRouter(ctx, { password: throttle, devices }));
  return router;
}
