// Input checking shared by the use cases: zod schemas with messages people can act on.
import { z } from 'zod';
import { AppError } from './errors.ts';

// Control characters, bidi controls (U+061C, U+200E/F, U+202A-E, U+2066-9) and every other invisible
// format character (soft hyphen, zero-width and word joiners, tags: all of category Cf) never belong in a name.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;

/** A one-line name: trimmed, NFC, no control or invisible characters, 1..max characters. */
export const nameText = (label: string, max = 100) =>
  z
    .string({ error: `Enter ${label}.` })
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .refine((s) => s.length > 0, `Enter ${label}.`)
    .refine((s) => [...s].length <= max, `${cap(label)} can be at most ${max} characters.`)
    .refine((s) => !FORBIDDEN.test(s), `${cap(label)} contains control or invisible characters; type it again without them.`);

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .refine((s) => [...s].length <= max, `${cap(label)} can be at most ${max} characters.`)
    .refine((s) => !FORBIDDEN.test(s), `${cap(label)} contains control or invisible characters; type it again without them.`)
    .transform((s) => (s === '' ? null : s))
    .nullish();

export const idSchema = (what: string) =>
  z.string({ error: `Choose ${what}.` }).uuid(`That ${what} does not exist; choose one from the list.`);

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Parses with `schema`; the first problem becomes an AppError naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? issue.path.map(String).join('.') : undefined;
  throw new AppError('invalid_input', issue.message, field);
}
