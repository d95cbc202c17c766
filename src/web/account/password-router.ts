// Forgotten passwords: GET/POST /password/forgot asks for the address and answers the same whatever it
// is (after the same minimum time, so timing does not tell either); GET/POST /password/reset?token=…
// chooses the new password, logs the person in here and out everywhere else. Rate-limited per client
// address and per email; links that do not exist slow down their guesser like activation links do.
import { Router, type Request, type Response } from 'express';
import { completePasswordReset, createSession, describePasswordReset, isAppError, requestPasswordReset } from '../../rights/index.ts';
import { normaliseEmail } from '../../rights/email.ts';
import { wrongTokenLimiter } from '../activation/limiter.ts';
import { fieldError, isFormProblem, pageStatus } from '../errors.ts';
import { formValue } from '../form.ts';
import { type MessageKey, t } from '../../i18n/catalogue.ts';
import { pickLocale } from '../i18n.ts';
import type { WebContext } from '../server.ts';
import { forgotPage, forgotSentPage, resetLinkProblemPage, resetPage } from './password-views.ts';
import { passwordResetLimits, TooManyAttempts } from './rate-limits.ts';
import { protectForm, send, tooMany } from './respond.ts';
import { setSessionCookie } from './session-cookie.ts';

/** Every answer to a request takes at least this long, whether an email was queued or not. */
export const FORGOT_ANSWER_MS = 600;

/** Why a forgotten-password link does not work, by error code: said with the ways on of the page. */
const LINK_PROBLEMS = {
  password_reset_invalid: 'web.password.invalid',
  password_reset_expired: 'web.password.expired',
  password_reset_used: 'web.password.used',
  password_reset_revoked: 'web.password.revoked',
} as const satisfies Record<string, MessageKey>;
type ResetLinkProblem = keyof typeof LINK_PROBLEMS;
const isLinkProblem = (code: string): code is ResetLinkProblem => Object.hasOwn(LINK_PROBLEMS, code);

export function passwordRouter(ctx: WebContext): Router {
  const router = Router();
  const { deps, csrf, secureCookies } = ctx;
  const limit = passwordResetLimits(ctx.deps.prisma);
  const guesses = wrongTokenLimiter(ctx.deps.prisma, 'reset-token');
  const protect = protectForm(csrf, '/password/forgot');

  router.use('/password', csrf.browserId, (_req, res, next) => {
    // The token is in the address: never cache the page (Referrer-Policy is set globally).
    res.setHeader('cache-control', 'no-store');
    next();
  });

  router.get('/password/forgot', (req, res) => {
    send(res, 200, forgotPage(pickLocale(req), csrf.token(req, res)));
  });

  router.post('/password/forgot', protect, async (req, res) => {
    const locale = pickLocale(req);
    const typed = formValue(req, 'email');
    const email = normaliseEmail(typed);
    if (!email) {
      send(res, 400, forgotPage(locale, csrf.token(req, res), { email: typed, error: { field: 'email', message: t(locale, 'web.common.badEmail') } }));
      return;
    }
    try {
      await limit.consume(req.ip ?? '', email);
    } catch (err) {
      if (!(err instanceof TooManyAttempts)) throw err;
      res.setHeader('retry-after', String(err.retryAfterSeconds));
      send(res, 429, forgotPage(locale, csrf.token(req, res), { email: typed, error: { message: tooMany(locale, err) } }));
      return;
    }
    const [outcome] = await Promise.all([requestPasswordReset(deps, { email, locale }), new Promise((r) => setTimeout(r, FORGOT_ANSWER_MS))]);
    req.log.info({ outcome }, 'password reset requested');
    send(res, 200, forgotSentPage(locale, email));
  });

  /** The request behind a link, or the page that says why it does not work (and null). */
  async function usableLink(req: Request, res: Response, token: string) {
    const wait = await guesses.blockedFor(req.ip ?? '');
    const locale = pickLocale(req);
    if (wait > 0) {
      res.setHeader('retry-after', String(wait));
      send(res, 429, resetLinkProblemPage(locale, tooMany(locale, new TooManyAttempts(wait))));
      return null;
    }
    try {
      return await describePasswordReset(deps, token);
    } catch (err) {
      if (!isAppError(err) || !isLinkProblem(err.code)) throw err;
      if (err.code === 'password_reset_invalid') await guesses.wrongToken(req.ip ?? '');
      req.log.info({ problem: err.code }, 'password link refused');
      send(res, pageStatus(err), resetLinkProblemPage(locale, t(locale, LINK_PROBLEMS[err.code as ResetLinkProblem])));
      return null;
    }
  }

  router.get('/password/reset', async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const reset = await usableLink(req, res, token);
    if (!reset) return;
    send(res, 200, resetPage(pickLocale(req, reset.locale), csrf.token(req, res), { token, email: reset.email }));
  });

  router.post('/password/reset', protect, async (req, res) => {
    const token = formValue(req, 'token');
    const reset = await usableLink(req, res, token);
    if (!reset) return;
    const locale = pickLocale(req, reset.locale);
    const password = formValue(req, 'password');
    const again = (status: number, error: { field?: string; message: string }) =>
      send(res, status, resetPage(locale, csrf.token(req, res), { token, email: reset.email, error }));
    if (password !== formValue(req, 'confirm')) return again(400, { field: 'confirm', message: t(locale, 'web.common.mismatch') });
    try {
      const done = await completePasswordReset(deps, { token, password });
      const session = await createSession(deps, done.user.id, req.get('user-agent'));
      setSessionCookie(res, secureCookies, session.token, session.expiresAt);
      req.log.info({ userId: done.user.id, sessionsEnded: done.sessionsEnded }, 'password reset');
      res.redirect(303, `/account?lang=${locale}&done=reset`);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (isFormProblem(err)) return again(pageStatus(err), fieldError(locale, err));
      if (isLinkProblem(err.code)) return send(res, pageStatus(err), resetLinkProblemPage(locale, t(locale, LINK_PROBLEMS[err.code as ResetLinkProblem])));
      throw err;
    }
  });

  return router;
}

