// What every modal submission shares: a double submission changes state once and is confirmed once;
// when the channel cannot take the confirmation, the caller still hears what was done.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import { value } from '../../support/slack-requests.ts';
import { waitFor } from '../../support/wait-for.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

describe('a modal submission', () => {
  it('sent twice by Slack (same view id and hash) creates once and is confirmed once', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'create-org');
    const body = app.rq.viewSubmission(ws.as('admin'), view, { name: { value: value.text('Acme Double') } }, view.id, 'hash1');
    const answers = await Promise.all([app.rq.send(body), app.rq.send(body)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    // A copy that acks with an empty body has recorded its confirmation before the ack, once per view
    // id and hash: the second records nothing. On PostgreSQL the copy that loses the race can instead
    // keep the modal open saying the organisation already exists.
    const requestId = `${view.id}:hash1`;
    const keptOpen = answers.filter((r) => r.json?.response_action === 'errors');
    expect(keptOpen.map((r) => r.json.errors.name)).toEqual(keptOpen.map(() => expect.stringMatching(/already exists/)));
    expect(answers.filter((r) => r.text === '')).toHaveLength(2 - keptOpen.length);
    const recorded = await app.deps.prisma.outboxMessage.findMany({ where: { kind: 'SLACK_WORK', dedupeKey: `slack-work:confirm:${requestId}` } });
    expect(recorded).toHaveLength(1);
    await waitFor(async () => (await app.deps.prisma.outboxMessage.findUniqueOrThrow({ where: { id: recorded[0]!.id } })).status === 'SENT', { what: 'the confirmation to be recorded as posted' });
    await ws.driver.posted(/created the organisation \*Acme Double\*/);
    expect(await app.deps.prisma.auditEvent.count({ where: { environmentId: ws.environmentId, action: 'organisation.created', requestId } })).toBe(1);
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId, name: 'Acme Double' } })).toBe(1);
    expect(ws.driver.postedHere()).toHaveLength(1);
  });

  it('when the bot is not in the channel, the confirmation goes to the caller directly', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'create-org');
    app.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect((await app.rq.submit(ws.as('admin'), view, { name: { value: value.text('Acme Private') } })).text).toBe('');
    const [dm] = await app.fake.waitFor('chat.postMessage', (a) => a.channel === ws.users.admin.slack);
    expect(messageText(dm!.args)).toMatch(/created the organisation \*Acme Private\*/);
    expect(ws.driver.postedHere().map((c) => c.result)).toEqual([{ ok: false, error: 'not_in_channel' }]);
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId, name: 'Acme Private' } })).toBe(1);
  });

  it('when the confirmation fails otherwise, the caller hears that the change is done and that the message failed', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'create-org');
    app.fake.failNext('chat.postMessage', { error: 'msg_too_long' });
    expect((await app.rq.submit(ws.as('admin'), view, { name: { value: value.text('Acme Quiet') } })).text).toBe('');
    const [told] = await app.fake.waitFor('chat.postEphemeral', (a) => a.channel === ws.channel && a.user === ws.users.admin.slack);
    const text = messageText(told!.args);
    expect(text).toMatch(/created the organisation \*Acme Quiet\*/);
    expect(text).toMatch(/Something went wrong on our side/);
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId, name: 'Acme Quiet' } })).toBe(1);
  });

  it('from a caller eConnect cannot match shows why on the form, and changes nothing', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'create-org');
    const res = await app.rq.submit(ws.as('stranger'), view, { name: { value: value.text('Stranger Inc') } });
    expect(res.json).toEqual({ response_action: 'errors', errors: { name: expect.stringMatching(/No eConnect user has the address/) } });
    expect(await app.deps.prisma.organisation.count({ where: { name: 'Stranger Inc' } })).toBe(0);
  });
});
