// Sends one queued notification for the outbox worker. Errors are thrown so the outbox retries; a
// rate limit carries Slack's Retry-After as retryAfterMs. The client never retries by itself: the
// outbox owns retries, and a stuck Web API must not hold a worker for minutes.
import { webApi } from '@slack/bolt';
import { isLocale, translator } from '../i18n/catalogue.ts';
import { renderNotification, type Notification } from './blocks/notifications.ts';

// Slack errors that no retry can fix: the outbox marks the message failed and reports it at once.
const PERMANENT = new Set([
  'channel_not_found', 'is_archived', 'not_in_channel', 'user_not_found', 'invalid_blocks', 'msg_too_long', 'no_text',
  'invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'missing_scope', 'restricted_action', 'not_configured',
]);

export class SlackDeliveryError extends Error {
  /** read by the outbox: retrying cannot help */
  readonly permanent: boolean;

  constructor(
    message: string,
    readonly code: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SlackDeliveryError';
    this.permanent = PERMANENT.has(code);
  }
}

/** Not sent yet because the environment has no Slack workspace connected: the outbox keeps it waiting. */
export class SlackNotConnected extends Error {
  /** read by the outbox: try again this much later, without using up an attempt */
  readonly waitMs = 60_000;

  constructor() {
    super('the environment has no Slack workspace connected; the notification waits until one is');
    this.name = 'SlackNotConnected';
  }
}

/**
 * Not sent yet because Slack asked this workspace to wait before calling this method again (its
 * Retry-After): the outbox keeps the message waiting that long without using up an attempt, and
 * Slack is not called meanwhile. Other workspaces, and other methods, go on.
 */
export class SlackRateLimited extends Error {
  constructor(
    readonly method: string,
    /** read by the outbox: try again this much later, without using up an attempt */
    readonly waitMs: number,
  ) {
    super(`Slack rate limit for ${method} in this workspace: waiting ${Math.ceil(waitMs / 1000)} s as Slack asked`);
    this.name = 'SlackRateLimited';
  }
}

/** The bot token for an environment's notifications: its workspace's (distribution), the one token (single workspace), or null. */
export type TokenForEnvironment = (environmentId: string | null) => Promise<string | null>;

/** The language of a notification: the environment's for a channel, the person's own for a direct message. */
export type LocaleForRecipient = (environmentId: string | null, channel: string) => Promise<string>;

export function createNotifier(tokenFor: TokenForEnvironment, slackApiUrl: string | undefined, options: { now?: () => number; localeFor?: LocaleForRecipient } = {}) {
  const now = options.now ?? Date.now;
  const localeFor = options.localeFor ?? (async () => 'en');
  // Slack limits each workspace (its token) per method. After a 429, that workspace's calls to that
  // method wait until its Retry-After has passed; they are held here, never sent to be refused again.
  const limitedUntil = new Map<string, number>();
  const limitKey = (token: string, method: string) => `${method}:${token}`;
  const heldFor = (key: string) => {
    const until = limitedUntil.get(key);
    if (until === undefined) return 0;
    if (until > now()) return until - now();
    limitedUntil.delete(key);
    return 0;
  };
  // One client per workspace token: each keeps its own rate-limit state, so one busy workspace does
  // not hold up the others.
  const clients = new Map<string, webApi.WebClient>();
  const clientFor = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      if (clients.size > 1000) clients.clear();
      client = new webApi.WebClient(token, {
        ...(slackApiUrl ? { slackApiUrl } : {}),
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
        timeout: 10_000,
      });
      clients.set(token, client);
    }
    return client;
  };
  return async function deliverNotification(payload: Notification, messageId: string, environmentId: string | null = null): Promise<{ channel: string; ts: string }> {
    const token = await tokenFor(environmentId);
    if (!token) throw new SlackNotConnected();
    const key = limitKey(token, 'chat.postMessage');
    const held = heldFor(key);
    if (held > 0) throw new SlackRateLimited('chat.postMessage', held);
    const client = clientFor(token);
    const locale = await localeFor(environmentId, payload.channel);
    const message = renderNotification(payload, translator(isLocale(locale) ? locale : 'en'));
    try {
      const res = await client.chat.postMessage({
        channel: payload.channel,
        text: message.text,
        blocks: message.blocks as never,
        unfurl_links: false,
        // Lets someone reading the channel's history match a message to the outbox row.
        metadata: { event_type: 'econnect_notification', event_payload: { message_id: messageId, kind: payload.kind } },
      });
      return { channel: String(res.channel), ts: String(res.ts) };
    } catch (err) {
      const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
      if (e.code === webApi.ErrorCode.RateLimitedError) {
        if (limitedUntil.size > 10_000) limitedUntil.clear();
        limitedUntil.set(key, now() + (e.retryAfter ?? 1) * 1000);
        throw new SlackDeliveryError('Slack rate limit', 'ratelimited', (e.retryAfter ?? 1) * 1000, { cause: err });
      }
      const code = e.data?.error ?? e.code ?? 'unknown';
      throw new SlackDeliveryError(`Slack chat.postMessage failed: ${code}`, code, undefined, { cause: err });
    }
  };
}
