// What a subcommand gets: the caller, the words after it, and ways to answer, each in its language:
// `t` speaks the caller's (answers only they see), `confirm` the environment's (the channel).
import type { webApi } from '@slack/bolt';
import type { Locale, MessageKey, Translate } from '../../i18n/catalogue.ts';
import { resolveOrganisation, resolveUser } from '../../rights/index.ts';
import type { Confirmations } from '../blocks/confirmations.ts';
import { mentionedUser } from '../command-text.ts';
import type { SlackContext } from '../context.ts';
import type { Caller } from '../identity.ts';
import { escapeMrkdwn, message } from '../blocks/text.ts';
import { SlackRefusal } from '../refusal.ts';

export interface Run {
  ctx: SlackContext;
  client: webApi.WebClient;
  caller: Caller;
  args: string[];
  channelId: string;
  /** the workspace the command came from */
  teamId: string;
  triggerId: string;
  /** the caller's language: for answers only they see, and the modals they open */
  t: Translate;
  /** ephemeral answer to the caller */
  respond(message: { text: string; blocks?: unknown[] }): Promise<void>;
  /** confirmation of a change in the channel, written in the environment's language (or in `locale`: the one just chosen) */
  confirm(write: (c: Confirmations) => string, locale?: Locale): Promise<void>;
}

export interface Subcommand {
  /** how to call it, in the catalogue */
  usage: MessageKey;
  run(r: Run): Promise<void>;
}

/** A user of the caller's environment from an email, an @mention or an unambiguous name. */
export async function userArg(r: Run, token: string | undefined) {
  if (!token) throw new SlackRefusal('invalid_input', 'slack.refusal.sayWho', {}, r.caller.locale, 'user');
  const slackId = mentionedUser(token);
  if (slackId) {
    const email = await r.ctx.identity.emailOf(r.client, slackId);
    if (!email) throw new SlackRefusal('not_found', 'slack.refusal.mentionWithoutEmail', {}, r.caller.locale, 'user');
    return resolveUser(r.ctx.deps, r.caller, token, email);
  }
  return resolveUser(r.ctx.deps, r.caller, token);
}

export const organisationArg = (r: Run, words: string[]) => resolveOrganisation(r.ctx.deps, r.caller, words.join(' '));

export const usage = (r: Run, key: MessageKey) => r.respond(message(r.t('slack.usage', { command: r.ctx.command, usage: escapeMrkdwn(r.t(key)) })));
