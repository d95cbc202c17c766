// Text for Block Kit. Every user-chosen value (a name, an address, an organisation, a token name,
// anything typed and echoed back) goes through `userText` or `strong`: escaped for mrkdwn (`&`, `<`,
// `>`, so it can never become a mention, a link or a ping) and marked, so that `section` can show a
// value whose `*`, `_`, `~` or backtick would change its look in a plain_text element instead.
// Truncation (`cut` of mrkdwn) never cuts an entity such as `&lt;` in half. A sentence that ends right
// after a name ending in a full stop ("… to *Acme B.V.*") gets no second one (`tidy`, src/i18n/sentence.ts).
import { tidy } from '../../i18n/sentence.ts';

/** The one escaping function for mrkdwn. */
export const escapeMrkdwn = (s: string | null | undefined): string => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const unescapeMrkdwn = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// Private-use characters mark user values inside a sentence; nothing typed can contain them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const OPEN_BOLD = '\uE002';
const CLOSE_BOLD = '\uE003';
const MARKS = /[\uE000-\uE003]/g;
/** Would the value look different in mrkdwn: a pair of `*`, `_`, `~` or backticks, or a `*` inside bold. */
const changesLook = (p: { text: string; bold: boolean }) => /([*_~`]).*\1/.test(p.text) || (p.bold && p.text.includes('*'));

/** A user-chosen value inside mrkdwn text: escaped and marked. */
export const userText = (v: string | null | undefined): string => `${OPEN}${escapeMrkdwn(String(v ?? '').replace(MARKS, ''))}${CLOSE}`;

/** The same, in bold where its look allows. */
export const strong = (v: string | null | undefined): string => `${OPEN_BOLD}${escapeMrkdwn(String(v ?? '').replace(MARKS, ''))}${CLOSE_BOLD}`;

/** A sentence's full stop right after a marked value that ends in one is left out, as `tidy` does for plain text. */
const tidyEnds = (text: string): string => tidy(text.replace(/(\p{L}\.)([\uE001\uE003])\.(?!\.)/gu, '$1$2'));

/** mrkdwn text as Slack gets it: marked values as they are (bold ones between `*`). */
export const flatten = (text: string): string => tidyEnds(text).replace(/[\uE002\uE003]/g, '*').replace(MARKS, '');

/** Cuts to `max` characters with an ellipsis. Never leaves half an entity (`&am…`) of escaped text. */
export function cut(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  const kept = chars.slice(0, max - 1).join('');
  // escaped text has `&` only at the start of an entity (at most 5 characters long)
  const amp = kept.lastIndexOf('&');
  const partial = amp >= 0 && amp > kept.length - 5 && !/^&(amp|lt|gt);/.test(kept.slice(amp));
  return `${partial ? kept.slice(0, amp) : kept}…`;
}

export const plain = (text: string, max = 2000) => ({ type: 'plain_text' as const, text: cut(tidyEnds(text).replace(MARKS, ''), max), emoji: true });
export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text: cut(flatten(text), 3000) });

/**
 * A block of mrkdwn text. When a marked user value would look different in mrkdwn (a pair of `*`,
 * `_`, `~` or backticks in it), the block becomes a context block: the sentence in mrkdwn pieces, the value
 * itself as plain_text, exactly as typed.
 */
export function section(marked: string, blockId?: string) {
  const id = blockId ? { block_id: blockId } : {};
  const text = tidyEnds(marked);
  const pieces = splitMarked(text);
  if (!pieces.some((p) => p.user && changesLook(p))) return { type: 'section' as const, text: mrkdwn(text), ...id };
  const elements: ({ type: 'mrkdwn'; text: string } | ReturnType<typeof plain>)[] = [];
  let pending = '';
  for (const p of pieces) {
    if (p.user && changesLook(p)) {
      if (pending.trim()) elements.push(mrkdwn(pending));
      pending = '';
      elements.push(plain(unescapeMrkdwn(p.text)));
    } else {
      pending += p.user ? (p.bold ? `*${p.text}*` : p.text) : p.text;
    }
  }
  if (pending.trim()) elements.push(mrkdwn(pending));
  // A context block holds at most 10 elements: beyond that the whole text is shown plain.
  if (elements.length > 10) return { type: 'section' as const, text: plain(unescapeMrkdwn(flatten(text).replace(/\*/g, '')), 3000), ...id };
  return { type: 'context' as const, elements, ...id };
}

export const context = (text: string) => ({ type: 'context' as const, elements: [mrkdwn(text)] });

/** A message: its fallback text (escaped, never pinging) and its blocks. */
export const message = (text: string) => ({ text: cut(flatten(text), 3000), blocks: [section(text)] });

function splitMarked(text: string): { text: string; user: boolean; bold: boolean }[] {
  const out: { text: string; user: boolean; bold: boolean }[] = [];
  const re = /\uE000([^\uE000-\uE003]*)\uE001|\uE002([^\uE000-\uE003]*)\uE003/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), user: false, bold: false });
    out.push({ text: m[1] ?? m[2] ?? '', user: true, bold: m[2] !== undefined });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), user: false, bold: false });
  return out;
}

/** "Name <email>" as a person sees it in a list; the Slack account is mentioned when known. */
export function who(u: { name?: string | null; email: string; slackUserId?: string | null }): string {
  const label = u.name ? `${userText(u.name)} (${userText(u.email)})` : userText(u.email);
  return u.slackUserId ? `${label} <@${u.slackUserId}>` : label;
}
