// A forgotten password: the single-use link to choose a new one, and until when it works. Sent only to
// an active account's address; whoever did not ask can ignore it. Dutch and English, text and HTML.
import { sayer } from '../../i18n/sentence.ts';
import type { PasswordResetData } from '../../messages/index.ts';
import { escapeHtml, formatDate, htmlFrame, linkHtml, type MailLocale, type RenderedEmail } from './layout.ts';

export function renderPasswordReset(d: PasswordResetData, locale: MailLocale): RenderedEmail {
  const s = sayer(locale);
  const [intro, action, ignore] = [s('mail.reset.intro'), s('mail.reset.action'), s('mail.reset.ignore')];
  const expiry = s('mail.reset.expiry', { when: formatDate(d.expiresAt, locale) });
  const text = `${[intro, `${action}\n${d.link}`, expiry, ignore].join('\n\n')}\n`;
  const html = htmlFrame({
    locale,
    title: s('mail.reset.title'),
    paragraphs: [escapeHtml(intro), escapeHtml(action)],
    button: { href: d.link, label: s('mail.reset.button') },
    footer: `${escapeHtml(expiry)}<br><br>${linkHtml(d.link)}<br><br>${escapeHtml(ignore)}`,
  });
  return { subject: s('mail.reset.subject'), text, html };
}
