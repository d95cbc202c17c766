// The Slack surface through the composition root: src/main.ts runs as a process on PGlite and on
// PostgreSQL against the fake Slack Web API, and really signed requests go to it over HTTP. What each
// listener does, and every refusal, is tested in-process (test/slack/); here: request signing, a
// command, a modal, a menu and options through the process, a duplicate delivery under the app's own
// work queue, and a token made in Slack used at the rights API. Each test has its own environment,
// seeded before the app starts (PGlite is one process's database).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/rights/index.ts';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../support/database.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { SlackDriver } from '../support/slack-driver.ts';
import { SlackRequests, value } from '../support/slack-requests.ts';
import { seedWorkspace, type Workspace } from '../support/slack-workspace.ts';
import { waitFor } from '../support/wait-for.ts';

const SECRET = '5f2b8c9d0e1a4b7c8d9e0f1a2b3c4d5e';
const kinds: TestDatabaseKind[] = ['pglite', 'postgres'];
const TESTS = ['signing', 'command', 'modal', 'menu', 'duplicate', 'apiToken'] as const;

describe.each(kinds)('Slack surface on %s', (kind) => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let app: AppProcess;
  let rq: SlackRequests;
  const ws = {} as Record<(typeof TESTS)[number], Workspace & { driver: SlackDriver }>;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    db = await createTestDatabase(kind);
    const seeded: Workspace[] = [];
    const d = await db.open();
    try {
      for (const _ of TESTS) seeded.push(await seedWorkspace({ prisma: d.prisma, options: defaultOptions }, fake));
    } finally {
      await d.close();
    }
    app = await startApp({ env: { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, ...db.env, LOG_LEVEL: 'info' }, cwd: db.cwd });
    rq = new SlackRequests(app.eventsUrl, SECRET, fake);
    for (const [i, name] of TESTS.entries()) ws[name] = { ...seeded[i]!, driver: new SlackDriver(rq, fake, seeded[i]!.channel) };
  }, 120_000);

  afterEach(() => fake.assertClean());

  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  }, 30_000);

  it('forged, stale and unsigned requests are refused before anything runs', async () => {
    const { as, driver, domain, channel, users } = ws.signing;
    const forged = await rq.slash(as('admin'), `invite forged@${domain}`, channel, { forge: true });
    expect(forged.status).toBe(401);
    const stale = await rq.slash(as('admin'), `invite stale@${domain}`, channel, { ageSeconds: 6 * 60 });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(app.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: rq.commandBody(as('admin'), `invite unsigned@${domain}`, channel) });
    expect(unsigned.status).toBe(401);
    // a signed request after them runs, and finds none of their invitations
    const pending = await driver.ephemeral(as('admin'), 'pending');
    expect(pending).toContain(users.pending.email);
    for (const refused of ['forged', 'stale', 'unsigned']) expect(pending).not.toContain(`${refused}@${domain}`);
    for (const r of [forged, stale]) {
      expect(fake.responses.filter((p) => r.responseUrl.endsWith(`/${p.id}`))).toEqual([]);
      expect(fake.callsTo('views.open').filter((c) => c.args.trigger_id === r.triggerId)).toEqual([]);
    }
    expect(driver.postedHere()).toEqual([]);
  });

  it('a command: the caller is found through Slack, the change is confirmed in the channel, and can be looked up', async () => {
    const { as, driver, domain, users } = ws.command;
    const text = await driver.confirmed(as('admin'), `invite carl@${domain} advanced`, /invited \*carl@/);
    expect(text).toMatch(new RegExp(`<@${users.admin.slack}> invited \\*carl@${domain}\\* as Advanced user`));
    expect(fake.callsTo('users.info').some((c) => c.args.user === users.admin.slack)).toBe(true);
    expect(await driver.ephemeral(as('admin'), 'pending')).toMatch(new RegExp(`carl@${domain}: Advanced user`));
    expect(await driver.ephemeral(as('admin'), `audit carl@${domain}`)).toMatch(new RegExp(`<@${users.admin.slack}>: \`user.invited\` carl@${domain}`));
    expect(await driver.ephemeral(as('basic'), `invite dan@${domain}`)).toMatch(/You may not invite users/);
  });

  it('a modal: opened by the command, searched as the administrator types, kept open on a field error, confirmed when valid', async () => {
    const { as, driver, domain, orgs } = ws.modal;
    const view = await driver.opened(as('admin'), 'invite');
    expect(view.callback_id).toBe('invite');
    const options = await rq.suggest(as('admin'), 'organisation_search', 'organisations', 'sales', view);
    fake.checkOptionsResponse(options.json);
    expect(options.json.options.map((o: { text: { text: string } }) => o.text.text)).toEqual(['Acme Sales']);
    const bad = await rq.submit(as('admin'), view, { email: { value: value.email('dora@') }, role: { value: value.select('BASIC') }, organisations: { organisation_search: value.multiExternal([]) } }, { hash: 'h1' });
    fake.checkViewSubmissionResponse(bad.json);
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { email: expect.stringMatching(/valid email/) } });
    const email = `dora@${domain}`;
    const good = await rq.submit(as('admin'), view, { email: { value: value.email(email) }, role: { value: value.select('ADVANCED') }, organisations: { organisation_search: value.multiExternal([orgs.sales.id]) } }, { hash: 'h2' });
    expect(good).toMatchObject({ status: 200, text: '' });
    await driver.posted(new RegExp(`invited \\*${email}\\* as Advanced user and 1 organisation to join`));
    expect(await driver.ephemeral(as('admin'), 'pending')).toContain(email);
  });

  it('a menu in a modal changes it: remove member, the organisation first, then one of its members', async () => {
    const { as, driver, orgs, users } = ws.menu;
    const step1 = await driver.opened(as('admin'), 'remove-member');
    const pick = await rq.action(as('admin'), { type: 'external_select', action_id: 'organisation_pick_remove', block_id: 'organisation', selected_option: { text: { type: 'plain_text', text: 'Acme Sales' }, value: orgs.sales.id } }, { view: step1 });
    expect(pick.status).toBe(200);
    const [update] = await fake.waitFor('views.update', (a) => a.view_id === step1.id);
    const step2 = update!.result.view;
    const members = await rq.suggest(as('admin'), 'member_search', 'user', 'bob', step2);
    fake.checkOptionsResponse(members.json);
    expect(members.json.options.map((o: { value: string }) => o.value)).toEqual([users.basic.id]);
    const res = await rq.submit(as('admin'), step2, { user: { member_search: value.external(users.basic.id) } }, { viewId: step2.id, hash: step2.hash });
    expect(res.text).toBe('');
    await driver.posted(/removed \*Bob Basic\* from \*Acme Sales\*/);
    expect(await driver.ephemeral(as('admin'), `whois ${users.basic.email}`)).toContain('Not a member of any organisation');
  });

  it('a duplicate delivery of the same command is recorded once, changes state once and is confirmed once', async () => {
    const { as, driver, channel } = ws.duplicate;
    const body = rq.commandBody(as('admin'), 'create-org Acme Twice', channel);
    const triggerId = new URLSearchParams(body).get('trigger_id')!;
    const [a, b] = await Promise.all([rq.send(body), rq.send(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await driver.posted(/created the organisation \*Acme Twice\*/);
    // Each copy is recorded before its ack, once per trigger_id: the second records nothing, so the
    // work is done (and logged) once; a later command's answer comes after it.
    const done = () => app.output().split('\n').filter((l) => l.includes('subcommand done') && l.includes(triggerId)).length;
    await waitFor(() => done() === 1, { what: 'the command to be done' });
    const audit = await driver.ephemeral(as('admin'), 'audit Acme Twice');
    expect(done()).toBe(1);
    expect(driver.postedHere()).toHaveLength(1);
    expect(audit.match(/`organisation\.created` Acme Twice/g)).toHaveLength(1);
  });

  it('api-token: a token made in Slack lets another system ask the rights API, until it is revoked', async () => {
    const { as, driver, users, orgs } = ws.apiToken;
    const text = await driver.ephemeral(as('admin'), 'api-token create document platform');
    const token = /`(ecr_[A-Za-z0-9_-]+)`/.exec(text)?.[1];
    expect(token).toMatch(/^ecr_/);
    const confirmation = await driver.posted(/created the rights API token \*document platform\*/);
    expect(JSON.stringify(confirmation.args)).not.toContain(token!);
    const ask = async (query: string, bearer: string | null = token!) => {
      const res = await fetch(`${app.baseUrl}/api/v1/authorize?${query}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const member = await ask(`user=${users.basic.id}&action=document:send&organisation=${orgs.sales.id}`);
    expect(member).toMatchObject({ status: 200, body: { allow: true, user: users.basic.id } });
    const notMember = await ask(`user=${encodeURIComponent(users.basic.email)}&action=document:view&organisation=${orgs.purchasing.id}`);
    expect(notMember).toMatchObject({ status: 200, body: { allow: false, reason: expect.stringMatching(/only members/) } });
    const blocked = await ask(`user=${users.blocked.id}&action=document:view&organisation=${orgs.sales.id}`);
    expect(blocked.body).toMatchObject({ allow: false, reason: expect.stringMatching(/blocked/) });
    expect((await ask(`user=${users.basic.id}&action=document:burn&organisation=${orgs.sales.id}`)).status).toBe(400);
    expect((await ask(`user=${users.basic.id}&action=document:view&organisation=${orgs.sales.id}`, null)).status).toBe(401);
    expect((await ask(`user=${users.basic.id}&action=document:view&organisation=${orgs.sales.id}`, `${token}x`)).status).toBe(401);
    await driver.confirmed(as('admin'), 'api-token revoke document platform', /revoked the rights API token \*document platform\*/);
    expect((await ask(`user=${users.basic.id}&action=document:view&organisation=${orgs.sales.id}`)).status).toBe(401);
    expect(app.output()).not.toContain(token!);
  });
});
