// A forgotten password: the single-use link to choose a new one, and until when it works. Sent only to
// an active account's address; whoever did not ask can ignore it. Dutch and English, text and HTML.
import type { PasswordResetData } from '../../messages/index.ts';
import { escapeHtml, formatDate, htmlFrame, linkHtml, type MailLocale, type RenderedEmail } from './layout.ts';

type Data = PasswordResetData;

const words = {
  en: {
    subject: 'Choose a new eConnect password',
    title: 'Choose a new password',
    intro: 'Someone, probably you, asked for a new password for the eConnect account of this email address.',
    action: 'Open this link to choose a new password:',
    button: 'Choose a new password',
    expiry: (when: string) => `The link works once, until ${when}. After the change you are logged out everywhere else.`,
    ignore: 'Did not ask for this? Then ignore this email: your password stays as it is.',
  },
  nl: {
    subject: 'Kies een nieuw eConnect-wachtwoord',
    title: 'Kies een nieuw wachtwoord',
    intro: 'Iemand, waarschijnlijk jij, heeft een nieuw wachtwoord aangevraagd voor het eConnect-account van dit e-mailadres.',
    action: 'Open deze link om een nieuw wachtwoord te kiezen:',
    button: 'Nieuw wachtwoord kiezen',
    expiry: (when: string) => `De link werkt één keer, tot ${when}. Na de wijziging ben je overal elders uitgelogd.`,
    ignore: 'Niet aangevraagd? Negeer deze e-mail dan: je wachtwoord blijft zoals het is.',
  },
} satisfies Record<MailLocale, unknown>;

export function renderPasswordReset(d: Data, locale: MailLocale): RenderedEmail {
  const w = words[locale];
  const expiry = w.expiry(formatDate(d.expiresAt, locale));
  const text = `${[w.intro, `${w.action}\n${d.link}`, expiry, w.ignore].join('\n\n')}\n`;
  const html = htmlFrame({
    locale,
    title: w.title,
    paragraphs: [escapeHtml(w.intro), escapeHtml(w.action)],
    button: { href: d.link, label: w.button },
    footer: `${escapeHtml(expiry)}<br><br>${linkHtml(d.link)}<br><br>${escapeHtml(w.ignore)}`,
  });
  return { subject: w.subject, text, html };
}
