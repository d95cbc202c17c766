// What every page of registration, login, forgotten passwords and the account shares: sending a page
// uncached, the page for a forged or stale form post, and the words for too many attempts.
import type { NextFunction, Request, Response } from 'express';
import type { CsrfTools } from '../csrf.ts';
import { pickLocale, type Locale } from '../i18n.ts';
import type { TooManyAttempts } from './rate-limits.ts';
import { t } from '../../i18n/catalogue.ts';
import { problemPage } from './views.ts';

export function send(res: Response, status: number, body: string): void {
  res.status(status).setHeader('cache-control', 'no-store');
  res.type('html').send(body);
}

export const tooMany = (locale: Locale, err: TooManyAttempts) => t(locale, 'web.common.tooMany', { minutes: Math.ceil(err.retryAfterSeconds / 60) });

/**
 * A forged or stale form post gets a page that says what to do (open the form again, or log in), with
 * the language switch, and changes nothing.
 */
export const protectForm = (csrf: CsrfTools, back: string) => (req: Request, res: Response, next: NextFunction) => {
  csrf.protect(req, res, (err?: unknown) => {
    if (!err) return next();
    const locale = pickLocale(req);
    req.log.warn('form post refused: missing or wrong form token');
    res.setHeader('retry-after', '0');
    const ways = [{ href: back, label: t(locale, 'web.common.openAgain') }, ...(back === '/login' ? [] : [{ href: '/login', label: t(locale, 'web.common.logIn') }])];
    send(res, 403, problemPage(locale, t(locale, 'web.common.forgedTitle'), t(locale, 'web.common.forged'), ways));
  });
};
