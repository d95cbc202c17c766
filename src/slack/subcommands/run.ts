// What a subcommand gets: the caller, the words after it, and ways to answer.
import type { webApi } from '@slack/bolt';
import { AppError, resolveOrganisation, resolveUser } from '../../rights/index.ts';
import { mentionedUser } from '../command-text.ts';
import type { SlackContext } from '../context.ts';
import type { Caller } from '../identity.ts';
import { escapeMrkdwn, message } from '../blocks/text.ts';

export interface Run {
  ctx: SlackContext;
  client: webApi.WebClient;
  caller: Caller;
  args: string[];
  channelId: string;
  triggerId: string;
  /** the Slack workspace the command came from (work done later uses its token) */
  teamId?: string;
  /** ephemeral answer to the caller */
  respond(message: { text: string; blocks?: unknown[] }): Promise<void>;
  /** confirmation of a change in the channel */
  confirm(text: string): Promise<void>;
}

export interface Subcommand {
  usage: string;
  run(r: Run): Promise<void>;
}

/** A user of the caller's environment from an email, an @mention or an unambiguous name. */
export async function userArg(r: Run, token: string | undefined) {
  if (!token) throw new AppError('invalid_input', 'rights.user.sayWho', {}, 'user');
  const slackId = mentionedUser(token);
  if (slackId) {
    const email = await r.ctx.identity.emailOf(r.client, slackId);
    if (!email) throw new AppError('not_found', 'rights.slack.mentionWithoutEmail', {}, 'user');
    return resolveUser(r.ctx.deps, r.caller, token, email);
  }
  return resolveUser(r.ctx.deps, r.caller, token);
}

export const organisationArg = (r: Run, words: string[]) => resolveOrganisation(r.ctx.deps, r.caller, words.join(' '));

export const usage = (r: Run, text: string) => r.respond(message(`Usage: \`${r.ctx.command} ${escapeMrkdwn(text)}\``));
