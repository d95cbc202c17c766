// THE SLACK CONNECTION SLOT of the account page: what an environment Administrator reads about the
// environment's Slack workspace and, in distribution mode (SLACK_CLIENT_ID), the "Add to Slack" link
// (GET /slack/install, see slack-install-router.ts) or the form that disconnects it. Everything the
// account page shows about the connection comes from here.
import { csrfField } from '../form.ts';
import { html, type Html } from '../html.ts';
import { sayer } from '../../i18n/sentence.ts';
import type { Locale } from '../i18n.ts';

export interface SlackConnection {
  /** the connected workspace's team id; null: none */
  slackTeamId: string | null;
  slackTeamName?: string | null;
  /** distribution mode: "Add to Slack" and "Disconnect" */
  slackInstall?: boolean;
}

export const isSlackConnected = (c: SlackConnection): boolean => c.slackTeamId !== null;

/** The description of the connection, with its action when there is one. */
export function slackConnectionSection(locale: Locale, c: SlackConnection, csrf = ''): Html {
  const w = sayer(locale);
  const team = c.slackTeamName ? `${c.slackTeamName}, ${c.slackTeamId}` : (c.slackTeamId ?? '');
  if (!c.slackInstall) {
    return c.slackTeamId ? html`<span data-slot="slack-connection">${w('web.slack.connected', { team })}</span>` : html`<span data-slot="slack-connection">${w('web.slack.notConnected')}</span>`;
  }
  if (c.slackTeamId) {
    return html`<span data-slot="slack-connection">${w('web.slack.connected', { team })}</span>
<form method="post" action="/account/slack/disconnect?lang=${locale}" novalidate>${csrfField(csrf)}<button type="submit" class="secondary">${w('web.slack.disconnect')}</button></form>`;
  }
  return html`<span data-slot="slack-connection">${w('web.slack.notConnectedInstall')}</span>
<p><a href="/slack/install?lang=${locale}" class="add-to-slack">${w('web.slack.add')}</a></p><p class="hint">${w('web.slack.addHint')}</p>`;
}
