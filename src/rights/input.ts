// Input checking shared by the use cases: zod schemas with messages people can act on. A schema's
// message is a catalogue key with its values (`issue`), so the AppError it becomes can be said in
// every language.
import { z } from 'zod';
import type { Locale } from '../i18n/catalogue.ts';
import { AppError, type ErrorValues, phrase, type RightsKey } from './errors.ts';

// Control characters, bidi controls (U+061C, U+200E/F, U+202A-E, U+2066-9) and every other invisible
// format character (soft hyphen, zero-width and word joiners, tags: all of category Cf) never belong in a name.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;

const ISSUE = 'rights-issue:';

/** A zod message that parseInput turns into an AppError with this key and values. */
export const issue = (key: RightsKey, values: ErrorValues = {}): string => `${ISSUE}${JSON.stringify({ key, values })}`;

/** What a form field is called, in the middle of a sentence; `${key}.start` is its form at the start. */
export type What = Extract<RightsKey, `rights.what.${string}`>;
const start = (what: What) => `${what}.start` as RightsKey;

/** A one-line name: trimmed, NFC, no control or invisible characters, 1..max characters. */
export const nameText = (what: What, max = 100) =>
  z
    .string({ error: issue('rights.input.enter', { what: phrase(what) }) })
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .refine((s) => s.length > 0, issue('rights.input.enter', { what: phrase(what) }))
    .refine((s) => [...s].length <= max, issue('rights.input.tooLong', { what: phrase(start(what)), max }))
    .refine((s) => !FORBIDDEN.test(s), issue('rights.input.invisible', { what: phrase(start(what)) }));

export const optionalText = (what: What, max = 200) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .refine((s) => [...s].length <= max, issue('rights.input.tooLong', { what: phrase(start(what)), max }))
    .refine((s) => !FORBIDDEN.test(s), issue('rights.input.invisible', { what: phrase(start(what)) }))
    .transform((s) => (s === '' ? null : s))
    .nullish();

export const idSchema = (what: 'rights.what.user' | 'rights.what.organisation') =>
  z.string({ error: issue('rights.input.choose', { what: phrase(what) }) }).uuid(issue('rights.input.noSuch', { what: phrase(what) }));

/** The AppError of a zod issue: ours carry a key; zod's own (a wrong type) say the value is not valid. */
function fromIssue(message: string, field: string | undefined): AppError {
  if (message.startsWith(ISSUE)) {
    const { key, values } = JSON.parse(message.slice(ISSUE.length)) as { key: RightsKey; values: ErrorValues };
    return new AppError('invalid_input', key, values, field);
  }
  return new AppError('invalid_input', 'rights.input.invalid', {}, field);
}

/** A zod issue's message as a person reads it, in `locale` (English by default). */
export const issueText = (message: string, locale: Locale = 'en'): string => fromIssue(message, undefined).messageIn(locale);

/** Parses with `schema`; the first problem becomes an AppError naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue0 = result.error.issues[0]!;
  const field = issue0.path.length ? issue0.path.map(String).join('.') : undefined;
  throw fromIssue(issue0.message, field);
}
