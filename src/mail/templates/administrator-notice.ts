// An activation or an auto-join told to an environment's administrators by email, because nobody's
// Slack account was known yet to tell them in Slack. Says what happened, what they can do next, and
// how to get these in Slack instead. Dutch and English, text and HTML.
import type { AdministratorNoticeData } from '../../messages/index.ts';
import { environmentRoleLabel } from '../../i18n/labels.ts';
import { escapeHtml, htmlFrame, type MailLocale, type RenderedEmail } from './layout.ts';

type Data = AdministratorNoticeData;

const person = (d: Data['data']) => (d.userName ? `${d.userName} (${d.email})` : d.email);

const words = {
  en: {
    subject: (d: Data) => (d.kind === 'user.activated' ? `${person(d.data)} activated their eConnect account` : `${person(d.data)} joined ${d.data.environmentName} in eConnect`),
    what: (d: Data) => {
      if (d.kind === 'user.auto_joined') return `${person(d.data)} joined the environment ${d.data.environmentName} through its mail domain, as Basic user without organisations.`;
      const orgs = d.data.organisations.length ? ` They joined ${d.data.organisations.join(', ')}.` : '';
      return `${person(d.data)} activated their eConnect account in ${d.data.environmentName}, as ${environmentRoleLabel('en', d.data.role)}.${orgs}`;
    },
    next: 'Decide what they may do: in Slack, /econnect add-to-org, /econnect make-admin or /econnect block with their email address.',
    why: 'You get this by email because eConnect does not know the Slack account of any administrator yet. Run any /econnect command in Slack once, or choose a channel for these messages with /econnect notify-here.',
  },
  nl: {
    subject: (d: Data) => (d.kind === 'user.activated' ? `${person(d.data)} heeft het eConnect-account geactiveerd` : `${person(d.data)} is in eConnect bij ${d.data.environmentName} gekomen`),
    what: (d: Data) => {
      if (d.kind === 'user.auto_joined') return `${person(d.data)} is via het domein van het e-mailadres in de omgeving ${d.data.environmentName} gekomen, als basisgebruiker zonder organisaties.`;
      const orgs = d.data.organisations.length ? ` Lid van: ${d.data.organisations.join(', ')}.` : '';
      return `${person(d.data)} heeft het eConnect-account in ${d.data.environmentName} geactiveerd, als ${environmentRoleLabel('nl', d.data.role)}.${orgs}`;
    },
    next: 'Bepaal wat deze persoon mag: in Slack met /econnect add-to-org, /econnect make-admin of /econnect block en het e-mailadres.',
    why: 'Je krijgt dit per e-mail omdat eConnect nog van geen enkele beheerder het Slack-account kent. Gebruik één keer een /econnect-opdracht in Slack, of kies een kanaal voor deze berichten met /econnect notify-here.',
  },
} satisfies Record<MailLocale, unknown>;

export function renderAdministratorNotice(d: Data, locale: MailLocale): RenderedEmail {
  const w = words[locale];
  const lines = [w.what(d), w.next, w.why];
  return {
    subject: w.subject(d),
    text: `${lines.join('\n\n')}\n`,
    html: htmlFrame({ locale, title: w.subject(d), paragraphs: lines.map(escapeHtml) }),
  };
}
