// The slash command's listener: it acks at once, finds the caller, runs the subcommand, and turns any
// error into an answer only the caller sees. Each test has its own environment and channel.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import { waitFor } from '../../support/wait-for.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

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
    expect(unknown).toMatch(/^I do not know `frobnicate`\. Here is what I can do:/);
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

  it('a duplicate delivery of one command (same trigger_id) changes state once and is confirmed once', async () => {
    const ws = await app.workspace();
    const body = app.rq.commandBody(ws.as('admin'), 'create-org Acme Twice', ws.channel);
    const triggerId = new URLSearchParams(body).get('trigger_id')!;
    const [a, b] = await Promise.all([app.rq.send(body), app.rq.send(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await ws.driver.posted(/created the organisation \*Acme Twice\*/);
    // A copy ends by logging that it is done, or by answering the caller. On PostgreSQL the copy
    // that loses the race can be answered that the organisation already exists; what is promised is
    // one change and one confirmation.
    const responseUrl = new URLSearchParams(body).get('response_url')!;
    const ended = () => app.log.filter((l) => l.includes('subcommand done') && l.includes(triggerId)).length + app.fake.responses.filter((r) => responseUrl.endsWith(`/${r.id}`)).length;
    await waitFor(() => ended() === 2, { what: 'both copies at their end' });
    expect(ws.driver.postedHere()).toHaveLength(1);
    const created = await app.deps.prisma.auditEvent.findMany({ where: { environmentId: ws.environmentId, action: 'organisation.created', details: { path: ['name'], equals: 'Acme Twice' } } });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorUserId: ws.users.admin.id, actorSlackId: ws.users.admin.slack, requestId: triggerId });
    expect(await app.deps.prisma.organisation.count({ where: { environmentId: ws.environmentId, name: 'Acme Twice' } })).toBe(1);
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
