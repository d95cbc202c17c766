// Told to an environment's administrators when its Slack workspace is disconnected (by an
// administrator, or because the app was uninstalled or its token revoked in Slack), so nobody waits
// for Slack notifications that are queued until a workspace is connected again.
import type { SlackDisconnectedData } from '../../messages/index.ts';
import { escapeHtml, htmlFrame, type MailLocale, type RenderedEmail } from './layout.ts';

type Data = SlackDisconnectedData;

const how = {
  en: { disconnected: 'an administrator disconnected it', app_uninstalled: 'the app was removed from the workspace in Slack', tokens_revoked: 'its access was revoked in Slack' },
  nl: { disconnected: 'een beheerder heeft de koppeling verbroken', app_uninstalled: 'de app is in Slack uit de werkruimte verwijderd', tokens_revoked: 'de toegang is in Slack ingetrokken' },
} satisfies Record<MailLocale, Record<Data['reason'], string>>;

const words = {
  en: {
    subject: (d: Data) => `Slack is disconnected from ${d.environmentName}`,
    body: (d: Data) => `eConnect no longer works in the Slack workspace ${d.teamId} of ${d.environmentName}: ${how.en[d.reason]}. Its tokens are deleted.`,
    wait: 'Slack notifications for your environment wait until a workspace is connected again; nothing is lost.',
    todo: (d: Data) => `To connect it again, log in and choose "Add to Slack" on your account page: ${d.accountLink}`,
  },
  nl: {
    subject: (d: Data) => `Slack is losgekoppeld van ${d.environmentName}`,
    body: (d: Data) => `eConnect werkt niet meer in de Slack-werkruimte ${d.teamId} van ${d.environmentName}: ${how.nl[d.reason]}. De tokens zijn gewist.`,
    wait: 'Slack-meldingen voor uw omgeving wachten tot er weer een werkruimte gekoppeld is; er gaat niets verloren.',
    todo: (d: Data) => `Koppel opnieuw door in te loggen en op uw accountpagina "Toevoegen aan Slack" te kiezen: ${d.accountLink}`,
  },
} satisfies Record<MailLocale, unknown>;

export function renderSlackDisconnected(d: Data, locale: MailLocale): RenderedEmail {
  const w = words[locale];
  const lines = [w.body(d), w.wait, w.todo(d)];
  return { subject: w.subject(d), text: `${lines.join('\n\n')}\n`, html: htmlFrame({ locale, title: w.subject(d), paragraphs: lines.map(escapeHtml) }) };
}
