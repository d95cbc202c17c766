// An organisation's details, checked the way the e-invoicing network needs them.
import { z } from 'zod';
import { normaliseEmail } from '../email.ts';
import { nameText, optionalText, issue } from '../input.ts';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const upperCompact = (s: string) => s.replace(/[\s.-]/g, '').toUpperCase();

export const kvkNumber = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((s) => s.replace(/\s/g, ''))
    .refine((s) => /^\d{8}$/.test(s), issue('rights.organisation.kvk'))
    .nullish(),
);

export const vatNumber = z.preprocess(
  blankToNull,
  z
    .string()
    .transform(upperCompact)
    .refine(
      (s) => (s.startsWith('NL') ? /^NL\d{9}B\d{2}$/.test(s) : /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(s)),
      issue('rights.organisation.vat'),
    )
    .nullish(),
);

// ISO 6523 scheme (4 digits) and the identifier, optionally with the iso6523-actorid-upis:: prefix.
export const peppolId = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((s) => s.trim().replace(/^iso6523-actorid-upis::/i, ''))
    .refine((s) => /^\d{4}:[A-Za-z0-9._-]{1,50}$/.test(s), issue('rights.organisation.peppol'))
    .nullish(),
);

export const country = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .refine((s) => /^[A-Z]{2}$/.test(s), issue('rights.organisation.country'))
    .nullish(),
);

export const invoiceEmail = z.preprocess(
  blankToNull,
  z
    .string()
    .transform((s, ctx) => {
      const e = normaliseEmail(s);
      if (!e) {
        ctx.addIssue({ code: 'custom', message: issue('rights.organisation.invoiceEmail') });
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
export function checkPostalCode(country: string | null | undefined, postalCode: string | null | undefined): 'rights.organisation.postalCode' | null {
  if (!postalCode || (country ?? 'NL') !== 'NL') return null;
  return /^\d{4}\s?[A-Za-z]{2}$/.test(postalCode) ? null : 'rights.organisation.postalCode';
}
