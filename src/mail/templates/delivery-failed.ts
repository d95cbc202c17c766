// Told to an environment's administrators when a message could not be delivered after every retry,
// so a lost invitation is noticed instead of disappearing.
import { sayer } from '../../i18n/sentence.ts';
import type { DeliveryFailureData } from '../../messages/index.ts';
import { escapeHtml, htmlFrame, type MailLocale, type RenderedEmail } from './layout.ts';

export function renderDeliveryFailed(d: DeliveryFailureData, locale: MailLocale): RenderedEmail {
  const s = sayer(locale);
  const subject = s('mail.failed.subject', { what: d.what });
  const body = d.recipient
    ? s('mail.failed.bodyTo', { what: d.what, recipient: d.recipient, attempts: d.attempts })
    : s('mail.failed.body', { what: d.what, attempts: d.attempts });
  const lines = [body, ...(d.lastError ? [s('mail.failed.error', { error: d.lastError })] : []), s('mail.failed.todo')];
  return { subject, text: `${lines.join('\n\n')}\n`, html: htmlFrame({ locale, title: subject, paragraphs: lines.map(escapeHtml) }) };
}
