// Reading a list of people to invite: addresses typed after `invite` (Slack escapes each as
// <mailto:a@b|a@b>), a pasted list, or a CSV file (email,role,organisations). Everything is checked
// before anything is sent; each problem says where it is (address or line number) and what to do.
import { parse } from 'csv-parse/sync';
import { t, type Locale, type MessageKey, type MessageValues } from '../../i18n/catalogue.ts';
import type { EnvironmentRole } from '../../i18n/labels.ts';
import { normaliseEmail, organisationKey } from '../../rights/index.ts';
import { environmentRole } from '../command-text.ts';

/** At most this many people in one list. */
export const MAX_ROWS = 1000;
/** At most this many organisations on one row (as invite-user takes). */
const MAX_ORGANISATIONS = 50;

export interface Place {
  kind: 'address' | 'line';
  n: number;
}

/** One row as read, not yet checked. */
export interface RawRow {
  place: Place;
  email: string;
  role?: string;
  organisations: string[];
}

/** One row checked: ready to invite. `line` numbers the rows of a list (request ids are made of it). */
export interface BulkRow {
  line: number;
  email: string;
  role: EnvironmentRole;
  organisations: { organisationId: string; role: 'MEMBER' }[];
}

export interface Problem {
  place: Place | null;
  key: MessageKey;
  values?: MessageValues;
}

/**
 * Splits on spaces, commas, semicolons and new lines, but never inside Slack's <...> entities, and
 * turns <mailto:a@b|a@b> back into the address.
 */
export function splitAddresses(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let inside = false;
  for (const ch of text) {
    if (ch === '<') inside = true;
    if (ch === '>') inside = false;
    // a ";" that ends Slack's escape of a typed <, > or & (&lt; &gt; &amp;) is part of the word
    if (!inside && /[\s,;]/.test(ch) && !(ch === ';' && /&(lt|gt|amp)$/.test(current))) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current) out.push(current);
  return out.map(unescapeAddress).filter((w) => w !== '');
}

function unescapeAddress(word: string): string {
  const mailto = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i.exec(word);
  if (mailto) return mailto[1]!;
  return word.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** True when the words after `invite` name more than one address: the list form of the command. */
export function isList(args: string[]): boolean {
  return splitAddresses(args.join(' ')).filter((w) => w.includes('@')).length >= 2;
}

/** The words after `invite`: addresses, and a role word at the end that applies to all. */
export function readCommandList(args: string[]): { rows: RawRow[]; role: EnvironmentRole } {
  const words = splitAddresses(args.join(' '));
  const last = words[words.length - 1];
  const role = last && !last.includes('@') ? environmentRole(last) : null;
  if (role) words.pop();
  return { rows: words.map((email, i) => ({ place: { kind: 'address', n: i + 1 }, email, organisations: [] })), role: role ?? 'BASIC' };
}

/** A pasted list: addresses only (role and organisations come from the form). */
export function readPasted(text: string): RawRow[] {
  return splitAddresses(text).map((email, i) => ({ place: { kind: 'address', n: i + 1 }, email, organisations: [] }));
}

/** A CSV file: email,role,organisations (organisations separated by ";"), an optional header row. */
export function readCsv(text: string): { rows: RawRow[]; problems: Problem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 10_000 }) as never;
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { rows: [], problems: [{ place: null, key: 'bulk.error.csv', values: { n: e.lines ?? 1, reason: String(e.message ?? err).replace(/^Invalid [^:]*: /, '').slice(0, 200) } }] };
  }
  const rows: RawRow[] = [];
  const problems: Problem[] = [];
  records.forEach(({ record, info }, i) => {
    const cells = record.map((c) => c.trim());
    if (i === 0 && /^e-?mail/i.test(cells[0] ?? '')) return; // the header row
    if (cells.every((c) => c === '')) return;
    const place: Place = { kind: 'line', n: info.lines };
    if (cells.length > 3 && cells.slice(3).some((c) => c !== '')) problems.push({ place, key: 'bulk.error.columns' });
    rows.push({ place, email: cells[0] ?? '', role: cells[1] ?? '', organisations: (cells[2] ?? '').split(';').map((o) => o.trim()).filter(Boolean) });
  });
  return { rows, problems };
}

/** The organisation names a list mentions, to look them up in one go. */
export const organisationNames = (rows: RawRow[]) => [...new Set(rows.flatMap((r) => r.organisations))];

/**
 * Checks every row: a valid address, a known role, organisations that exist, no address twice, no
 * more than MAX_ROWS. Rows without a role get `defaults.role`; every row also joins `defaults.organisations`.
 */
export function checkRows(
  raw: RawRow[],
  /** role: for rows without one; organisations (ids): joined by the pasted addresses (place 'address') */
  defaults: { role: EnvironmentRole; organisations: string[] },
  organisations: Map<string, { id: string; name: string }>,
): { rows: BulkRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (raw.length === 0) return { rows: [], problems: [{ place: null, key: 'bulk.error.empty' }] };
  if (raw.length > MAX_ROWS) return { rows: [], problems: [{ place: null, key: 'bulk.error.tooMany', values: { count: raw.length, max: MAX_ROWS } }] };
  const rows: BulkRow[] = [];
  const seen = new Map<string, Place>();
  raw.forEach((r, i) => {
    const before = problems.length;
    const email = r.email ? normaliseEmail(r.email) : null;
    if (!r.email) problems.push({ place: r.place, key: 'bulk.error.noEmail' });
    else if (!email) problems.push({ place: r.place, key: 'bulk.error.email', values: { text: r.email.slice(0, 80) } });
    else if (seen.has(email)) problems.push({ place: r.place, key: 'bulk.error.duplicate', values: { email, otherKind: seen.get(email)!.kind, otherN: seen.get(email)!.n } });
    else seen.set(email, r.place);
    const role = r.role ? environmentRole(r.role) : defaults.role;
    if (!role) problems.push({ place: r.place, key: 'bulk.error.role', values: { text: r.role!.slice(0, 40) } });
    const ids = new Set(r.place.kind === 'address' ? defaults.organisations : []);
    for (const name of r.organisations) {
      const found = organisations.get(organisationKey(name));
      if (!found) problems.push({ place: r.place, key: 'bulk.error.organisation', values: { text: name.slice(0, 80) } });
      else ids.add(found.id);
    }
    if (ids.size > MAX_ORGANISATIONS) problems.push({ place: r.place, key: 'bulk.error.tooManyOrganisations' });
    if (problems.length === before) rows.push({ line: i + 1, email: email!, role: role!, organisations: [...ids].map((organisationId) => ({ organisationId, role: 'MEMBER' as const })) });
  });
  return { rows, problems };
}

export function placeText(locale: Locale, place: Place): string {
  return t(locale, place.kind === 'address' ? 'bulk.where.address' : 'bulk.where.line', { n: place.n });
}

/** How typed values are put in a sentence: escaped for mrkdwn (userText), or as they are for plain text. */
export type Escape = (value: string) => string;

/** One problem as a sentence: "Line 7: ..." */
export function problemText(locale: Locale, p: Problem, shown: Escape = (v) => v): string {
  const values: MessageValues = { ...p.values };
  for (const k of ['text', 'email'] as const) if (typeof values[k] === 'string') values[k] = shown(values[k] as string);
  // the other place of a duplicate, in the reader's language
  if (p.key === 'bulk.error.duplicate') values.where = placeText(locale, { kind: values.otherKind === 'line' ? 'line' : 'address', n: Number(values.otherN) }).toLowerCase();
  const text = t(locale, p.key, values);
  return p.place ? `${placeText(locale, p.place)}: ${text}` : text;
}

/** The first `max` problems, one a line, and how many more there are. */
export function problemList(locale: Locale, problems: Problem[], max: number, shown?: Escape): string {
  const lines = problems.slice(0, max).map((p) => problemText(locale, p, shown));
  if (problems.length > max) lines.push(t(locale, 'bulk.error.more', { count: problems.length - max }));
  return lines.join('\n');
}
