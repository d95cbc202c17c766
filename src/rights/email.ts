// Email addresses as the product stores them: trimmed, lower-case, IDN domain in ASCII (punycode).
import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { issue } from './input.ts';
import { AppError } from './errors.ts';

// One label: letters, digits, hyphens inside; the whole domain at most 253 characters.
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// Local part: the dot-atom of RFC 5322 (no quoted strings, no comments: nobody needs them for invoices).
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

export function normaliseDomain(raw: string): string | null {
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!trimmed || trimmed.length > 253) return null;
  const ascii = domainToASCII(trimmed);
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return ascii;
}

/** Returns the normalised address, or null when it is not an address we accept. */
export function normaliseEmail(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 320) return null;
  const trimmed = raw.trim().normalize('NFC');
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  const local = trimmed.slice(0, at).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return null;
  const domain = normaliseDomain(trimmed.slice(at + 1));
  if (!domain) return null;
  return `${local}@${domain}`;
}

export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

/** zod schema: a normalised email, with a message that says what to type. */
export const emailSchema = z.string({ error: issue('rights.input.email') }).transform((raw, ctx) => {
  const email = normaliseEmail(raw);
  if (!email) {
    ctx.addIssue({ code: 'custom', message: issue('rights.input.email') });
    return z.NEVER;
  }
  return email;
});

export function requireEmail(raw: string, field = 'email'): string {
  const email = normaliseEmail(raw);
  if (!email) throw new AppError('invalid_input', 'rights.input.emailGiven', { typed: truncate(raw) }, field);
  return email;
}

export function truncate(text: string, max = 60): string {
  const clean = String(text).replace(/\p{Cc}/gu, '');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
