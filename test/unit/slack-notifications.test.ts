// deliverNotification as the outbox worker uses it: renders each kind within Slack's limits, posts
// once, and throws on Slack errors (with Slack's Retry-After on a rate limit) so the outbox retries.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier, SlackDeliveryError, SlackRateLimited } from '../../src/slack/notifications.ts';
import { FakeSlack, messageText } from '../support/fake-slack.ts';

describe('deliverNotification', () => {
  let fake: FakeSlack;
  let deliver: ReturnType<typeof createNotifier>;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    deliver = createNotifier(async () => 'xoxb-test', fake.url);
  });
  afterEach(() => {
    fake.assertClean();
    fake.reset();
  });
  afterAll(() => fake.stop());

  it('tells administrators that an invited user activated, with buttons for the next step', async () => {
    const sent = await deliver({ channel: 'C0NOTIFY', kind: 'user.activated', data: { userName: 'Carl <b>', email: 'carl@acme.test', environmentName: 'Acme', userId: 'u-1' } }, 'm-1');
    expect(sent.channel).toBe('C0NOTIFY');
    const [call] = fake.callsTo('chat.postMessage');
    expect(messageText(call!.args)).toContain('*Carl &lt;b&gt;* (carl@acme.test) activated their eConnect account in Acme');
    const actions = call!.args.blocks.find((b: any) => b.type === 'actions');
    expect(actions.elements.map((e: any) => [e.action_id, e.value])).toEqual([
      ['notify_add_to_org', 'u-1'],
      ['notify_make_admin', 'u-1'],
      ['notify_block', 'u-1'],
    ]);
  });

  it('renders auto-joins, failed deliveries and kinds it does not know yet', async () => {
    await deliver({ channel: 'UADMIN', kind: 'user.auto_joined', data: { userName: 'Dora', email: 'dora@acme.test', userId: 'u-2' } }, 'm-2');
    await deliver({ channel: 'C1', kind: 'outbox.failed', data: { what: 'invitation', recipient: 'x@acme.test', attempts: 8, lastError: 'mailbox unavailable' } }, 'm-3');
    await deliver({ channel: 'C1', kind: 'something.new', data: { a: 1 } }, 'm-4');
    const texts = fake.callsTo('chat.postMessage').map((c) => messageText(c.args));
    expect(texts[0]).toMatch(/joined your environment through its mail domain/);
    expect(texts[1]).toMatch(/could not deliver the invitation email to x@acme.test after 8 attempts: mailbox unavailable/);
    expect(texts[2]).toMatch(/something.new/);
  });

  it("speaks the language it is given for the recipient: the environment's in a channel, a person's own in a direct message", async () => {
    const asked: [string | null, string][] = [];
    const dutch = createNotifier(async () => 'xoxb-test', fake.url, {
      localeFor: async (environmentId, channel) => {
        asked.push([environmentId, channel]);
        return channel === 'UENGLISH' ? 'en' : 'nl';
      },
    });
    await dutch({ channel: 'C0NL', kind: 'user.activated', data: { userName: 'Carl', email: 'carl@acme.test', environmentName: 'Acme', userId: 'u-1' } }, 'm-nl-1', 'env-1');
    await dutch({ channel: 'C0NL', kind: 'user.auto_joined', data: { userName: 'Dora', email: 'dora@acme.test', userId: 'u-2' } }, 'm-nl-2', 'env-1');
    await dutch({ channel: 'C0NL', kind: 'outbox.failed', data: { what: 'invitation', recipient: 'x@acme.test', lastError: 'mailbox unavailable' } }, 'm-nl-3', 'env-1');
    await dutch({ channel: 'UENGLISH', kind: 'user.activated', data: { email: 'erik@acme.test' } }, 'm-en-1', 'env-1');
    expect(asked).toEqual([['env-1', 'C0NL'], ['env-1', 'C0NL'], ['env-1', 'C0NL'], ['env-1', 'UENGLISH']]);
    const calls = fake.callsTo('chat.postMessage');
    const texts = calls.map((c) => messageText(c.args));
    expect(texts[0]).toContain('*Carl* (carl@acme.test) heeft het eConnect-account geactiveerd in Acme.');
    const buttons = calls[0]!.args.blocks.find((b: any) => b.type === 'actions').elements;
    expect(buttons.map((e: any) => e.text.text)).toEqual(['Aan organisatie toevoegen', 'Beheerder maken', 'Blokkeren']);
    expect(buttons[2].confirm).toMatchObject({ title: { text: 'Deze gebruiker blokkeren?' }, confirm: { text: 'Blokkeren' }, deny: { text: 'Annuleren' } });
    expect(texts[1]).toContain('*Dora* (dora@acme.test) is via het maildomein bij je omgeving gekomen, als basisgebruiker zonder organisaties.');
    expect(texts[2]).toContain('eConnect kon de uitnodigingsmail aan x@acme.test niet bezorgen na meerdere pogingen: mailbox unavailable.');
    expect(texts[3]).toContain('*erik@acme.test* activated their eConnect account.');
  });

  it('throws with retryAfterMs on a rate limit, and throws on server errors and Slack errors, without retrying itself', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const limited = await deliver({ channel: 'C1', kind: 'user.activated', data: { email: 'a@b.nl' } }, 'm-5').catch((e) => e);
    expect(limited).toBeInstanceOf(SlackDeliveryError);
    expect(limited.retryAfterMs).toBe(7000);
    expect(limited.permanent).toBe(false);
    // that workspace's next message waits for the Retry-After without asking Slack; another workspace's goes
    const held = await deliver({ channel: 'C1', kind: 'user.activated', data: { email: 'a@b.nl' } }, 'm-5b').catch((e) => e);
    expect(held).toBeInstanceOf(SlackRateLimited);
    expect(held.waitMs).toBeGreaterThan(6000);
    expect(held.waitMs).toBeLessThanOrEqual(7000);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);

    const other = createNotifier(async () => 'xoxb-other', fake.url);
    fake.failNext('chat.postMessage', { status: 500 });
    await expect(other({ channel: 'C1', kind: 'user.activated', data: { email: 'a@b.nl' } }, 'm-6')).rejects.toThrow(SlackDeliveryError);

    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const gone = await other({ channel: 'C404', kind: 'user.activated', data: { email: 'a@b.nl' } }, 'm-7').catch((e) => e);
    expect(gone.message).toMatch(/channel_not_found/);
    expect(gone.permanent).toBe(true);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });
});
