// The end of access given until a date: the end of that day in Europe/Amsterdam, DST-correct, and
// the refusals of dates that cannot be an end.
import { describe, expect, it } from 'vitest';
import { amsterdamDay, endOfAmsterdamDay, extendedBy, lastDay, parseEndDate } from '../../src/rights/access/until.ts';
import { AppError } from '../../src/rights/index.ts';

describe('end of a day in Amsterdam', () => {
  it('is the next local midnight, in winter and in summer time', () => {
    expect(endOfAmsterdamDay('2027-01-31').toISOString()).toBe('2027-01-31T23:00:00.000Z');
    expect(endOfAmsterdamDay('2027-07-15').toISOString()).toBe('2027-07-15T22:00:00.000Z');
    expect(endOfAmsterdamDay('2027-12-31').toISOString()).toBe('2027-12-31T23:00:00.000Z');
  });

  it('follows the changes of offset: the day before, of and after the switch to and from summer time', () => {
    // summer time starts 2027-03-28 02:00 local; winter time 2027-10-31 03:00 local
    expect(endOfAmsterdamDay('2027-03-27').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(endOfAmsterdamDay('2027-03-28').toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(endOfAmsterdamDay('2027-10-30').toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(endOfAmsterdamDay('2027-10-31').toISOString()).toBe('2027-10-31T23:00:00.000Z');
  });

  it('names the last day back, and extends by whole local days across a change of offset', () => {
    const end = endOfAmsterdamDay('2027-03-20');
    expect(lastDay(end)).toBe('2027-03-20');
    expect(amsterdamDay(new Date('2027-03-20T23:30:00Z'))).toBe('2027-03-21');
    const later = extendedBy(end, 30);
    expect(lastDay(later)).toBe('2027-04-19');
    expect(later.toISOString()).toBe('2027-04-19T22:00:00.000Z');
  });
});

describe('parseEndDate', () => {
  const now = new Date('2026-11-28T10:00:00Z');
  const refused = (text: string) => {
    try {
      parseEndDate(text, now);
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('invalid_input');
      expect((err as AppError).field).toBe('until');
      return (err as AppError).userMessage;
    }
    throw new Error(`${text} was accepted`);
  };

  it('takes today and later days up to five years ahead', () => {
    expect(parseEndDate('2026-11-28', now).toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect(parseEndDate(' 2027-01-31 ', now).toISOString()).toBe('2027-01-31T23:00:00.000Z');
    expect(parseEndDate('2031-11-28', now).toISOString()).toBe('2031-11-28T23:00:00.000Z');
  });

  it('refuses malformed and impossible dates, past days and days too far ahead, saying what to give', () => {
    expect(refused('31-01-2027')).toMatch(/YYYY-MM-DD/);
    expect(refused('2027-02-30')).toMatch(/not a date/);
    expect(refused('2027-13-01')).toMatch(/not a date/);
    expect(refused('tomorrow')).toMatch(/not a date/);
    expect(refused('2026-11-27')).toMatch(/already passed.*2026-11-28/);
    expect(refused('2031-11-29')).toMatch(/more than 5 years.*2031-11-28/);
  });

  it('knows the Amsterdam day, not the UTC one: 23:30 UTC on the 28th is already the 29th there', () => {
    const late = new Date('2026-11-28T23:30:00Z');
    expect(() => parseEndDate('2026-11-28', late)).toThrow(AppError);
    expect(parseEndDate('2026-11-29', late).toISOString()).toBe('2026-11-29T23:00:00.000Z');
  });
});
