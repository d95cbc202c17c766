// The fake Slack must fail tests for what real Slack refuses; these checks keep it honest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../support/fake-slack.ts';

describe('fake Slack Web API', () => {
  let fake: FakeSlack;
  const call = (method: string, args: Record<string, unknown>, token = 'xoxb-test') =>
    fetch(`${fake.url}${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(args) }).then((r) => r.json() as Promise<any>);
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(() => fake.stop());

  it('answers and records a limit breach, an unknown method, a bad token and a reused or late trigger', async () => {
    const longTitle = { type: 'modal', title: { type: 'plain_text', text: 'A title that is far too long' }, blocks: [] };
    expect(await call('views.open', { trigger_id: fake.newTrigger(), view: longTitle })).toEqual({ ok: false, error: 'invalid_arguments' });
    const trigger = fake.newTrigger();
    const ok = { type: 'modal', title: { type: 'plain_text', text: 'Fine' }, blocks: [] };
    expect((await call('views.open', { trigger_id: trigger, view: ok })).ok).toBe(true);
    expect((await call('views.open', { trigger_id: trigger, view: ok })).error).toBe('exchanged_trigger_id');
    expect((await call('users.list', {})).error).toBe('unknown_method');
    expect((await call('auth.test', {}, 'xoxb-wrong')).error).toBe('invalid_auth');
    const blocks = Array.from({ length: 51 }, () => ({ type: 'section', text: { type: 'mrkdwn', text: 'x' } }));
    expect((await call('chat.postMessage', { channel: 'C1', blocks })).error).toBe('invalid_blocks');
    const options = Array.from({ length: 101 }, (_, i) => ({ text: { type: 'plain_text', text: `o${i}` }, value: `${i}` }));
    fake.checkOptionsResponse({ options });
    expect(fake.violations).toHaveLength(6);
    expect(() => fake.assertClean()).toThrow(/title "A title that is far too long" longer than 24/);
    expect(fake.violations).toEqual([]);
  });

  it('fails on demand with 429 and Retry-After, or 500', async () => {
    fake.failNext('auth.test', { status: 429, retryAfter: 3 });
    const res = await fetch(`${fake.url}auth.test`, { method: 'POST', headers: { authorization: 'Bearer xoxb-test' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    fake.failNext('auth.test', { status: 500 });
    expect((await fetch(`${fake.url}auth.test`, { method: 'POST', headers: { authorization: 'Bearer xoxb-test' } })).status).toBe(500);
    expect((await call('auth.test', {})).ok).toBe(true);
  });
});
