// The question a destructive typed command asks before anything changes: what will happen, in the
// caller's language, with Confirm and Cancel buttons that carry the sealed request (../ask-first/seal.ts).
import { translator, type Locale, type MessageKey } from '../../i18n/catalogue.ts';
import { CONFIRMATION_TTL_MS } from '../ask-first/seal.ts';
import { context, flatten, plain, section } from './text.ts';

export const CONFIRM_ACTION = 'ask_first_confirm';
export const CANCEL_ACTION = 'ask_first_cancel';

export function askFirstMessage(locale: Locale, question: MessageKey, values: Record<string, string>, sealed: string) {
  const t = translator(locale);
  const text = t(question, values);
  return {
    text: flatten(text),
    blocks: [
      section(text),
      context(t('confirm.expiresNote', { minutes: CONFIRMATION_TTL_MS / 60_000 })),
      {
        type: 'actions',
        block_id: 'ask_first',
        elements: [
          { type: 'button', action_id: CONFIRM_ACTION, style: 'danger', text: plain(t('confirm.button.confirm'), 75), value: sealed },
          { type: 'button', action_id: CANCEL_ACTION, text: plain(t('confirm.button.cancel'), 75), value: sealed },
        ],
      },
    ],
  };
}
