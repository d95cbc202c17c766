// Every surface's messages in one table per language. A surface adds its file here.
import type { Locale } from '../catalogue.ts';
import { accessMessages } from './access.ts';
import { bulkMessages } from './bulk.ts';
import { confirmationsMessages } from './confirmations.ts';
import { glossary } from './glossary.ts';
import { homeMessages } from './home.ts';
import { mailMessages } from './mail.ts';
import { rightsMessages } from './rights.ts';
import { slackMessages } from './slack.ts';
import { webMessages } from './web.ts';

const parts = [glossary, slackMessages, webMessages, mailMessages, homeMessages, bulkMessages, accessMessages, confirmationsMessages, rightsMessages] as const;

type KeysOf<P> = P extends { en: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<(typeof parts)[number]>;

function merge(): Record<Locale, Record<MessageKey, string>> {
  const out = { en: {}, nl: {} } as Record<Locale, Record<string, string>>;
  for (const part of parts) {
    for (const locale of ['en', 'nl'] as const) {
      for (const [key, text] of Object.entries(part[locale] as Record<string, string>)) {
        if (Object.hasOwn(out[locale], key)) throw new Error(`message key ${key} is defined twice`);
        out[locale][key] = text;
      }
    }
  }
  return out as Record<Locale, Record<MessageKey, string>>;
}

export const messages = merge();
