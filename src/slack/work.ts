// Slack work that runs after Slack got its HTTP 200, made durable (issue 10): Slack never repeats a
// request it got a 200 for, so the work is recorded in the outbox before the ack (one insert) and done
// by a leased outbox worker (src/outbox, kind SLACK_WORK): work a crash interrupted is taken again
// when its lease runs out, the change runs once (the request id is Slack's trigger_id, see
// changeOnce), and the person always gets an answer: on the request's response_url while Slack takes
// it (30 minutes, five posts), otherwise ephemerally in the channel, or else by direct message.
// Work that opens a modal cannot wait for this (a trigger_id lives 3 s) and runs right after the ack.
import type { SlashCommand, webApi } from '@slack/bolt';
import type { Locale } from '../i18n/catalogue.ts';
import type { Logger } from '../log.ts';
import { slackWork, type SlackWork } from '../messages/index.ts';
import { nowOf, queueSlackWork } from '../rights/index.ts';
import { section } from './blocks/text.ts';
import type { SlackContext } from './context.ts';

/** What an answer carries, as a response_url takes it. */
export interface Answer {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  text: string;
  blocks?: unknown[];
}

export type Answerer = (message: Answer) => Promise<void>;

/** Slack takes posts to a response_url for 30 minutes; a minute's margin for the clocks and the post. */
const RESPONSE_URL_USABLE_MS = 29 * 60_000;
const RESPONSE_URL_POSTS = 5;

/** Records a slash command's work before its ack; false when this request was recorded before (Slack delivered it twice). */
export function recordCommand(ctx: SlackContext, command: SlashCommand): Promise<boolean> {
  const work: SlackWork = {
    type: 'command',
    receivedAt: nowOf(ctx.deps).toISOString(),
    responseUrl: command.response_url || null,
    command: {
      command: command.command,
      text: command.text ?? '',
      user_id: command.user_id,
      team_id: command.team_id ?? '',
      channel_id: command.channel_id ?? '',
      trigger_id: command.trigger_id,
    },
  };
  return queueSlackWork(ctx.deps, `slack-work:command:${command.trigger_id}`, work);
}

/** Where a piece of work's answers go: its response_url while usable, else ephemeral in the channel, else a direct message. */
export function answerer(
  client: webApi.WebClient,
  logger: Logger,
  where: { responseUrl: string | null; receivedAt: string; channel: string; user: string },
): Answerer {
  let posts = 0;
  return async (m) => {
    const usable = where.responseUrl && Date.now() - Date.parse(where.receivedAt) < RESPONSE_URL_USABLE_MS && posts < RESPONSE_URL_POSTS;
    if (usable) {
      posts++;
      const res = await fetch(where.responseUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(m),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return;
      // expired or used up: the answer still reaches the person below
      logger.info({ status: res.status }, 'the response_url refused the answer; answering in Slack directly');
    }
    const message = { text: m.text, blocks: (m.blocks ?? [section(m.text)]) as never };
    if (m.response_type === 'in_channel' && where.channel) {
      try {
        await client.chat.postMessage({ channel: where.channel, ...message });
        return;
      } catch {
        // not allowed in that channel: the person still hears it directly
      }
    } else if (where.channel) {
      try {
        await client.chat.postEphemeral({ channel: where.channel, user: where.user, ...message });
        return;
      } catch {
        // not in that channel (or a DM the bot cannot see): a direct message reaches them
      }
    }
    await client.chat.postMessage({ channel: where.user, ...message });
  };
}

type Work<T extends SlackWork['type']> = Extract<SlackWork, { type: T }>;

/**
 * Records a button's work before its ack; false when this click was recorded before (keyed by its
 * request id where it has one, an App Home's view id and hash, else by its trigger_id).
 */
export function recordButton(ctx: SlackContext, click: Omit<Work<'button'>, 'type' | 'receivedAt'>): Promise<boolean> {
  return queueSlackWork(ctx.deps, `slack-work:button:${click.requestId ?? click.trigger_id}`, { type: 'button', receivedAt: nowOf(ctx.deps).toISOString(), ...click });
}

/** Records a form's confirmation before its ack; a form submitted twice (same view id and hash) is confirmed once. */
export function recordConfirmation(ctx: SlackContext, c: { channel: string; user: string; team: string; text: string; requestId: string; locale: Locale }): Promise<boolean> {
  return queueSlackWork(ctx.deps, `slack-work:confirm:${c.requestId}`.slice(0, 500), {
    type: 'confirm', receivedAt: nowOf(ctx.deps).toISOString(), responseUrl: null, channel: c.channel, user_id: c.user, team_id: c.team, text: c.text, requestId: c.requestId, locale: c.locale,
  });
}

/** A stored payload that does not match the contract: retrying will not help. */
class SlackWorkError extends Error {
  readonly permanent = true;
}

/** The outbox worker's delivery for SLACK_WORK rows. */
export function workDelivery(
  ctx: SlackContext,
  clientFor: (teamId: string) => Promise<webApi.WebClient>,
  handlers: { [T in SlackWork['type']]: (work: Work<T>, answer: Answerer, client: webApi.WebClient, id: string) => Promise<void> },
) {
  return async (payload: unknown, id: string): Promise<void> => {
    const parsed = slackWork.safeParse(payload);
    if (!parsed.success) throw new SlackWorkError(`Slack work ${id} does not match its contract: ${parsed.error.issues[0]?.message}`);
    const work = parsed.data;
    const logger = ctx.logger.child({ work: id, type: work.type });
    const where = work.type === 'command' ? work.command : work.type === 'button' ? work : work.type === 'bulk' ? { channel_id: '', user_id: work.user_id } : { channel_id: work.channel, user_id: work.user_id };
    // the token of the workspace the request came from (distribution mode: as installed now)
    const client = await clientFor(work.type === 'command' ? work.command.team_id : work.team_id);
    const answer = answerer(client, logger, { responseUrl: work.responseUrl, receivedAt: work.receivedAt, channel: where.channel_id, user: where.user_id });
    if (work.type === 'command') await handlers.command(work, answer, client, id);
    else if (work.type === 'button') await handlers.button(work, answer, client, id);
    else if (work.type === 'bulk') await handlers.bulk(work, answer, client, id);
    else await handlers.confirm(work, answer, client, id);
  };
}
