// An organisation's details as the e-invoicing network needs them.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueText } from '../../src/rights/input.ts';
import { checkPostalCode, detailsShape, nameKeyOf, organisationName } from '../../src/rights/organisations/organisation-details.ts';

const details = z.object(detailsShape);
const ok = (v: Record<string, unknown>) => details.parse(v);
const problem = (v: Record<string, unknown>) => {
  const r = details.safeParse(v);
  expect(r.success).toBe(false);
  // as a person reads it
  const issue = r.error!.issues[0]!;
  return { ...issue, message: issueText(issue.message) };
};

describe('organisation details', () => {
  it('KvK: 8 digits, spaces ignored', () => {
    expect(ok({ kvkNumber: '1234 5678' }).kvkNumber).toBe('12345678');
    for (const bad of ['1234567', '123456789', '1234567a', '１２３４５６７８']) {
      expect(problem({ kvkNumber: bad }).message).toMatch(/8 digits/);
    }
  });

  it('VAT: country code first; Dutch numbers are NL + 9 digits + B + 2 digits', () => {
    expect(ok({ vatNumber: 'nl 1234.567.89 b01' }).vatNumber).toBe('NL123456789B01');
    expect(ok({ vatNumber: 'BE0123456789' }).vatNumber).toBe('BE0123456789');
    for (const bad of ['NL123456789', 'NL123456789X01', '123456789B01', 'N']) {
      expect(problem({ vatNumber: bad }).message).toMatch(/NL123456789B01/);
    }
  });

  it('Peppol id: scheme:identifier, the iso6523-actorid-upis:: prefix dropped', () => {
    expect(ok({ peppolId: 'iso6523-actorid-upis::0106:12345678' }).peppolId).toBe('0106:12345678');
    expect(ok({ peppolId: '9944:NL123456789B01' }).peppolId).toBe('9944:NL123456789B01');
    for (const bad of ['0106 12345678', '106:1', '0106:', '0106:a b', `0106:${'x'.repeat(51)}`]) {
      expect(problem({ peppolId: bad }).message).toMatch(/0106:12345678/);
    }
  });

  it('country: two letters, upper-cased', () => {
    expect(ok({ country: 'nl' }).country).toBe('NL');
    for (const bad of ['NLD', 'N', '12']) expect(problem({ country: bad }).message).toMatch(/two-letter/);
  });

  it('invoice email: normalised like every address', () => {
    expect(ok({ invoiceEmail: 'Facturen@Bücher.de' }).invoiceEmail).toBe('facturen@xn--bcher-kva.de');
    expect(problem({ invoiceEmail: 'a@b@c' }).message).toMatch(/invoice email/);
    expect(problem({ invoiceEmail: 'x' }).path).toEqual(['invoiceEmail']);
  });

  it('blank values clear a field; absent ones stay absent', () => {
    expect(ok({ kvkNumber: '', vatNumber: '  ', country: '' })).toMatchObject({ kvkNumber: null, vatNumber: null, country: null });
    expect('kvkNumber' in ok({})).toBe(false);
  });

  it('postal code: Dutch format when the country is NL (or not given), free for other countries', () => {
    expect(checkPostalCode('NL', '1234AB')).toBeNull();
    expect(checkPostalCode('NL', '1234 ab')).toBeNull();
    expect(checkPostalCode(null, '12345')).toBe('rights.organisation.postalCode');
    expect(checkPostalCode('NL', '1234 ABC')).toBe('rights.organisation.postalCode');
    expect(checkPostalCode('BE', '1000')).toBeNull();
    expect(checkPostalCode('NL', null)).toBeNull();
    expect(problem({ postalCode: 'x'.repeat(17) }).message).toMatch(/at most 16/);
  });

  it('text details refuse control and bidi characters', () => {
    expect(problem({ legalName: 'Acme\u202E BV' }).message).toMatch(/control or invisible/);
    expect(problem({ city: 'Utrecht\u0000' }).message).toMatch(/control or invisible/);
    expect(problem({ street: 'x'.repeat(201) }).message).toMatch(/at most 200/);
  });

  it('names: folded whitespace, NFC; the key ignores case, width and spacing', () => {
    expect(organisationName.parse('  Acme   BV ')).toBe('Acme BV');
    expect(organisationName.parse('Cafe\u0301')).toBe('Café');
    expect(nameKeyOf('ＡＣＭＥ  bv')).toBe(nameKeyOf('acme BV'));
    expect(nameKeyOf('Café')).toBe(nameKeyOf('CAFÉ'));
  });
});
