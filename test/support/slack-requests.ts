// The one signing fixture: builds Slack requests (slash commands, view submissions, block actions,
// options requests) exactly as Slack sends them, signs them with the signing secret, and sends them
// over HTTP to the running app. Can forge the signature or age the timestamp.
import { createHmac } from 'node:crypto';
import type { FakeSlack } from './fake-slack.ts';

export interface SlackCaller {
  userId: string;
  teamId?: string;
  userName?: string;
}

export interface SendOptions {
  /** sign with a wrong secret */
  forge?: boolean;
  /** sign with a timestamp this many seconds in the past */
  ageSeconds?: number;
  /** extra headers, e.g. x-slack-retry-num */
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  text: string;
  json: any;
  ms: number;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export class SlackRequests {
  constructor(
    /** the app's events URL, e.g. http://127.0.0.1:3000/slack/events */
    readonly url: string,
    readonly signingSecret: string,
    readonly fake: FakeSlack,
    readonly command = '/econnect',
  ) {}

  /** Form body of a slash command, with a fresh trigger_id and response_url from the fake. */
  commandBody(caller: SlackCaller, text: string, channelId = 'C0CHANNEL', extra: Record<string, string> = {}): string {
    return new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: caller.teamId ?? this.fake.teamId,
      team_domain: 'fake',
      channel_id: channelId,
      channel_name: 'rights',
      user_id: caller.userId,
      user_name: caller.userName ?? caller.userId.toLowerCase(),
      command: this.command,
      text,
      api_app_id: 'A0APP',
      is_enterprise_install: 'false',
      response_url: this.fake.newResponseUrl(),
      trigger_id: this.fake.newTrigger(),
      ...extra,
    }).toString();
  }

  /** Sends `/econnect <text>`; returns the HTTP answer and the command's response_url and trigger_id. */
  async slash(caller: SlackCaller, text: string, channelId?: string, options?: SendOptions): Promise<SlackResponse & { responseUrl: string; triggerId: string; body: string }> {
    const body = this.commandBody(caller, text, channelId);
    const params = new URLSearchParams(body);
    const res = await this.send(body, options);
    return { ...res, body, responseUrl: params.get('response_url')!, triggerId: params.get('trigger_id')! };
  }

  /** What every interactivity payload carries about who acted where. */
  private interactionEnvelope(caller: SlackCaller) {
    const teamId = caller.teamId ?? this.fake.teamId;
    return {
      team: { id: teamId, domain: 'fake' },
      user: { id: caller.userId, team_id: teamId, name: caller.userName ?? caller.userId.toLowerCase() },
      api_app_id: 'A0APP',
      token: 'deprecated-verification-token',
    };
  }

  /** A view_submission payload for a view the app opened (taken from the fake's views.open call). */
  // Like Slack, a submission carries the id and hash of the view that was opened: each view its own.
  viewSubmission(caller: SlackCaller, view: any, values: Record<string, Record<string, any>>, viewId: string = view?.id ?? 'VSUBMIT', hash: string = view?.hash ?? 'h1'): string {
    return payload({
      type: 'view_submission',
      ...this.interactionEnvelope(caller),
      trigger_id: this.fake.newTrigger(),
      view: {
        ...view,
        id: viewId,
        hash,
        team_id: caller.teamId ?? this.fake.teamId,
        state: { values },
        root_view_id: viewId,
        app_id: 'A0APP',
        bot_id: 'BBOT',
      },
      response_urls: [],
      is_enterprise_install: false,
    });
  }

  submit(caller: SlackCaller, view: any, values: Record<string, Record<string, any>>, options?: SendOptions & { viewId?: string; hash?: string }) {
    return this.send(this.viewSubmission(caller, view, values, options?.viewId, options?.hash), options);
  }

  /** A block_actions payload: a button or select in a message (channel given) or in a view. */
  blockActions(caller: SlackCaller, action: Record<string, any>, where: { channelId?: string; view?: any; messageTs?: string } = {}): string {
    return payload({
      type: 'block_actions',
      ...this.interactionEnvelope(caller),
      trigger_id: this.fake.newTrigger(),
      container: where.view
        ? { type: 'view', view_id: where.view.id }
        : { type: 'message', message_ts: where.messageTs ?? '1.000001', channel_id: where.channelId ?? 'C0CHANNEL', is_ephemeral: false },
      ...(where.view ? { view: where.view } : { channel: { id: where.channelId ?? 'C0CHANNEL', name: 'rights' }, message: { ts: where.messageTs ?? '1.000001', text: '' }, response_url: this.fake.newResponseUrl() }),
      actions: [{ type: 'button', block_id: 'b', action_ts: `${Date.now() / 1000}`, ...action }],
    });
  }

  /** Sends a block_actions payload; returns the answer with the response_url (in a message) and trigger_id it carried. */
  async action(caller: SlackCaller, action: Record<string, any>, where?: { channelId?: string; view?: any; messageTs?: string }, options?: SendOptions): Promise<SlackResponse & { responseUrl: string | undefined; triggerId: string }> {
    const body = this.blockActions(caller, action, where);
    const sent = JSON.parse(new URLSearchParams(body).get('payload')!) as { response_url?: string; trigger_id: string };
    return { ...(await this.send(body, options)), responseUrl: sent.response_url, triggerId: sent.trigger_id };
  }

  /** A block_suggestion (options) payload: the administrator typed `value` into an external_select. */
  blockSuggestion(caller: SlackCaller, actionId: string, blockId: string, value: string, view?: any): string {
    return payload({
      type: 'block_suggestion',
      ...this.interactionEnvelope(caller),
      container: { type: 'view', view_id: view?.id ?? 'VOPTIONS' },
      action_id: actionId,
      block_id: blockId,
      value,
      view: view ?? { id: 'VOPTIONS', type: 'modal', callback_id: 'unknown', private_metadata: '', state: { values: {} } },
    });
  }

  suggest(caller: SlackCaller, actionId: string, blockId: string, value: string, view?: any, options?: SendOptions) {
    return this.send(this.blockSuggestion(caller, actionId, blockId, value, view), options);
  }

  /** An Events API delivery (JSON body), e.g. app_home_opened. */
  event(event: Record<string, unknown>, options?: SendOptions & { teamId?: string }): Promise<SlackResponse> {
    const teamId = options?.teamId ?? this.fake.teamId;
    const body = JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: teamId,
      api_app_id: 'A0APP',
      event,
      type: 'event_callback',
      event_id: `Ev${Date.now()}${Math.floor(Math.random() * 1000)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    });
    return this.send(body, { ...options, headers: { 'content-type': 'application/json', ...options?.headers } });
  }

  /** Signs and POSTs a form body (or JSON, for events), as Slack does. */
  async send(body: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0);
    const secret = options.forge ? `${this.signingSecret}00` : this.signingSecret;
    const started = performance.now();
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': sign(secret, timestamp, body),
        'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        ...options.headers,
      },
      body,
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, text, json, ms };
  }
}

function payload(p: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(p) }).toString();
}

/** state.values entries as Slack sends them. */
export const value = {
  text: (v: string) => ({ type: 'plain_text_input', value: v }),
  email: (v: string) => ({ type: 'email_text_input', value: v }),
  select: (v: string | null, text = v ?? '') => ({ type: 'static_select', selected_option: v === null ? null : { text: { type: 'plain_text', text }, value: v } }),
  external: (v: string | null, text = v ?? '') => ({ type: 'external_select', selected_option: v === null ? null : { text: { type: 'plain_text', text }, value: v } }),
  multiExternal: (vs: string[]) => ({ type: 'multi_external_select', selected_options: vs.map((v) => ({ text: { type: 'plain_text', text: v }, value: v })) }),
  radio: (v: string) => ({ type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text: v }, value: v } }),
};
