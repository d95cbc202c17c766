// The slash command's listener: it acks at once, finds the caller, runs the subcommand, and turns any
// error into an answer only the caller sees. Each test has its own environment and channel.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queueSlackWork } from '../../../src/rights/index.ts';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import { waitFor } from '../../support/wait-for.ts';
import { snapshot as fullSnapshot } from '../../integration/rights-support.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

/** Everything of ours; a command's own work record (SLACK_WORK, written before its ack) is the request, not a change. */
async function snapshot() {
  const all = await fullSnapshot(app.deps);
  // of the outbox, which messages exist (the worker delivers meanwhile)
  const outbox = all.outbox.filter((m: { kind: string }) => m.kind !== 'SLACK_WORK');
  return { ...all, outbox: outbox.map((m: { id: string; dedupeKey: string }) => [m.id, m.dedupeKey]) };
}

const SUBCOMMANDS = ['invite', 'set-role', 'make-admin', 'add-to-org', 'remove-member', 'create-org', 'org', 'block', 'unblock', 'remove-user', 'resend', 'revoke', 'users', 'orgs', 'whois', 'pending', 'audit', 'notify-here', 'disconnect', 'api-token'];

describe('/econnect', () => {
  it('acknowledges with an empty 200 and answers later; help lists every subcommand, also for someone without an account', async () => {
    const ws = await app.workspace();
    const r = await app.rq.slash(ws.as('stranger'), 'help', ws.channel);
    expect(r).toMatchObject({ status: 200, text: '' });
    const help = messageText(await app.fake.waitForResponse(r.responseUrl));
    for (const sub of SUBCOMMANDS) expect(help).toContain(`/econnect ${sub}`);
    expect(await ws.driver.ephemeral(ws.as('admin'), '')).toBe(help);
    const unknown = await ws.driver.ephemeral(ws.as('admin'), 'frobnicate now');
    expect(unknown).toMatch(/^I do not know frobnicate\. Here is what I can do:/);
    expect(unknown).toContain('/econnect invite');
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it('refuses anyone it cannot match to an active user of an environment, says what to do, and changes nothing', async () => {
    const ws = await app.workspace();
    const invite = (who: Parameters<typeof ws.as>[0]) => ws.driver.ephemeral(ws.as(who), `invite zoe@${ws.domain}`);
    expect(await invite('stranger')).toMatch(new RegExp(`No eConnect user has the address sam@elsewhere-${ws.tag.toLowerCase()}\\.test\\. Ask an administrator`));
    expect(await invite('unverified')).toMatch(/no verified email address.*Confirm your email in Slack/);
    expect(await invite('noEmail')).toMatch(/no verified email address/);
    expect(await invite('blocked')).toMatch(/Your eConnect account is blocked\. Ask an administrator/);
    expect(await invite('pending')).toMatch(/You have not activated your eConnect account yet/);
    expect(await app.deps.prisma.user.count({ where: { email: `zoe@${ws.domain}` } })).toBe(0);
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it('remembers the Slack account of a caller; the first command of an active Administrator binds the workspace (single workspace)', async () => {
    const ws = await app.workspace();
    const teamId = `T${ws.tag}`;
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.advanced.id } })).toMatchObject({ slackUserId: null });
    await ws.driver.ephemeral({ ...ws.as('advanced'), teamId }, 'users');
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.advanced.id } })).toMatchObject({ slackUserId: ws.users.advanced.slack });
    // an advanced user's command does not bind the workspace; an administrator's does
    expect(await app.deps.prisma.environment.findUniqueOrThrow({ where: { id: ws.environmentId } })).toMatchObject({ slackTeamId: null });
    await ws.driver.ephemeral({ ...ws.as('admin'), teamId }, 'users');
    expect(await app.deps.prisma.environment.findUniqueOrThrow({ where: { id: ws.environmentId } })).toMatchObject({ slackTeamId: teamId });
  });

  it('a workspace bound to one environment refuses a caller of another environment, says what to do, and changes nothing (single workspace)', async () => {
    const acme = await app.workspace();
    const other = await app.workspace();
    // Acme's administrator binds Acme's workspace with the first command
    await acme.driver.ephemeral(acme.as('admin'), 'users');
    expect(await app.deps.prisma.environment.findUniqueOrThrow({ where: { id: acme.environmentId } })).toMatchObject({ slackTeamId: acme.teamId });
    const before = await snapshot();
    // the other environment's administrator, signed in to Acme's workspace
    const answer = await acme.driver.ephemeral({ ...other.as('admin'), teamId: acme.teamId }, `invite zoe@${other.domain}`);
    expect(answer).toContain(`Your eConnect account (${other.users.admin.email}) belongs to another environment than the one this Slack workspace is connected to, so nothing was done. Use the Slack workspace your own environment connected (ask an administrator of your environment which one).`);
    await waitFor(async () => (await app.deps.prisma.outboxMessage.count({ where: { kind: 'SLACK_WORK', status: { not: 'SENT' } } })) === 0, { what: 'the work to be recorded as done' });
    expect(await snapshot()).toEqual(before);
    expect(acme.driver.postedHere()).toEqual([]);
    // in its own workspace the same person acts, and that binds the other environment to it
    expect(await other.driver.ephemeral(other.as('admin'), 'users')).toContain(other.users.basic.email);
    expect(await app.deps.prisma.environment.findUniqueOrThrow({ where: { id: other.environmentId } })).toMatchObject({ slackTeamId: other.teamId });
  });

  it('a duplicate delivery of one command (same trigger_id) is recorded once, changes state once and is confirmed once', async () => {
    const ws = await app.workspace();
    const body = app.rq.commandBody(ws.as('admin'), 'create-org Acme Twice', ws.channel);
    const triggerId = new URLSearchParams(body).get('trigger_id')!;
    const [a, b] = await Promise.all([app.rq.send(body), app.rq.send(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await ws.driver.posted(/created the organisation \*Acme Twice\*/);
    // The work is recorded before each ack, once per trigger_id: the second copy records nothing, so
    // once both are acknowledged there is one piece of work, and it is done (and logged) once.
    const work = await app.deps.prisma.outboxMessage.findMany({ where: { kind: 'SLACK_WORK', dedupeKey: `slack-work:command:${triggerId}` } });
    expect(work).toHaveLength(1);
    await waitFor(async () => (await app.deps.prisma.outboxMessage.findUniqueOrThrow({ where: { id: work[0]!.id } })).status === 'SENT', { what: 'the work to be recorded as done' });
    expect(app.log.filter((l) => l.includes('subcommand done') && l.includes(triggerId))).toHaveLength(1);
    expect(ws.driver.postedHere()).toHaveLength(1);
    const created = await app.deps.prisma.auditEvent.findMany({ where: { environmentId: ws.environmentId, action: 'organisation.created', details: { path: ['name'], equals: 'Acme Twice' } } });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorUserId: ws.users.admin.id, actorSlackId: ws.users.admin.slack, requestId: triggerId });
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId, name: 'Acme Twice' } })).toBe(1);
  });

  it('work recorded before its ack but worked after the response_url expired (30 minutes) is answered ephemerally in the channel', async () => {
    const ws = await app.workspace();
    const responseUrl = app.fake.newResponseUrl();
    const triggerId = `${Date.now()}.expired`;
    // as if the app had been down for 31 minutes between the ack and the work
    await queueSlackWork(app.deps, `slack-work:command:${triggerId}`, {
      type: 'command',
      receivedAt: new Date(Date.now() - 31 * 60_000).toISOString(),
      responseUrl,
      command: { command: '/econnect', text: 'pending', user_id: ws.users.admin.slack, team_id: app.fake.teamId, channel_id: ws.channel, trigger_id: triggerId },
    });
    const [answer] = await app.fake.waitFor('chat.postEphemeral', (a) => a.user === ws.users.admin.slack && a.channel === ws.channel);
    expect(messageText(answer!.args)).toContain(ws.users.pending.email);
    expect(app.fake.responses.filter((r) => responseUrl.endsWith(`/${r.id}`))).toEqual([]);
    // once done, the row no longer holds the response_url
    const row = await waitFor(async () => {
      const r = await app.deps.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `slack-work:command:${triggerId}` } });
      return r.status === 'SENT' ? r : null;
    }, { what: 'the work to be recorded as done' });
    expect(row.payload).not.toHaveProperty('responseUrl');
  });

  it('confirms through the response_url when the bot may not post in the channel', async () => {
    const ws = await app.workspace();
    app.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const r = await app.rq.slash(ws.as('admin'), 'create-org Acme Private', ws.channel);
    const answer = await app.fake.waitForResponse(r.responseUrl);
    expect(answer).toMatchObject({ response_type: 'in_channel' });
    expect(messageText(answer)).toMatch(new RegExp(`<@${ws.users.admin.slack}> created the organisation \\*Acme Private\\*`));
    const [refused] = app.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === ws.channel);
    expect(refused!.result).toEqual({ ok: false, error: 'not_in_channel' });
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId, name: 'Acme Private' } })).toBe(1);
  });

  it('an unexpected failure gets a calm answer with a reference, is logged, and changes nothing', async () => {
    const ws = await app.workspace();
    app.fake.failNext('users.info', { error: 'fatal_error' });
    const r = await app.rq.slash(ws.as('admin'), `invite zoe@${ws.domain}`, ws.channel);
    const answer = messageText(await app.fake.waitForResponse(r.responseUrl));
    expect(answer).toContain('Something went wrong on our side (reference ');
    expect(answer).toContain(r.triggerId.slice(0, 40));
    const logged = app.log.filter((l) => l.includes('Slack request failed') && l.includes(r.triggerId.slice(0, 40)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('fatal_error');
    expect(await app.deps.prisma.user.count({ where: { email: `zoe@${ws.domain}` } })).toBe(0);
  });
});
