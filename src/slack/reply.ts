// Where answers go: confirmations of changes into the channel where the command ran (everyone sees
// who did what to whom), refusals and look-ups only to the caller.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../log.ts';
import { message } from './blocks/text.ts';

const NOT_THERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/**
 * Posts `text` in `channel`. When the bot may not post there (a private channel it is not in), the
 * confirmation goes to `fallback` (the command's response_url) or to the caller directly.
 */
export async function confirmInChannel(
  client: webApi.WebClient,
  logger: Logger,
  where: { channel: string; callerSlackId: string; fallback?: (m: { text: string; blocks: unknown[] }) => Promise<unknown> },
  text: string,
): Promise<void> {
  try {
    await client.chat.postMessage({ channel: where.channel || where.callerSlackId, ...message(text) });
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (!code || !NOT_THERE.has(code)) throw err;
    logger.info({ channel: where.channel, code }, 'cannot post in the channel; confirming elsewhere');
    if (where.fallback) await where.fallback(message(text));
    else await client.chat.postMessage({ channel: where.callerSlackId, ...message(text) });
  }
}

/** An ephemeral message to the caller in a channel (used where there is no response_url). */
export async function tellCaller(client: webApi.WebClient, channel: string, user: string, text: string): Promise<void> {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user, ...message(text) });
      return;
    } catch {
      // not in that channel: a direct message still reaches them
    }
  }
  await client.chat.postMessage({ channel: user, ...message(text) });
}
