// THE SLACK CONNECTION SLOT of the account page: what an environment Administrator reads about the
// environment's Slack workspace, and (once "Add to Slack" exists, see the README's Slack section) the
// button that connects or disconnects it. Everything the account page shows about the connection
// comes from here, so the OAuth flow plugs in by changing this file alone.
import { html, type Html } from '../html.ts';
import type { Locale } from '../i18n.ts';

export interface SlackConnection {
  /** the connected workspace's team id; null: none */
  slackTeamId: string | null;
}

const words = {
  en: {
    connected: (team: string) => `Connected (workspace ${team})`,
    notConnected: 'Slack: not connected — see the README\'s Slack section',
  },
  nl: {
    connected: (team: string) => `Gekoppeld (werkruimte ${team})`,
    notConnected: 'Slack: niet gekoppeld — zie het Slack-deel van de README',
  },
};

export const isSlackConnected = (c: SlackConnection): boolean => c.slackTeamId !== null;

/** The description of the connection, with its action when there is one. */
export function slackConnectionSection(locale: Locale, c: SlackConnection): Html {
  const w = words[locale];
  return c.slackTeamId ? html`<span data-slot="slack-connection">${w.connected(c.slackTeamId)}</span>` : html`<span data-slot="slack-connection">${w.notConnected}</span>`;
}
