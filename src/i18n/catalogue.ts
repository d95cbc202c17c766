// The one message catalogue: every user-visible sentence of Slack, the web pages and the emails, in
// English and Dutch, written in ICU MessageFormat (plurals, selects, dates) and formatted with
// FormatJS's intl-messageformat. Keys are typed: `t(locale, 'slack.help.title')` only compiles for a
// key that exists, and `test/unit/catalogue.test.ts` checks that both languages have every key with
// the same placeholders.
//
// Writing messages:
// - Add the English and the Dutch text together, in the surface's file under `messages/`.
// - Placeholders are `{name}`; counts use `{count, plural, one {# person} other {# people}}`.
// - Dates use `{when, date, long}` / `{when, time, short}`: always shown in Europe/Amsterdam.
// - Tags are not parsed: `<@U1>` and `<https://x|y>` in Slack mrkdwn are plain text here.
// - Values are inserted as given: the caller escapes them for its surface (mrkdwn, HTML).
import { IntlMessageFormat } from 'intl-messageformat';
import { type MessageKey, messages } from './messages/index.ts';

export type Locale = 'en' | 'nl';
export const locales: readonly Locale[] = ['en', 'nl'];
export const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'nl';

export type { MessageKey };
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** The time zone every date and time is shown in, whatever the server's own zone. */
export const TIME_ZONE = 'Europe/Amsterdam';

const zoned = (o: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions => ({ ...o, timeZone: TIME_ZONE });
const formats = {
  date: {
    short: zoned({ year: 'numeric', month: '2-digit', day: '2-digit' }),
    medium: zoned({ year: 'numeric', month: 'short', day: 'numeric' }),
    long: zoned({ year: 'numeric', month: 'long', day: 'numeric' }),
    full: zoned({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
  },
  time: {
    short: zoned({ hour: '2-digit', minute: '2-digit' }),
    medium: zoned({ hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    long: zoned({ hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }),
    full: zoned({ hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }),
  },
};

const compiled = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(messages[locale][key], locale, formats, { ignoreTag: true });
    compiled.set(id, f);
  }
  return f;
}

/** The message `key` in `locale`, with `values` put in its placeholders. */
export function t(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const out = formatter(locale, key).format(values as Record<string, string | number | Date | boolean>);
  return typeof out === 'string' ? out : (out as unknown[]).join('');
}

/** A translator bound to one locale, for code that writes many messages for one reader. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;
export const translator = (locale: Locale): Translate => (key, values) => t(locale, key, values);

/**
 * Whose language: a reply to one person (ephemeral answers, modals, App Home, direct messages, their
 * emails, their pages once logged in) is in their own language, else their environment's. Channel
 * messages and invitation emails are in the environment's language: pass no person.
 */
export function readerLocale(environment: { locale: string } | null | undefined, person?: { locale: string | null } | null): Locale {
  if (isLocale(person?.locale)) return person.locale;
  if (isLocale(environment?.locale)) return environment.locale;
  return 'en';
}
