// Dutch and English. The page language comes from ?lang=, then a cookie, then Accept-Language.
import type { Request } from 'express';
import type { Locale } from '../i18n/labels.ts';

export { locales, type Locale } from '../i18n/labels.ts';

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

/** A dictionary per page: `t(locale, dict)` picks the strings for the locale. */
export type Dict<K extends string> = Record<Locale, Record<K, string>>;
export const t = <K extends string>(locale: Locale, dict: Dict<K>) => dict[locale];
