// The one place where the web pages turn a failure into an answer: the HTTP status of each rights
// error code, the field a form problem belongs to with its message in the page's language (the rights
// service's message, said in that language), and the last answer for anything unexpected.
// (The rights API answers in JSON and has its own translation, in rights-api.ts.)
import type { NextFunction, Request, Response } from 'express';
import { t } from '../i18n/catalogue.ts';
import type { AppError, ErrorCode } from '../rights/index.ts';
import type { FieldError } from './form.ts';
import { pickLocale, type Locale } from './i18n.ts';
import { errorPage, notFoundPage } from './site/views.ts';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  weak_password: 400,
  // A registration link that cannot be used, or an address that already has an account: the page
  // explains and offers to register again or log in.
  verification_invalid: 400,
  already_exists: 400,
  not_authenticated: 401,
  forbidden: 403,
  not_found: 404,
  // An activation link that never existed, or one that did and is over.
  invitation_invalid: 404,
  invitation_expired: 410,
  invitation_used: 410,
  invitation_revoked: 410,
  // The same for a forgotten-password link.
  password_reset_invalid: 404,
  password_reset_expired: 410,
  password_reset_used: 410,
  password_reset_revoked: 410,
  conflict: 409,
  last_administrator: 409,
  last_organisation_administrator: 409,
  rate_limited: 429,
  unavailable: 503,
};

export const pageStatus = (err: AppError): number => STATUS[err.code];

/** Problems the person fixes in the form they just sent, which is shown again with what they typed. */
export const isFormProblem = (err: AppError): boolean => err.code === 'invalid_input' || err.code === 'weak_password';

/**
 * The field to mark and what to say there, in the page's language: the rights service's own message,
 * which says exactly what is wrong.
 */
export function fieldError(locale: Locale, err: AppError): FieldError {
  const field = err.code === 'weak_password' ? 'password' : err.field;
  return { field, message: err.messageIn(locale) };
}

/** What a refusal says, in the page's language. */
export const refusalMessage = (locale: Locale, err: AppError): string => err.messageIn(locale);

/** The rights API answers in JSON, also when nothing answered or something failed. */
const isApi = (req: Request) => req.path.startsWith('/api/');

/** An address nothing answered: a page in the visitor's language with ways on (JSON for the API). */
export function notFound(req: Request, res: Response): void {
  if (isApi(req)) {
    res.status(404).json({ error: 'not_found', message: t('en', 'rights.api.noEndpoint') });
    return;
  }
  res.status(404).setHeader('cache-control', 'no-store');
  res.type('html').send(notFoundPage(pickLocale(req)));
}

/**
 * Everything no page answered itself: a body parser's 413 or 400, or a failure of ours (logged with
 * the request id, never shown: the page says that nothing was changed and what to do).
 */
export function unexpectedError(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode ?? 500;
  if (status >= 500) req.log?.error({ err }, 'request failed');
  if (res.headersSent) return;
  if (status >= 500 && !isApi(req)) {
    res.status(500).setHeader('cache-control', 'no-store');
    res.type('html').send(errorPage(pickLocale(req)));
    return;
  }
  const locale = pickLocale(req);
  res.status(status).type('text/plain').send(t(locale, status === 413 ? 'web.site.tooLarge' : status >= 500 ? 'web.site.failed' : 'web.site.badRequest'));
}
