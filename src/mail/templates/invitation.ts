// The invitation: who invited the person to which environment, the role, the organisations they will
// join, the activation link and until when it works. Dutch and English, text and HTML. Replies go to
// the inviter.
import { sayer } from '../../i18n/sentence.ts';
import type { InvitationData } from '../../messages/index.ts';
import { escapeHtml, formatDate, htmlFrame, linkHtml, type MailLocale, type RenderedEmail } from './layout.ts';

export function renderInvitation(d: InvitationData, locale: MailLocale): RenderedEmail {
  const s = sayer(locale);
  const names = { inviter: d.inviterName, environment: d.environmentName };
  const intro = s('mail.invitation.intro', { ...names, inviterEmail: d.inviterEmail, role: d.role });
  const orgs = d.organisations.length ? s('mail.invitation.organisations', { organisations: d.organisations.join(', ') }) : null;
  const expiry = s('mail.invitation.expiry', { when: formatDate(d.expiresAt, locale), inviter: d.inviterName });
  const action = s('mail.invitation.action');
  const ignore = s('mail.invitation.ignore');
  const paragraphs = [intro, ...(orgs ? [orgs] : []), `${action}\n${d.link}`, expiry, ignore];
  const text = `${paragraphs.join('\n\n')}\n`;
  const html = htmlFrame({
    locale,
    title: s('mail.invitation.title'),
    paragraphs: [escapeHtml(intro), ...(orgs ? [escapeHtml(orgs)] : []), escapeHtml(action)],
    button: { href: d.link, label: s('mail.invitation.button') },
    footer: `${escapeHtml(s('mail.invitation.linkIntro'))}<br>${linkHtml(d.link)}<br><br>${escapeHtml(expiry)}<br><br>${escapeHtml(ignore)}`,
  });
  // A question about the invitation is for the person who sent it, not for a no-reply address.
  return { subject: s('mail.invitation.subject', names), text, html, replyTo: { name: d.inviterName, address: d.inviterEmail } };
}
