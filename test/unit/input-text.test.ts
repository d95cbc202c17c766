// Text typed by people: one-line names and optional fields, with hostile Unicode refused.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/rights/errors.ts';
import { idSchema, nameText, optionalText, parseInput } from '../../src/rights/input.ts';

const name = nameText('rights.what.yourName', 20);

/** What parseInput says about `value`, in English (or `locale`). */
function said(value: unknown, locale: 'en' | 'nl' = 'en'): string | undefined {
  try {
    parseInput(name, value);
    return undefined;
  } catch (e) {
    return (e as AppError).messageIn(locale);
  }
}

describe('input text', () => {
  it('trims, folds whitespace and composes to NFC', () => {
    expect(name.parse('  Anna \t\n de  Vries ')).toBe('Anna de Vries');
    expect(name.parse('Zoe\u0308')).toBe('Zoë');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(name.parse('😀'.repeat(20))).toBe('😀'.repeat(20));
    expect(said('😀'.repeat(21))).toBe('Your name can be at most 20 characters.');
    expect(said('😀'.repeat(21), 'nl')).toBe('Je naam mag hoogstens 20 tekens lang zijn.');
    expect(name.safeParse('a'.repeat(21)).success).toBe(false);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['escape sequence', 'a\u001b[31mb'],
    ['DEL', 'a\u007fb'],
    ['C1 control', 'a\u0085b'.replace('\u0085', '\u0090')],
    ['right-to-left override', 'abc\u202Etxt.exe'],
    ['left-to-right isolate', 'a\u2066b'],
    ['Arabic letter mark', 'a\u061Cb'],
    ['left-to-right mark', 'a\u200Eb'],
    ['zero-width space', 'a\u200Bb'],
    ['zero-width joiner', 'a\u200Db'],
    ['soft hyphen', 'a\u00ADb'],
    ['word joiner', 'a\u2060b'],
    ['private use', 'a\uE000b'],
    ['unassigned', 'a\u0378b'],
    ['tag character', 'a\u{E0041}b'],
  ])('refuses %s', (_what, text) => {
    expect(name.safeParse(text).success).toBe(false);
    expect(said(text)).toBe('Your name contains control or invisible characters; type it again without them.');
  });

  it('refuses empty and blank names, and non-strings', () => {
    for (const v of ['', '   ', '\n\t']) expect(said(v)).toBe('Enter your name.');
    expect(said('', 'nl')).toBe('Vul je naam in.');
    expect(name.safeParse(42).success).toBe(false);
    expect(name.safeParse(undefined).success).toBe(false);
  });

  it('keeps ordinary non-Latin names', () => {
    for (const v of ['Łukasz Żółć', 'محمد', '李小龙', 'Ὀδυσσεύς', "D'Artagnan-O'Neil"]) expect(name.parse(v)).toBe(v);
  });

  it('optional text turns blank into null and still refuses hostile characters', () => {
    const s = optionalText('rights.what.city', 10);
    expect(s.parse('  ')).toBeNull();
    expect(s.parse(undefined)).toBeUndefined();
    expect(s.parse(null)).toBeNull();
    expect(s.safeParse('x\u202E').success).toBe(false);
    expect(s.safeParse('x'.repeat(11)).success).toBe(false);
  });

  it('ids must be UUIDs', () => {
    expect(idSchema('rights.what.user').safeParse("1' OR '1'='1").success).toBe(false);
    expect(idSchema('rights.what.user').safeParse('0b8a3f8e-2a8f-4c1e-9d5b-6f1a2b3c4d5e').success).toBe(true);
  });

  it('parseInput throws an AppError invalid_input naming the first bad field', () => {
    const schema = z.object({ person: z.object({ name }), age: z.number() });
    try {
      parseInput(schema, { person: { name: 'a\u0000' }, age: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('invalid_input');
      expect((e as AppError).field).toBe('person.name');
      expect((e as AppError).userMessage).toMatch(/control or invisible/);
    }
    expect(parseInput(schema, { person: { name: ' Jo ' }, age: 3 })).toEqual({ person: { name: 'Jo' }, age: 3 });
  });
});
