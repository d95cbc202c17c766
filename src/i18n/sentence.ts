// Sentences around names: a name that ends in a full stop ("Acme Sales B.V.") at the end of a
// sentence is not followed by a second one. `say` is the catalogue's `t` with that tidied, for the
// pages, the emails and the rights service's messages, whose values are names people typed.
import { type Locale, type MessageKey, type MessageValues, t } from './catalogue.ts';

/** "… B.V.." becomes "… B.V."; an ellipsis ("...") stays as it is. */
export const tidy = (text: string): string => text.replace(/(\p{L}\.)\.(?!\.)/gu, '$1');

/** The message `key` in `locale` with `values`, its sentences tidied around names. */
export const say = (locale: Locale, key: MessageKey, values?: MessageValues): string => tidy(t(locale, key, values));

export type Say = (key: MessageKey, values?: MessageValues) => string;
/** `say` bound to one locale. */
export const sayer = (locale: Locale): Say => (key, values) => say(locale, key, values);
