// GET /activate?token=... shows who invited the person to which environment and asks for a name and
// a password; POST /activate activates the account (rights: activateAccount). Broken links get a
// page that says what to do, and change nothing.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { activateAccount, describeInvitation, isAppError } from '../../rights/index.ts';
import { fieldError, isFormProblem, pageStatus } from '../errors.ts';
import { formValue, type FieldError } from '../form.ts';
import { t } from '../../i18n/catalogue.ts';
import { pickLocale, type Locale } from '../i18n.ts';
import type { WebContext } from '../server.ts';
import { wrongTokenLimiter } from './limiter.ts';
import { activatedPage, activationForm, type Invitation, type LinkProblem, messagePage, problemPage } from './views.ts';

const LINK_PROBLEMS = new Set<string>(['invitation_invalid', 'invitation_expired', 'invitation_used', 'invitation_revoked']);

/** The environment's language, unless the person picked one (?lang=, or earlier: the lang cookie). */
const localeFor = (req: Request, environmentLocale?: string): Locale => pickLocale(req, environmentLocale);

export function activationRouter(ctx: WebContext): Router {
  const router = Router();
  const limiter = wrongTokenLimiter(ctx.deps.prisma, 'activation-token');

  router.use('/activate', (_req, res, next) => {
    // The token is in the address: never cache the page, never pass it on (Referrer-Policy is set globally).
    res.setHeader('cache-control', 'no-store');
    next();
  });

  /** Loads the invitation, or answers with the right page and returns null. */
  async function invitation(req: Request, res: Response, token: string): Promise<(Invitation & { locale: string }) | null> {
    const wait = await limiter.blockedFor(req.ip ?? '');
    if (wait > 0) {
      const locale = localeFor(req);
      res.status(429).setHeader('retry-after', String(wait)).type('html').send(messagePage(locale, t(locale, 'web.activation.tooManyTitle'), t(locale, 'web.activation.tooMany', { minutes: Math.ceil(wait / 60) })));
      return null;
    }
    try {
      return await describeInvitation(ctx.deps, token);
    } catch (err) {
      if (!isAppError(err) || !LINK_PROBLEMS.has(err.code)) throw err;
      if (err.code === 'invitation_invalid') await limiter.wrongToken(req.ip ?? '');
      req.log.info({ problem: err.code }, 'activation link refused');
      res.status(pageStatus(err)).type('html').send(problemPage(localeFor(req), err.code as LinkProblem));
      return null;
    }
  }

  router.get('/activate', ctx.csrf.browserId, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const inv = await invitation(req, res, token);
    if (!inv) return;
    res.type('html').send(activationForm(localeFor(req, inv.locale), inv, { token, csrf: ctx.csrf.token(req, res) }));
  });

  // A POST without the form's token (another site, or a stale page) changes nothing.
  const checkForm = (req: Request, res: Response, next: NextFunction) =>
    ctx.csrf.protect(req, res, (err?: unknown) => {
      if (!err) return next();
      req.log.warn('activation form refused: missing or wrong form token');
      // Said in the environment's language when the link is real; the lookup changes nothing.
      describeInvitation(ctx.deps, formValue(req, 'token'))
        .then((inv) => inv.locale, () => undefined)
        .then((envLocale) => {
          const locale = localeFor(req, envLocale);
          res.status(403).type('html').send(messagePage(locale, t(locale, 'web.common.forgedTitle'), t(locale, 'web.activation.formExpired')));
        }, next);
    });

  router.post('/activate', ctx.csrf.browserId, checkForm, async (req, res) => {
    const token = formValue(req, 'token');
    const inv = await invitation(req, res, token);
    if (!inv) return;
    const locale = localeFor(req, inv.locale);
    const name = formValue(req, 'name');
    const password = formValue(req, 'password');
    const again = (error: FieldError) =>
      res.status(400).type('html').send(activationForm(locale, inv, { token, csrf: ctx.csrf.token(req, res), name, error }));
    if (password !== formValue(req, 'confirm')) return again({ field: 'confirm', message: t(locale, 'web.common.mismatch') });
    try {
      const result = await activateAccount(ctx.deps, { token, name, password });
      req.log.info({ userId: result.user.id }, 'account activated');
      res.type('html').send(activatedPage(locale, { name: result.user.name ?? name, email: result.user.email, role: result.user.role, environmentName: inv.environmentName, organisations: result.organisations }));
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (LINK_PROBLEMS.has(err.code)) return res.status(pageStatus(err)).type('html').send(problemPage(locale, err.code as LinkProblem));
      if (isFormProblem(err)) return again(fieldError(locale, err));
      throw err;
    }
  });

  return router;
}
