// The language a person picked with the switch (?lang=en|nl) is kept in the `lang` cookie, so the
// next page they open without ?lang= (a link in an email, a bookmark) speaks it too.
import type { NextFunction, Request, Response } from 'express';

const YEAR_MS = 365 * 24 * 3600_000;

export function setLanguageCookie(res: Response, locale: string, secure: boolean): void {
  res.cookie('lang', locale, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: YEAR_MS });
}

export const rememberLanguage = (secure: boolean) => (req: Request, res: Response, next: NextFunction) => {
  const chosen = req.query.lang;
  if ((chosen === 'en' || chosen === 'nl') && req.cookies?.lang !== chosen) {
    setLanguageCookie(res, chosen, secure);
    req.cookies = { ...(req.cookies ?? {}), lang: chosen };
  }
  next();
};
