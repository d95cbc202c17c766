// The end of access given "until a date": through the end of that day in Europe/Amsterdam. The stored
// instant is the first moment without access: midnight at the start of the next day there (DST-correct,
// from the zone's own offset at that moment, never a fixed one). From that instant on, `authorize`
// refuses what the access gave.
import { TIME_ZONE, } from '../../i18n/catalogue.ts';
import { AppError } from '../errors.ts';

const DAY_MS = 24 * 3600_000;
/** how far ahead an end may be */
export const MAX_YEARS_AHEAD = 5;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock date and time in Amsterdam at `instant`, as if it were UTC (ms). */
function localAsUtc(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) + (instant % 1000 + 1000) % 1000;
}

/** The instant at which Amsterdam's clocks show midnight starting the local day y-m-d. */
function localMidnight(y: number, m: number, d: number): Date {
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - (localAsUtc(wall) - wall);
  // a second pass settles a guess that fell on the other side of a change of offset
  guess = wall - (localAsUtc(guess) - guess);
  return new Date(guess);
}

/** 'YYYY-MM-DD' of the day in Amsterdam that contains `instant`. */
export function amsterdamDay(instant: Date): string {
  return new Date(localAsUtc(instant.getTime())).toISOString().slice(0, 10);
}

/** The end of day `day` ('YYYY-MM-DD') in Amsterdam: the first instant of the next day there. */
export function endOfAmsterdamDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** The last day with access, for an end stored as `until` ('YYYY-MM-DD'). */
export const lastDay = (until: Date): string => amsterdamDay(new Date(until.getTime() - 1));

/** `until` moved `days` days later, still at the end of a day in Amsterdam. */
export function extendedBy(until: Date, days: number): Date {
  const [y, m, d] = lastDay(until).split('-').map(Number) as [number, number, number];
  return endOfAmsterdamDay(new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10));
}

/**
 * Reads the date an access ends on, as a person typed or picked it ('YYYY-MM-DD'), and returns the
 * instant it ends. Refuses a malformed or impossible date, a day already past in Amsterdam, and a day
 * more than five years ahead, saying what to do.
 */
export function parseEndDate(text: string, now: Date): Date {
  const value = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const real = match && m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
  if (!real) throw new AppError('invalid_input', 'access.until.malformed', { value }, 'until');
  const today = amsterdamDay(now);
  if (value < today) throw new AppError('invalid_input', 'access.until.past', { value, today }, 'until');
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const latest = new Date(Date.UTC(ty + MAX_YEARS_AHEAD, tm - 1, td)).toISOString().slice(0, 10);
  if (value > latest) throw new AppError('invalid_input', 'access.until.tooFar', { value, years: MAX_YEARS_AHEAD, latest }, 'until');
  return endOfAmsterdamDay(value);
}

/** Whether access with end `until` has ended at `now`. */
export const ended = (until: Date | null | undefined, now: Date): boolean => !!until && until.getTime() <= now.getTime();

export { DAY_MS };
