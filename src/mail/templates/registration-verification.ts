// The registration email (rule 7, step 1). Two kinds, so the web page can answer the same either
// way: `verify` carries the link that proves the address and leads to step 2; `existing` tells an
// address that already has an account to log in (and carries no registration link). Dutch and
// English, text and HTML.
import { sayer } from '../../i18n/sentence.ts';
import type { RegistrationVerificationData } from '../../messages/index.ts';
import { escapeHtml, formatDate, htmlFrame, linkHtml, type MailLocale, type RenderedEmail } from './layout.ts';

export function renderRegistrationVerification(d: RegistrationVerificationData, locale: MailLocale): RenderedEmail {
  const s = sayer(locale);
  if (d.kind === 'verify') {
    const [intro, action, ignore] = [s('mail.registration.verifyIntro'), s('mail.registration.verifyAction'), s('mail.registration.ignore')];
    const expiry = s('mail.registration.verifyExpiry', { when: formatDate(d.expiresAt, locale) });
    const text = `${[intro, `${action}\n${d.link}`, expiry, ignore].join('\n\n')}\n`;
    const html = htmlFrame({
      locale,
      title: s('mail.registration.verifyTitle'),
      paragraphs: [escapeHtml(intro), escapeHtml(action)],
      button: { href: d.link, label: s('mail.registration.verifyButton') },
      footer: `${escapeHtml(expiry)}<br><br>${linkHtml(d.link)}<br><br>${escapeHtml(ignore)}`,
    });
    return { subject: s('mail.registration.verifySubject'), text, html };
  }
  const [intro, ignore] = [s('mail.registration.existingIntro'), s('mail.registration.existingIgnore')];
  const action = s('mail.registration.existing', { status: d.status });
  const text = `${[intro, `${action}\n${d.loginLink}`, ignore].join('\n\n')}\n`;
  const html = htmlFrame({
    locale,
    title: s('mail.registration.existingTitle'),
    paragraphs: [escapeHtml(intro), escapeHtml(action)],
    button: { href: d.loginLink, label: s('mail.registration.existingButton') },
    footer: escapeHtml(ignore),
  });
  return { subject: s('mail.registration.existingSubject'), text, html };
}
