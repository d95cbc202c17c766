// Whose language a page is in. Before login: ?lang=, then the `lang` cookie, then the browser's
// Accept-Language. Once logged in: ?lang= (the switch on the page), else the person's own language,
// else their environment's (readerLocale); the words themselves are in the catalogue (src/i18n).
import type { Request } from 'express';
import { isLocale, type Locale, readerLocale } from '../i18n/catalogue.ts';

export { locales, type Locale } from '../i18n/catalogue.ts';

export function pickLocale(req: Request, fallback?: string): Locale {
  const q = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  if (q === 'nl' || q === 'en') return q;
  const c = (req as Request & { cookies?: Record<string, string> }).cookies?.lang;
  if (c === 'nl' || c === 'en') return c;
  if (fallback === 'nl' || fallback === 'en') return fallback;
  // No Accept-Language at all means no preference: English.
  if (!req.get('accept-language')) return 'en';
  const accept = req.acceptsLanguages('en', 'nl');
  return accept === 'nl' ? 'nl' : 'en';
}

/** A logged-in person's page: the switch's ?lang= for this page, else their language, else their environment's. */
export function personLocale(req: Request, person: { locale: string | null; environmentLocale: string }): Locale {
  const q = req.query.lang;
  if (isLocale(q)) return q;
  return readerLocale({ locale: person.environmentLocale }, person);
}
