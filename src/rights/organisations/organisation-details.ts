// An organisation's details, checked the way the e-invoicing network needs them.
import { z } from 'zod';
import { normaliseEmail } from '../email.ts';
import { nameText, optionalText } from '../input.ts';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const upperCompact = (s: string) => s.replace(/[\s.-]/g, '').toUpperCase();

export const kvkNumber = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((s) => s.replace(/\s/g, ''))
    .refine((s) => /^\d{8}$/.test(s), 'A KvK (Chamber of Commerce) number has 8 digits, such as 12345678.')
    .nullish(),
);

export const vatNumber = z.preprocess(
  blankToNull,
  z
    .string()
    .transform(upperCompact)
    .refine(
      (s) => (s.startsWith('NL') ? /^NL\d{9}B\d{2}$/.test(s) : /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(s)),
      'Enter the VAT number with its country code, such as NL123456789B01.',
    )
    .nullish(),
);

// ISO 6523 scheme (4 digits) and the identifier, optionally with the iso6523-actorid-upis:: prefix.
export const peppolId = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((s) => s.trim().replace(/^iso6523-actorid-upis::/i, ''))
    .refine((s) => /^\d{4}:[A-Za-z0-9._-]{1,50}$/.test(s), 'A Peppol participant id looks like 0106:12345678 (scheme, colon, identifier).')
    .nullish(),
);

export const country = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .refine((s) => /^[A-Z]{2}$/.test(s), 'Use the two-letter country code, such as NL or BE.')
    .nullish(),
);

export const invoiceEmail = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((s, ctx) => {
      const e = normaliseEmail(s);
      if (!e) {
        ctx.addIssue({ code: 'custom', message: 'Enter a valid invoice email address, such as invoices@company.nl.' });
        return z.NEVER;
      }
      return e;
    })
    .nullish(),
);

export const detailsShape = {
  legalName: optionalText('rights.what.legalName', 200),
  kvkNumber,
  vatNumber,
  peppolId,
  street: optionalText('rights.what.street', 200),
  postalCode: optionalText('rights.what.postalCode', 16),
  city: optionalText('rights.what.city', 100),
  country,
  invoiceEmail,
};

export const organisationName = nameText('rights.what.organisationName', 100);

export const nameKeyOf = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Dutch postal codes (1234 AB) are checked when the country is NL. */
export function checkPostalCode(country: string | null | undefined, postalCode: string | null | undefined): string | null {
  if (!postalCode || (country ?? 'NL') !== 'NL') return null;
  return /^\d{4}\s?[A-Za-z]{2}$/.test(postalCode) ? null : 'A Dutch postal code looks like 1234 AB.';
}
