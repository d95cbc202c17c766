// The App Home per person: what an environment Administrator, an organisation administrator, anyone
// else and a Slack user without an account see; the buttons (each through the rights service, audited,
// changing once on a double click, re-publishing the home at once and posting nothing in a channel);
// paging; and homes that follow changes made elsewhere, debounced and within Slack's rate limits.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addMember, inviteUser, setLanguage } from '../../../src/rights/index.ts';
import { messageText, type RecordedCall } from '../../support/fake-slack.ts';
import { createSlackApp } from '../../../src/slack/app.ts';
import { captureLog } from '../../support/captured-log.ts';
import { SIGNING_SECRET, startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import { SlackRequests } from '../../support/slack-requests.ts';
import { activate, type Workspace } from '../../support/slack-workspace.ts';
import { waitFor } from '../../support/wait-for.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

type Who = Parameters<Workspace['as']>[0];

const publishesTo = (slackId: string) => app.fake.callsTo('views.publish').filter((c) => c.args.user_id === slackId && c.result?.ok);

/** Waits for the next successful publication to this person after `before` of them. */
async function nextPublish(slackId: string, before: number, timeoutMs = 15_000): Promise<RecordedCall> {
  const calls = await app.fake.waitFor('views.publish', (a) => a.user_id === slackId, before + 1, timeoutMs);
  await waitFor(() => publishesTo(slackId).length > before, { what: `a successful views.publish to ${slackId}` });
  return publishesTo(slackId).at(-1) ?? calls.at(-1)!;
}

/** Opens the Home tab as `who` and returns the view Slack stored (with its id and hash). */
async function open(ws: Workspace, who: Who): Promise<any> {
  const slack = ws.as(who).userId;
  const before = publishesTo(slack).length;
  const res = await app.rq.event({ type: 'app_home_opened', user: slack, channel: `D${slack}`, tab: 'home', event_ts: `${Date.now() / 1000}` }, { teamId: ws.teamId });
  expect(res.status).toBe(200);
  return (await nextPublish(slack, before)).result.view;
}

/**
 * Clicks a button of a published home view; returns the view published after it that shows `shows`
 * (a refresh after an earlier change may be published in between).
 */
async function click(ws: Workspace, who: Who, view: any, actionId: string, value: string | undefined, shows: string | RegExp): Promise<any> {
  const slack = ws.as(who).userId;
  const before = publishesTo(slack).length;
  const r = await app.rq.action(ws.as(who), { action_id: actionId, block_id: 'b', ...(value !== undefined ? { value } : {}) }, { view });
  expect(r.status).toBe(200);
  const matches = (t: string) => (typeof shows === 'string' ? t.includes(shows) : shows.test(t));
  const call = await waitFor(() => publishesTo(slack).slice(before).find((c) => matches(text(c.result.view))), { what: `the home after ${actionId} showing ${shows}` });
  return call.result.view;
}

const text = (view: any) => messageText({ blocks: view.blocks });
const buttons = (view: any) => view.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : []));
const buttonFor = (view: any, actionId: string, value?: string) => buttons(view).find((e: any) => e.action_id === actionId && (value === undefined || e.value === value));

/** Someone who joined through the mail domain and is in no organisation, as complete-registration leaves them. */
async function autoJoined(ws: Workspace, local: string, name: string) {
  const user = await app.deps.prisma.user.create({ data: { environmentId: ws.environmentId, email: `${local}@${ws.domain}`, name, role: 'BASIC', status: 'ACTIVE', activatedAt: new Date() } });
  await app.deps.prisma.auditEvent.create({ data: { environmentId: ws.environmentId, actorUserId: user.id, action: 'user.auto_joined', targetType: 'user', targetId: user.id, details: { email: user.email } } });
  return user;
}

const noChannelPosts = () => expect(app.fake.callsTo('chat.postMessage').concat(app.fake.callsTo('chat.postEphemeral'))).toEqual([]);

describe('the App Home per role', () => {
  it('an environment Administrator sees the counts, pending invitations, people waiting for an organisation and the last changes', async () => {
    const ws = await app.workspace();
    const jan = await autoJoined(ws, 'jan', 'Jan Joiner');
    const view = await open(ws, 'admin');
    expect(view.type).toBe('home');
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'eConnect · Acme' } });
    const counts = view.blocks.find((b: any) => b.block_id === 'home_counts');
    expect(counts.fields.map((f: any) => f.text)).toEqual(['*Active users*\n5', '*Invited*\n1', '*Blocked*\n1', '*Organisations*\n2']);
    expect(buttons(view).filter((b: any) => ['home_invite', 'home_invite_many', 'home_create_org'].includes(b.action_id)).map((b: any) => b.text.text)).toEqual(['Invite', 'Invite many', 'Create organisation']);
    const t = text(view);
    expect(t).toContain('*Pending invitations* (1)');
    expect(t).toMatch(new RegExp(`\\*paula@${ws.domain.replace('.', '\\.')}\\* · invited by Ada Admin · link valid until \\w+ \\d+, \\d{4}`));
    expect(buttonFor(view, 'home_resend', ws.users.pending.id)).toMatchObject({ text: { text: 'Resend' } });
    expect(buttonFor(view, 'home_revoke', ws.users.pending.id)).toMatchObject({ style: 'danger', confirm: { title: { text: 'Revoke invitation?' } } });
    expect(t).toContain('*Joined through the mail domain, no organisation yet* (1)');
    expect(t).toContain(`*Jan Joiner* (jan@${ws.domain}) · joined`);
    for (const action of ['home_add_to_org', 'home_make_admin', 'home_block']) expect(buttonFor(view, action, jan.id)).toBeTruthy();
    expect(t).toContain('*Last ten changes*');
    expect(t).toMatch(new RegExp(`Ada Admin · blocked bert@${ws.domain.replace('.', '\\.')}`));
    expect(t).toMatch(/Ada Admin · added a member bob@.* \(Acme Sales\)/);
    const audit = view.blocks.find((b: any) => b.block_id === 'home_audit');
    expect(audit.text.text.split('\n')).toHaveLength(10);
    // remembered, so changes refresh it
    expect(await app.deps.prisma.slackHomeView.findUnique({ where: { teamId_slackUserId: { teamId: ws.teamId, slackUserId: ws.users.admin.slack } } })).toMatchObject({ userId: ws.users.admin.id, environmentId: ws.environmentId, page: 0 });
  });

  it('is in the reader’s language', async () => {
    const ws = await app.workspace();
    await setLanguage(app.deps, { userId: ws.users.admin.id }, { locale: 'nl' });
    const view = await open(ws, 'admin');
    const t = text(view);
    expect(t).toContain('*Actieve gebruikers*');
    expect(t).toContain('*Openstaande uitnodigingen* (1)');
    expect(t).toMatch(/uitgenodigd door Ada Admin · link geldig tot/);
    expect(buttonFor(view, 'home_resend', ws.users.pending.id).text.text).toBe('Opnieuw sturen');
    expect(buttonFor(view, 'home_invite_many').text.text).toBe('Meerdere uitnodigen');
  });

  it('an organisation administrator sees their organisations with their members and an Add member button', async () => {
    const ws = await app.workspace();
    const view = await open(ws, 'orgAdmin');
    const t = text(view);
    expect(t).toContain('*Organisations you administer* (1)');
    expect(t).toContain('*Acme Sales* · 3 members');
    // the administrator who created it is one of its organisation administrators (rule 4)
    expect(t).toContain(`• *Ada Admin* (ada@${ws.domain}) · Organisation administrator`);
    expect(t).toContain(`• *Olga Orgadmin* (olga@${ws.domain}) · Organisation administrator`);
    expect(t).toContain(`• *Bob Basic* (bob@${ws.domain}) · Member`);
    expect(t).not.toContain('Acme Purchasing');
    expect(t).toContain('*Administrators of Acme:* Ada Admin');
    expect(buttonFor(view, 'home_add_member', ws.orgs.sales.id)).toMatchObject({ text: { text: 'Add member' } });
    expect(buttonFor(view, 'home_resend')).toBeUndefined();
  });

  it('anyone else sees their name, role, organisations and who their administrators are', async () => {
    const ws = await app.workspace();
    const view = await open(ws, 'basic');
    const t = text(view);
    expect(view.blocks[0].text.text).toBe('Your eConnect account');
    expect(t).toContain(`*Bob Basic* (bob@${ws.domain}) · Basic user in Acme`);
    expect(t).toContain('• *Acme Sales* · Member · administered by Ada Admin, Olga Orgadmin\n');
    expect(t).toContain('*Administrators of Acme:* Ada Admin');
    expect(buttons(view)).toEqual([]);
    const vera = text(await open(ws, 'advanced'));
    expect(vera).toContain('Advanced user in Acme');
    expect(vera).toContain('You are not a member of any organisation yet.');
  });

  it('a Slack user without an account is told how to get one; invited and blocked people what to do', async () => {
    const ws = await app.workspace();
    const stranger = text(await open(ws, 'stranger'));
    expect(stranger).toContain(`Your Slack account (sam@elsewhere-${ws.tag.toLowerCase()}.test) has no eConnect account. Ask an administrator of your environment to invite you.`);
    expect(stranger).toContain('register with your work address at http://localhost:3000/register');
    expect(text(await open(ws, 'unverified'))).toContain('has no confirmed email address');
    expect(text(await open(ws, 'pending'))).toContain('have not activated your account yet');
    expect(text(await open(ws, 'blocked'))).toContain('Your eConnect account is blocked.');
    noChannelPosts();
  });
});

describe('the App Home buttons', () => {
  it('Resend sends a new link once for a double click, shows it on the home and posts nothing in a channel', async () => {
    const ws = await app.workspace();
    const view = await open(ws, 'admin');
    const done = new RegExp(`:white_check_mark: Invitation sent again to paula@${ws.domain.replace('.', '\\.')}; the new link works until`);
    await click(ws, 'admin', view, 'home_resend', ws.users.pending.id, done);
    // the same view clicked again (a double click): Slack sends the same view id and hash, so the
    // click is recorded once
    expect((await app.rq.action(ws.as('admin'), { action_id: 'home_resend', block_id: 'b', value: ws.users.pending.id }, { view })).status).toBe(200);
    expect(await app.deps.prisma.outboxMessage.count({ where: { kind: 'SLACK_WORK', dedupeKey: { startsWith: 'slack-work:button:home:' }, payload: { path: ['value'], equals: ws.users.pending.id } } })).toBe(1);
    const resent = await app.deps.prisma.auditEvent.findMany({ where: { targetId: ws.users.pending.id, action: 'invitation.resent' } });
    expect(resent).toHaveLength(1);
    expect(resent[0]!.actorSlackId).toBe(ws.users.admin.slack);
    expect(resent[0]!.requestId).toMatch(/^home:/);
    expect(await app.deps.prisma.invitation.count({ where: { userId: ws.users.pending.id } })).toBe(2);
    noChannelPosts();
  });

  it('Revoke ends the invitation and the home no longer lists it', async () => {
    const ws = await app.workspace();
    const view = await open(ws, 'admin');
    const after = await click(ws, 'admin', view, 'home_revoke', ws.users.pending.id, 'is revoked');
    expect(text(after)).toContain(`The invitation of paula@${ws.domain} is revoked.`);
    expect(text(after)).toContain('*Pending invitations* (0)');
    expect(text(after)).toContain('No invitations are waiting.');
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.pending.id } })).toMatchObject({ status: 'REMOVED' });
    expect(await app.deps.prisma.auditEvent.count({ where: { targetId: ws.users.pending.id, action: 'invitation.revoked' } })).toBe(1);
    noChannelPosts();
  });

  it('Make administrator and Block act on people who joined by domain', async () => {
    const ws = await app.workspace();
    const jan = await autoJoined(ws, 'jan', 'Jan Joiner');
    const kim = await autoJoined(ws, 'kim', 'Kim Joiner');
    const view = await open(ws, 'admin');
    const promoted = await click(ws, 'admin', view, 'home_make_admin', jan.id, 'is now Administrator');
    expect(text(promoted)).toContain(':white_check_mark: Jan Joiner is now Administrator.');
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: jan.id } })).toMatchObject({ role: 'ADMINISTRATOR' });
    const blocked = await click(ws, 'admin', promoted, 'home_block', kim.id, 'Kim Joiner is blocked');
    expect(text(blocked)).toContain(':white_check_mark: Kim Joiner is blocked.');
    expect(text(blocked)).toContain('*Blocked*\n2');
    // blocked people are no longer waiting for an organisation
    expect(buttonFor(blocked, 'home_block', kim.id)).toBeUndefined();
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: kim.id } })).toMatchObject({ status: 'BLOCKED' });
    expect(await app.deps.prisma.auditEvent.count({ where: { targetId: { in: [jan.id, kim.id] }, action: { in: ['user.role_changed', 'user.blocked'] } } })).toBe(2);
    noChannelPosts();
  });

  it('Add to organisation opens the add-member form with the person chosen; Add member with the organisation chosen', async () => {
    const ws = await app.workspace();
    const jan = await autoJoined(ws, 'jan', 'Jan Joiner');
    const view = await open(ws, 'admin');
    let r = await app.rq.action(ws.as('admin'), { action_id: 'home_add_to_org', value: jan.id }, { view });
    let [opened] = await app.fake.waitFor('views.open', (a) => a.trigger_id === r.triggerId);
    expect(opened!.args.view.callback_id).toBe('add_member');
    expect(opened!.args.view.blocks[0].element.initial_option.value).toBe(jan.id);
    const olga = await open(ws, 'orgAdmin');
    r = await app.rq.action(ws.as('orgAdmin'), { action_id: 'home_add_member', value: ws.orgs.sales.id }, { view: olga });
    [opened] = await app.fake.waitFor('views.open', (a) => a.trigger_id === r.triggerId);
    expect(opened!.args.view.blocks[1].element.initial_option).toMatchObject({ value: ws.orgs.sales.id, text: { text: 'Acme Sales' } });
    for (const [action, callback] of [['home_invite', 'invite'], ['home_invite_many', 'invite_many'], ['home_create_org', 'create_org']] as const) {
      r = await app.rq.action(ws.as('admin'), { action_id: action }, { view });
      [opened] = await app.fake.waitFor('views.open', (a) => a.trigger_id === r.triggerId);
      expect(opened!.args.view.callback_id).toBe(callback);
    }
    noChannelPosts();
  });

  it('a refusal is shown on the clicker’s home and changes nothing', async () => {
    const ws = await app.workspace();
    const jan = await autoJoined(ws, 'jan', 'Jan Joiner');
    const bob = await open(ws, 'basic');
    // a button Bob's home never had (a forged or stale click)
    const after = await click(ws, 'basic', bob, 'home_block', jan.id, ':no_entry:');
    expect(text(after)).toMatch(/:no_entry: You may not block users: only an environment administrator may do this/);
    const r = await app.rq.action(ws.as('basic'), { action_id: 'home_invite' }, { view: bob });
    expect(r.status).toBe(200);
    await waitFor(() => publishesTo(ws.users.basic.slack).length >= 3, { what: 'the refusal of the Invite button on the home' });
    expect(text(publishesTo(ws.users.basic.slack).at(-1)!.args.view)).toContain('Only an administrator of the environment can use these buttons');
    expect(app.fake.callsTo('views.open').filter((c) => c.args.trigger_id === r.triggerId)).toEqual([]);
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: jan.id } })).toMatchObject({ status: 'ACTIVE' });
    noChannelPosts();
  });
});

describe('a click is recorded before its ack', () => {
  it('is done once even when a worker takes it later (its process gone after the ack), and a repeat delivery records nothing new', async () => {
    const ws = await app.workspace();
    const jan = await autoJoined(ws, 'jan', 'Jan Joiner');
    const view = await open(ws, 'admin');
    // A process that acknowledges clicks and dies right after: its worker never runs.
    const gone = createSlackApp({
      config: { slack: { botToken: app.fake.token, signingSecret: SIGNING_SECRET, apiUrl: app.fake.url, command: '/econnect' } },
      deps: app.deps,
      logger: captureLog().logger,
    });
    const server: Server = await new Promise((resolve) => {
      const s = express().use(gone.router!).listen(0, '127.0.0.1', () => resolve(s));
    });
    const before = publishesTo(ws.users.admin.slack).length;
    try {
      const rq = new SlackRequests(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, SIGNING_SECRET, app.fake);
      const r = await rq.action(ws.as('admin'), { action_id: 'home_block', block_id: 'b', value: jan.id }, { view });
      expect(r).toMatchObject({ status: 200, text: '' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    // What Slack got its 200 for is in the database already
    const recorded = await app.deps.prisma.outboxMessage.findMany({ where: { kind: 'SLACK_WORK', dedupeKey: { startsWith: 'slack-work:button:home:' }, payload: { path: ['value'], equals: jan.id } } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.payload).toMatchObject({ type: 'button', action: 'home_block', user_id: ws.users.admin.slack, channel_id: '' });
    // ... and the other process's worker does it, and shows it on the clicker's home
    const blocked = await waitFor(() => publishesTo(ws.users.admin.slack).slice(before).find((c) => text(c.result.view).includes('Jan Joiner is blocked')), { what: 'the home after the recorded click' });
    expect(text(blocked.result.view)).toContain(':white_check_mark: Jan Joiner is blocked.');
    await waitFor(async () => (await app.deps.prisma.outboxMessage.findUniqueOrThrow({ where: { id: recorded[0]!.id } })).status === 'SENT', { what: 'the click recorded as done' });
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: jan.id } })).toMatchObject({ status: 'BLOCKED' });
    // Slack delivers the same click again (same view id and hash): nothing new is recorded
    const again = await app.rq.action(ws.as('admin'), { action_id: 'home_block', block_id: 'b', value: jan.id }, { view });
    expect(again.status).toBe(200);
    expect(await app.deps.prisma.outboxMessage.count({ where: { kind: 'SLACK_WORK', dedupeKey: recorded[0]!.dedupeKey } })).toBe(1);
    // The work taken again, as after a worker died before marking it done: the change is not made twice
    const published = publishesTo(ws.users.admin.slack).length;
    await app.deps.prisma.outboxMessage.update({ where: { id: recorded[0]!.id }, data: { status: 'PENDING', sentAt: null, lockedUntil: null, nextAttemptAt: new Date(Date.now() - 1000), payload: recorded[0]!.payload as never } });
    const replayed = await nextPublish(ws.users.admin.slack, published);
    expect(text(replayed.args.view)).toContain(':white_check_mark: Jan Joiner is blocked.');
    expect(await app.deps.prisma.auditEvent.count({ where: { targetId: jan.id, action: 'user.blocked' } })).toBe(1);
    noChannelPosts();
  });
});

describe('long lists', () => {
  it('come a page at a time, with Next and Previous, within 100 blocks', async () => {
    const ws = await app.workspace();
    for (let i = 0; i < 24; i++) await inviteUser(app.deps, { userId: ws.users.admin.id }, { email: `p${String(i).padStart(2, '0')}@${ws.domain}` });
    for (let i = 0; i < 12; i++) await autoJoined(ws, `j${String(i).padStart(2, '0')}`, `Joiner ${i}`);
    const first = await open(ws, 'admin');
    expect(first.blocks.length).toBeLessThanOrEqual(100);
    expect(text(first)).toContain('*Pending invitations* (25)');
    expect(text(first)).toContain('Page 1 of 3');
    expect(buttons(first).filter((b: any) => b.action_id === 'home_resend')).toHaveLength(10);
    expect(buttonFor(first, 'home_page')).toMatchObject({ text: { text: 'Next' }, value: '1' });
    const second = await click(ws, 'admin', first, 'home_page', '1', 'Page 2 of 3');
    expect(text(second)).toContain('Page 2 of 3');
    expect(text(second)).toContain(`p10@${ws.domain}`);
    expect(text(second)).not.toContain(`p09@${ws.domain}`);
    expect(buttons(second).filter((b: any) => b.action_id === 'home_page').map((b: any) => [b.text.text, b.value])).toEqual([['Previous', '0'], ['Next', '2']]);
    const third = await click(ws, 'admin', second, 'home_page', '2', 'Page 3 of 3');
    expect(buttons(third).filter((b: any) => b.action_id === 'home_resend')).toHaveLength(5);
    expect(buttons(third).filter((b: any) => b.action_id === 'home_block')).toHaveLength(0);
    // the page is remembered: opening the tab again shows it
    expect(text(await open(ws, 'admin'))).toContain('Page 3 of 3');
  });
});

describe('homes follow changes made elsewhere', () => {
  it('re-publishes the affected administrators’ opened homes, and nobody else’s', async () => {
    const ws = await app.workspace();
    await open(ws, 'admin');
    await open(ws, 'orgAdmin');
    const admins = publishesTo(ws.users.admin.slack).length;
    const olgas = publishesTo(ws.users.orgAdmin.slack).length;
    // changes through another surface (the rights service directly, as the web pages and commands do)
    await inviteUser(app.deps, { userId: ws.users.admin.id }, { email: `newbie@${ws.domain}` });
    const refreshed = await nextPublish(ws.users.admin.slack, admins);
    expect(text(refreshed.args.view)).toContain(`newbie@${ws.domain}`);
    await addMember(app.deps, { userId: ws.users.orgAdmin.id }, { organisationId: ws.orgs.sales.id, userId: ws.users.advanced.id, role: 'MEMBER' });
    const olga = await nextPublish(ws.users.orgAdmin.slack, olgas);
    expect(text(olga.args.view)).toContain('*Acme Sales* · 4 members');
    expect(text(olga.args.view)).toContain(`• *Vera Advanced* (vera@${ws.domain}) · Member`);
    // Vera, Bob and the others never opened their home: nothing is published for them
    for (const who of ['advanced', 'basic', 'blocked'] as const) expect(publishesTo(ws.users[who].slack)).toEqual([]);
    noChannelPosts();
  });

  it('an invited person’s home follows their activation', async () => {
    const ws = await app.workspace();
    expect(text(await open(ws, 'pending'))).toContain('have not activated your account yet');
    const before = publishesTo(ws.users.pending.slack).length;
    await activate(app.deps, ws.users.pending.email, 'Paula Pending');
    // a refresh for a change heard before (the seeding's) may come first: the one after the activation shows it
    const shows = `*Paula Pending* (paula@${ws.domain}) · Basic user in Acme`;
    await waitFor(() => publishesTo(ws.users.pending.slack).slice(before).some((c) => text(c.args.view).includes(shows)), { what: 'the home after the activation' });
  });

  it('debounces a burst of changes into few publications showing the last state', async () => {
    const ws = await app.workspace();
    await open(ws, 'admin');
    const before = publishesTo(ws.users.admin.slack).length;
    const started = Date.now();
    for (let i = 0; i < 6; i++) await inviteUser(app.deps, { userId: ws.users.admin.id }, { email: `burst${i}@${ws.domain}` });
    await waitFor(() => text(publishesTo(ws.users.admin.slack).at(-1)!.args.view).includes(`burst5@${ws.domain}`), { what: 'the home showing the last invitation' });
    const publications = publishesTo(ws.users.admin.slack).slice(before);
    // at most one publication per 3 s window since the burst began
    expect(publications.length).toBeLessThanOrEqual(1 + Math.ceil((Date.now() - started) / 3000));
    for (let i = 1; i < publications.length; i++) expect(publications[i]!.at - publications[i - 1]!.at).toBeGreaterThanOrEqual(2900);
  });

  it('a rate-limited refresh waits for Slack’s Retry-After and then publishes', async () => {
    const ws = await app.workspace();
    await open(ws, 'admin');
    const before = publishesTo(ws.users.admin.slack).length;
    // the app's one bot token is the fake's default workspace's
    app.fake.rateLimit(app.fake.teamId, 'views.publish', 4);
    const limitEnds = Date.now() + 4_000;
    await inviteUser(app.deps, { userId: ws.users.admin.id }, { email: `later@${ws.domain}` });
    await app.fake.waitFor('views.publish', (a) => a.user_id === ws.users.admin.slack && text(a.view).includes(`later@${ws.domain}`), 1);
    const refreshed = await nextPublish(ws.users.admin.slack, before, 20_000);
    expect(text(refreshed.args.view)).toContain(`later@${ws.domain}`);
    const limited = app.fake.callsTo('views.publish').filter((c) => c.args.user_id === ws.users.admin.slack && c.result?.status === 429);
    // refused once, then it waited for Retry-After instead of asking again and again
    expect(limited.length).toBe(1);
    expect(refreshed.at).toBeGreaterThanOrEqual(limitEnds - 50);
  });

  it('a resend, which no user row shows, reaches the other administrators’ open homes', async () => {
    const ws = await app.workspace();
    app.fake.addUser({ id: `UADA2${ws.tag}`, email: `ada2@${ws.domain}`, name: 'Ada Two' });
    await inviteUser(app.deps, { userId: ws.users.admin.id }, { email: `ada2@${ws.domain}`, role: 'ADMINISTRATOR' });
    await activate(app.deps, `ada2@${ws.domain}`, 'Ada Two');
    const second = { ...ws, as: () => ({ userId: `UADA2${ws.tag}`, teamId: ws.teamId }) } as unknown as Workspace;
    await open(second, 'admin');
    const before = publishesTo(`UADA2${ws.tag}`).length;
    const view = await open(ws, 'admin');
    await click(ws, 'admin', view, 'home_resend', ws.users.pending.id, 'Invitation sent again');
    const refreshed = await nextPublish(`UADA2${ws.tag}`, before);
    expect(text(refreshed.args.view)).toContain('*Last ten changes*');
    expect(text(refreshed.args.view)).toMatch(/Ada Admin · resent the invitation of paula@/);
  });

  it('a resend typed as a command reaches the administrators’ open homes at once (the database tells of invitation changes)', async () => {
    const ws = await app.workspace();
    await open(ws, 'admin');
    const before = publishesTo(ws.users.admin.slack).length;
    await ws.driver.confirmed(ws.as('admin'), `resend ${ws.users.pending.email}`, /a new activation link/);
    const refreshed = await nextPublish(ws.users.admin.slack, before);
    expect(text(refreshed.args.view)).toMatch(/Ada Admin · resent the invitation of paula@/);
    // the invitation's user row did not change: only the Invitation rows told of it
    expect(await app.deps.prisma.invitation.count({ where: { userId: ws.users.pending.id } })).toBe(2);
  });

  it('two processes hearing the same change publish the home once', async () => {
    const ws = await app.workspace();
    const other = createSlackApp({
      config: { slack: { botToken: app.fake.token, signingSecret: SIGNING_SECRET, apiUrl: app.fake.url, command: '/econnect' } },
      deps: app.deps,
      logger: captureLog().logger,
    });
    await other.start();
    try {
      await open(ws, 'admin');
      const before = publishesTo(ws.users.admin.slack).length;
      await inviteUser(app.deps, { userId: ws.users.admin.id }, { email: `once@${ws.domain}` });
      const refreshed = await nextPublish(ws.users.admin.slack, before);
      expect(text(refreshed.args.view)).toContain(`once@${ws.domain}`);
      await waitFor(() => app.slack.homes.idle() && other.homes.idle(), { what: 'both processes done with the change' });
      expect(publishesTo(ws.users.admin.slack).length).toBe(before + 1);
    } finally {
      await other.stop();
    }
  });
});
