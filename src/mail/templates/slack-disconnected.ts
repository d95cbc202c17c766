// Told to an environment's administrators when its Slack workspace is disconnected (by an
// administrator, or because the app was uninstalled or its token revoked in Slack), so nobody waits
// for Slack notifications that are queued until a workspace is connected again.
import { sayer } from '../../i18n/sentence.ts';
import type { SlackDisconnectedData } from '../../messages/index.ts';
import { escapeHtml, htmlFrame, type MailLocale, type RenderedEmail } from './layout.ts';

export function renderSlackDisconnected(d: SlackDisconnectedData, locale: MailLocale): RenderedEmail {
  const s = sayer(locale);
  const subject = s('mail.slackGone.subject', { environment: d.environmentName });
  const lines = [
    s('mail.slackGone.body', { team: d.teamId, environment: d.environmentName, reason: d.reason }),
    s('mail.slackGone.wait'),
    s('mail.slackGone.todo', { link: d.accountLink }),
  ];
  return { subject, text: `${lines.join('\n\n')}\n`, html: htmlFrame({ locale, title: subject, paragraphs: lines.map(escapeHtml) }) };
}
