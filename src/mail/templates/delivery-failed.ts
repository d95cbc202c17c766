// Told to an environment's administrators when a message could not be delivered after every retry,
// so a lost invitation is noticed instead of disappearing.
import type { DeliveryFailureData } from '../../messages/index.ts';
import { escapeHtml, htmlFrame, type MailLocale, type RenderedEmail } from './layout.ts';

type Data = DeliveryFailureData;

const what = {
  en: { invitation: 'the invitation email', email: 'an email', slack: 'a Slack notification' },
  nl: { invitation: 'de uitnodigingsmail', email: 'een e-mail', slack: 'een Slack-melding' },
} satisfies Record<MailLocale, Record<Data['what'], string>>;

const words = {
  en: {
    subject: (d: Data) => `eConnect could not deliver ${what.en[d.what]}`,
    body: (d: Data) => `eConnect could not deliver ${what.en[d.what]}${d.recipient ? ` to ${d.recipient}` : ''} after ${d.attempts} attempts.`,
    error: 'Last error:',
    todo: 'Check the address and the mail settings, then resend the invitation (in Slack: /econnect resend).',
  },
  nl: {
    subject: (d: Data) => `eConnect kon ${what.nl[d.what]} niet bezorgen`,
    body: (d: Data) => `eConnect kon ${what.nl[d.what]}${d.recipient ? ` aan ${d.recipient}` : ''} na ${d.attempts} pogingen niet bezorgen.`,
    error: 'Laatste foutmelding:',
    todo: 'Controleer het adres en de e-mailinstellingen en stuur de uitnodiging opnieuw (in Slack: /econnect resend).',
  },
} satisfies Record<MailLocale, unknown>;

export function renderDeliveryFailed(d: Data, locale: MailLocale): RenderedEmail {
  const w = words[locale];
  const lines = [w.body(d), ...(d.lastError ? [`${w.error} ${d.lastError}`] : []), w.todo];
  return {
    subject: w.subject(d),
    text: `${lines.join('\n\n')}\n`,
    html: htmlFrame({ locale, title: w.subject(d), paragraphs: lines.map(escapeHtml) }),
  };
}
