// An activation or an auto-join told to an environment's administrators by email, because nobody's
// Slack account was known yet to tell them in Slack. Says what happened, what they can do next, and
// how to get these in Slack instead. Dutch and English, text and HTML.
import { sayer } from '../../i18n/sentence.ts';
import type { AdministratorNoticeData } from '../../messages/index.ts';
import { escapeHtml, htmlFrame, type MailLocale, type RenderedEmail } from './layout.ts';

export function renderAdministratorNotice(d: AdministratorNoticeData, locale: MailLocale): RenderedEmail {
  const s = sayer(locale);
  const person = d.data.userName ? `${d.data.userName} (${d.data.email})` : d.data.email;
  const names = { person, environment: d.data.environmentName };
  let subject: string;
  let what: string;
  if (d.kind === 'user.auto_joined') {
    subject = s('mail.notice.joinedSubject', names);
    what = s('mail.notice.joined', names);
  } else {
    subject = s('mail.notice.activatedSubject', names);
    what = d.data.organisations.length
      ? s('mail.notice.activatedOrganisations', { ...names, role: d.data.role, organisations: d.data.organisations.join(', ') })
      : s('mail.notice.activated', { ...names, role: d.data.role });
  }
  const lines = [what, s('mail.notice.next'), s('mail.notice.why')];
  return { subject, text: `${lines.join('\n\n')}\n`, html: htmlFrame({ locale, title: subject, paragraphs: lines.map(escapeHtml) }) };
}
