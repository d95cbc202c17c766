// What a person does in Slack and what they then see, for tests against the app in-process or as a
// process: run a command and read the answer only they see, the confirmation in the channel, or the
// modal it opened. Each waits for the app's own answer (never for a fixed time) and each answer is
// told apart from any other test's by its response_url, trigger_id or channel.
import { expect } from 'vitest';
import { messageText, type FakeSlack, type RecordedCall } from './fake-slack.ts';
import type { SlackCaller, SlackRequests } from './slack-requests.ts';

export class SlackDriver {
  constructor(
    readonly rq: SlackRequests,
    readonly fake: FakeSlack,
    /** where commands run and confirmations appear */
    readonly channel: string,
  ) {}

  /** Runs `/econnect <text>` and returns the text of the ephemeral answer to the caller. */
  async ephemeral(caller: SlackCaller, text: string): Promise<string> {
    const r = await this.rq.slash(caller, text, this.channel);
    expect(r.status).toBe(200);
    const body = await this.fake.waitForResponse(r.responseUrl);
    expect(body.response_type).toBe('ephemeral');
    return messageText(body);
  }

  /** Runs a command that changes something and returns the confirmation posted in the channel. */
  async confirmed(caller: SlackCaller, text: string, expected: RegExp): Promise<string> {
    const r = await this.rq.slash(caller, text, this.channel);
    expect(r.status).toBe(200);
    return messageText((await this.posted(expected)).args);
  }

  /** Waits for a message in this channel whose text matches. */
  async posted(expected: RegExp, timeoutMs?: number): Promise<RecordedCall> {
    const [call] = await this.fake.waitFor('chat.postMessage', (a) => a.channel === this.channel && expected.test(messageText(a)), 1, timeoutMs);
    return call!;
  }

  /** Messages posted in this channel so far. */
  postedHere(): RecordedCall[] {
    return this.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === this.channel);
  }

  /** Runs a command without arguments and returns the modal it opened, as Slack knows it (id, hash). */
  async opened(caller: SlackCaller, text: string): Promise<any> {
    const r = await this.rq.slash(caller, text, this.channel);
    expect(r.status).toBe(200);
    const [call] = await this.fake.waitFor('views.open', (a) => a.trigger_id === r.triggerId);
    expect(call!.result.ok).toBe(true);
    return call!.result.view;
  }
}
