// Email addresses as stored: trimmed, lower-case, IDN domain in punycode; everything else refused.
import { issueText } from '../../src/rights/input.ts';
import { describe, expect, it } from 'vitest';
import { domainOf, emailSchema, normaliseDomain, normaliseEmail, requireEmail } from '../../src/rights/email.ts';
import { AppError } from '../../src/rights/errors.ts';

describe('email normalisation', () => {
  it.each([
    ['Bob@Example.COM', 'bob@example.com'],
    ['  anna@acme.nl \t', 'anna@acme.nl'],
    ['a@x.nl\n', 'a@x.nl'],
    ['jan@bücher.de', 'jan@xn--bcher-kva.de'],
    ['Jan@BÜCHER.DE', 'jan@xn--bcher-kva.de'],
    ['info@ΕΛΛΑΔΑ.gr', 'info@xn--mxaaic4aa.gr'],
    ['a@ＥＸＡＭＰＬＥ.com', 'a@example.com'],
    ['a@x.nl.', 'a@x.nl'],
    ['first.last+tag@sub.acme.co.uk', 'first.last+tag@sub.acme.co.uk'],
    ["o'brien@acme.ie", "o'brien@acme.ie"],
  ])('%j -> %j', (raw, want) => {
    expect(normaliseEmail(raw)).toBe(want);
  });

  it.each([
    ['', 'empty'],
    ['@x.nl', 'no local part'],
    ['a@', 'no domain'],
    ['a', 'no @'],
    ['a@b@c.nl', 'two @'],
    ['a@b@c', 'two @, no TLD'],
    ['"a b"@x.nl', 'quoted local part'],
    ['"a"@x.nl', 'quotes'],
    ['a b@x.nl', 'space'],
    ['<a@x.nl>', 'angle brackets'],
    ['a@x.nl,b@y.nl', 'two addresses'],
    ['a@x.nl\r\nBcc: c@d.nl', 'header injection'],
    ['a\u0000@x.nl', 'NUL'],
    ['a@\u0000x.nl', 'NUL in domain'],
    ['a\u0007b@x.nl', 'bell'],
    ['a@ex\u202Eample.com', 'right-to-left override in domain'],
    ['a\u202E@x.nl', 'right-to-left override in local part'],
    ['ａ@x.nl', 'fullwidth local part'],
    ['jöhn@x.nl', 'non-ASCII local part'],
    ['a.@x.nl', 'trailing dot in local part'],
    ['.a@x.nl', 'leading dot in local part'],
    ['a..b@x.nl', 'double dot in local part'],
    ['a@x..nl', 'empty label'],
    ['a@-x.nl', 'label starting with a hyphen'],
    ['a@x-.nl', 'label ending with a hyphen'],
    ['a@localhost', 'single label'],
    ['a@1.2.3.4', 'IP address'],
    ['a@[1.2.3.4]', 'address literal'],
    ['a@xn--zz.com', 'broken punycode'],
    ['a@x_y.nl', 'underscore in domain'],
    [`${'x'.repeat(65)}@x.nl`, 'local part over 64'],
    [`a@${'b'.repeat(64)}.nl`, 'label over 63'],
    [`a@${'abcdefghi.'.repeat(26)}nl`, 'domain over 253'],
    ['a'.repeat(400), 'over 320 characters'],
  ])('refuses %j (%s)', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });

  it('never throws on values that are not strings', () => {
    expect(normaliseEmail(undefined as unknown as string)).toBeNull();
    expect(normaliseEmail(42 as unknown as string)).toBeNull();
  });

  it('keeps the longest legal address', () => {
    const local = 'l'.repeat(64);
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(58)}.nl`;
    expect(domain.length).toBe(253);
    expect(normaliseEmail(`${local}@${domain}`)).toBe(`${local}@${domain}`);
  });

  it('domainOf is everything after the last @', () => {
    expect(domainOf('bob@xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
  });

  it('normaliseDomain lower-cases, converts to punycode and refuses junk', () => {
    expect(normaliseDomain(' Acme.NL ')).toBe('acme.nl');
    expect(normaliseDomain('münchen.de')).toBe('xn--mnchen-3ya.de');
    expect(normaliseDomain('nl')).toBeNull();
    expect(normaliseDomain('a b.nl')).toBeNull();
  });

  it('requireEmail gives an AppError naming the field, with the input cleaned of control characters', () => {
    try {
      requireEmail('bad\u0000\u001b[31m@@x', 'invitee');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('invalid_input');
      expect(err.field).toBe('invitee');
      expect(err.userMessage).not.toMatch(/\p{Cc}/u);
    }
    expect(requireEmail('X@Y.NL')).toBe('x@y.nl');
  });

  it('emailSchema gives a message that says what to type', () => {
    const r = emailSchema.safeParse('nope');
    expect(r.success).toBe(false);
    expect(issueText(r.error!.issues[0]!.message)).toMatch(/valid email address/);
    expect(issueText(r.error!.issues[0]!.message, 'nl')).toMatch(/geldig e-mailadres/);
    expect(emailSchema.parse(' Anna@Bücher.de ')).toBe('anna@xn--bcher-kva.de');
  });
});
