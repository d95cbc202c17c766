// Forms are protected against cross-site request forgery with csrf-csrf's signed double-submit
// cookie, bound to a per-browser id cookie. The signing key lives in the database (app-secret.ts).
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';

export const BROWSER_COOKIE = 'ec_browser';

export interface CsrfTools {
  /** sets the browser id cookie when missing; use before rendering or checking a form */
  browserId(req: Request, res: Response, next: NextFunction): void;
  /** rejects a POST whose form token does not match (403 page rendered by the caller's handler) */
  protect(req: Request, res: Response, next: NextFunction): void;
  /** the hidden-field value for a form */
  token(req: Request, res: Response): string;
}

export function createCsrf(secret: string, secure: boolean): CsrfTools {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => (req.cookies?.[BROWSER_COOKIE] as string | undefined) ?? '',
    cookieName: secure ? '__Host-ec_csrf' : 'ec_csrf',
    cookieOptions: { sameSite: 'strict', path: '/', secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf,
    errorConfig: { statusCode: 403, message: 'invalid form token', code: 'csrf_invalid' },
  });
  return {
    browserId(req, res, next) {
      if (!req.cookies?.[BROWSER_COOKIE]) {
        const id = randomBytes(18).toString('base64url');
        res.cookie(BROWSER_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 365 * 24 * 3600_000 });
        req.cookies = { ...(req.cookies ?? {}), [BROWSER_COOKIE]: id };
      }
      next();
    },
    protect: doubleCsrfProtection,
    token: (req, res) => generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false }),
  };
}
