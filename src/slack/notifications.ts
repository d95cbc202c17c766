// Sends one queued notification for the outbox worker. Errors are thrown so the outbox retries; a
// rate limit carries Slack's Retry-After as retryAfterMs. The client never retries by itself: the
// outbox owns retries, and a stuck Web API must not hold a worker for minutes.
import { webApi } from '@slack/bolt';
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

export function createNotifier(token: string | undefined, slackApiUrl: string | undefined) {
  const client = new webApi.WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
  return async function deliverNotification(payload: Notification, messageId: string): Promise<{ channel: string; ts: string }> {
    if (!token) throw new SlackDeliveryError('SLACK_BOT_TOKEN is not set, so Slack notifications cannot be sent', 'not_configured');
    const message = renderNotification(payload);
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
        throw new SlackDeliveryError('Slack rate limit', 'ratelimited', (e.retryAfter ?? 1) * 1000, { cause: err });
      }
      const code = e.data?.error ?? e.code ?? 'unknown';
      throw new SlackDeliveryError(`Slack chat.postMessage failed: ${code}`, code, undefined, { cause: err });
    }
  };
}
