// One surface's messages: the English text decides the keys, the Dutch text must have every one.
import type { Locale } from '../catalogue.ts';

export type Messages<K extends string> = Record<Locale, Record<K, string>>;

export const defineMessages = <K extends string>(en: Record<K, string>, nl: NoInfer<Record<K, string>>): Messages<K> => ({ en, nl });
