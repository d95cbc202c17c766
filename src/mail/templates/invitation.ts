// The invitation: who invited the person to which environment, the role, the organisations they will
// join, the activation link and until when it works. Dutch and English, text and HTML. Replies go to
// the inviter.
import { labels } from '../../i18n/labels.ts';
import type { InvitationData } from '../../messages/index.ts';
import { escapeHtml, formatDate, htmlFrame, linkHtml, type MailLocale, type RenderedEmail } from './layout.ts';

type Data = InvitationData;

const words = {
  en: {
    subject: (d: Data) => `${d.inviterName} invited you to ${d.environmentName} on eConnect`,
    title: 'Activate your eConnect account',
    intro: (d: Data, role: string) => `${d.inviterName} (${d.inviterEmail}) invited you to the eConnect environment "${d.environmentName}" as ${role}.`,
    orgs: (list: string) => `When you activate your account you join: ${list}.`,
    action: 'Activate your account and choose a password:',
    button: 'Activate account',
    linkIntro: 'Does the button not work? Copy this link into your browser:',
    expiry: (when: string, inviter: string) => `This link works once, until ${when}. If it has expired, ask ${inviter} for a new invitation.`,
    ignore: 'Did not expect this invitation? Then you can ignore this email; nothing happens until the link is used.',
  },
  nl: {
    subject: (d: Data) => `${d.inviterName} heeft je uitgenodigd voor ${d.environmentName} in eConnect`,
    title: 'Activeer je eConnect-account',
    intro: (d: Data, role: string) => `${d.inviterName} (${d.inviterEmail}) heeft je uitgenodigd voor de eConnect-omgeving "${d.environmentName}" als ${role}.`,
    orgs: (list: string) => `Als je je account activeert, word je lid van: ${list}.`,
    action: 'Activeer je account en kies een wachtwoord:',
    button: 'Account activeren',
    linkIntro: 'Werkt de knop niet? Kopieer deze link naar je browser:',
    expiry: (when: string, inviter: string) => `Deze link werkt één keer, tot ${when}. Is hij verlopen? Vraag ${inviter} dan om een nieuwe uitnodiging.`,
    ignore: 'Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren; er gebeurt niets zolang de link niet gebruikt wordt.',
  },
} satisfies Record<MailLocale, unknown>;

export function renderInvitation(d: Data, locale: MailLocale): RenderedEmail {
  const w = words[locale];
  const role = labels[locale].environmentRole[d.role];
  const when = formatDate(d.expiresAt, locale);
  const intro = w.intro(d, role);
  const orgs = d.organisations.length ? w.orgs(d.organisations.join(', ')) : null;
  const expiry = w.expiry(when, d.inviterName);
  const paragraphs = [intro, ...(orgs ? [orgs] : []), `${w.action}\n${d.link}`, expiry, w.ignore];
  const text = `${paragraphs.join('\n\n')}\n`;
  const html = htmlFrame({
    locale,
    title: w.title,
    paragraphs: [escapeHtml(intro), ...(orgs ? [escapeHtml(orgs)] : []), escapeHtml(w.action)],
    button: { href: d.link, label: w.button },
    footer: `${escapeHtml(w.linkIntro)}<br>${linkHtml(d.link)}<br><br>${escapeHtml(expiry)}<br><br>${escapeHtml(w.ignore)}`,
  });
  // A question about the invitation is for the person who sent it, not for a no-reply address.
  return { subject: w.subject(d), text, html, replyTo: { name: d.inviterName, address: d.inviterEmail } };
}
