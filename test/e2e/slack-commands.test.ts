// The Slack surface end to end: the app runs as a process against a fake Slack Web API, on PGlite and
// on PostgreSQL; every subcommand, modal submission and options request is sent as a really signed
// request, and what the app did is read back at the fake Slack and, at the end, in the database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, messageText } from '../support/fake-slack.ts';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { SlackRequests, value } from '../support/slack-requests.ts';
import { addSlackAccounts, createTestDatabase, seed, type DbKind, type Seeded, type TestDatabase } from './slack-fixtures.ts';

const SECRET = '5f2b8c9d0e1a4b7c8d9e0f1a2b3c4d5e';
const kinds: DbKind[] = ['pglite', 'postgres'];

describe.each(kinds)('Slack surface on %s', (kind) => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let app: AppProcess;
  let rq: SlackRequests;
  let s: Seeded;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    db = await createTestDatabase(kind);
    const d = await db.open();
    s = await seed(d);
    await d.close();
    addSlackAccounts(fake, s);
    app = await startApp({ env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, DATABASE_URL: db.url }, cwd: db.cwd });
    rq = new SlackRequests(app.eventsUrl, SECRET, fake);
  }, 120_000);

  afterEach(() => {
    fake.assertClean();
    fake.reset();
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  }, 30_000);

  const as = (key: keyof Seeded['users'] | 'stranger' | 'unverified' | 'noEmail') =>
    ({ stranger: { userId: 'USTRANGER' }, unverified: { userId: 'UUNVERIFIED' }, noEmail: { userId: 'UNOEMAIL' } } as Record<string, { userId: string }>)[key] ??
    { userId: s.users[key as keyof Seeded['users']].slack };

  /** Runs a command and returns the ephemeral answer's text. */
  async function ephemeral(who: Parameters<typeof as>[0], text: string) {
    const r = await rq.slash(as(who), text);
    expect(r.status).toBe(200);
    const body = await fake.waitForResponse(r.responseUrl);
    expect(body.response_type).toBe('ephemeral');
    return messageText(body);
  }

  /** Runs a command that changes something and returns the channel confirmation's text. */
  async function confirmed(who: Parameters<typeof as>[0], text: string, expected: RegExp, channel = 'C0CHANNEL') {
    const r = await rq.slash(as(who), text, channel);
    expect(r.status).toBe(200);
    const call = await fake.waitForMessage('chat.postMessage', expected);
    expect(call.args.channel).toBe(channel);
    return messageText(call.args);
  }

  /** Runs a command without arguments and returns the modal it opened (as Slack knows it). */
  async function opened(who: Parameters<typeof as>[0], text: string) {
    const r = await rq.slash(as(who), text);
    expect(r.status).toBe(200);
    const [call] = await fake.waitFor('views.open', (a) => a.trigger_id === r.triggerId);
    expect(call!.result.ok).toBe(true);
    return call!.result.view;
  }

  async function noMessagePosted() {
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  }

  describe('commands with arguments', () => {
    it('help lists every subcommand, also for someone without an account', async () => {
      const text = await ephemeral('stranger', 'help');
      for (const sub of ['invite', 'set-role', 'make-admin', 'add-to-org', 'remove-member', 'create-org', 'org', 'block', 'unblock', 'remove-user', 'resend', 'revoke', 'users', 'orgs', 'whois', 'pending', 'audit', 'notify-here']) {
        expect(text).toContain(sub);
      }
      expect(await ephemeral('admin', '')).toContain('invite');
      expect(await ephemeral('admin', 'frobnicate')).toMatch(/do not know `frobnicate`/);
    });

    it('api-token: a token made in Slack lets another system ask the rights API, until it is revoked', async () => {
      const text = await ephemeral('admin', 'api-token create document platform');
      const token = /`(ecr_[A-Za-z0-9_-]+)`/.exec(text)?.[1];
      expect(token).toMatch(/^ecr_/);
      const confirmation = await fake.waitForMessage('chat.postMessage', /created the rights API token \*document platform\*/);
      expect(JSON.stringify(confirmation.args)).not.toContain(token!);
      expect(await ephemeral('basic', 'api-token create mine')).toMatch(/may not/);

      const base = new URL(app.eventsUrl).origin;
      const ask = async (query: string, bearer: string | null = token!) => {
        const res = await fetch(`${base}/api/v1/authorize?${query}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const member = await ask(`user=${s.users.basic.id}&action=document:send&organisation=${s.orgs.sales.id}`);
      expect(member).toMatchObject({ status: 200, body: { allow: true, user: s.users.basic.id } });
      const notMember = await ask(`user=${encodeURIComponent(s.users.basic.email)}&action=document:view&organisation=${s.orgs.purchasing.id}`);
      expect(notMember).toMatchObject({ status: 200, body: { allow: false, reason: expect.stringMatching(/only members/) } });
      const blocked = await ask(`user=${s.users.blocked.id}&action=document:view&organisation=${s.orgs.sales.id}`);
      expect(blocked.body).toMatchObject({ allow: false, reason: expect.stringMatching(/blocked/) });
      expect((await ask(`user=${s.users.basic.id}&action=document:burn&organisation=${s.orgs.sales.id}`)).status).toBe(400);
      expect((await ask(`user=${s.users.basic.id}&action=document:view&organisation=${s.orgs.sales.id}`, null)).status).toBe(401);
      expect((await ask(`user=${s.users.basic.id}&action=document:view&organisation=${s.orgs.sales.id}`, `${token}x`)).status).toBe(401);

      expect(await ephemeral('admin', 'api-token list')).toContain('document platform');
      await confirmed('admin', 'api-token revoke document platform', /revoked the rights API token \*document platform\*/);
      expect((await ask(`user=${s.users.basic.id}&action=document:view&organisation=${s.orgs.sales.id}`)).status).toBe(401);
    });

    it('invite confirms who invited whom in the channel', async () => {
      const text = await confirmed('admin', 'invite carl@acme.test advanced', /invited \*carl@acme.test\*/);
      expect(text).toMatch(/<@UADMIN> invited \*carl@acme.test\* as Advanced user/);
    });

    it('invite accepts the escaped email Slack sends and refuses a bad one with what to do', async () => {
      await confirmed('admin', 'invite <mailto:erik@acme.test|erik@acme.test>', /invited \*erik@acme.test\* as Basic user/);
      expect(await ephemeral('admin', 'invite not-an-email')).toMatch(/not a valid email|valid email address/);
      expect(await ephemeral('admin', 'invite carl@acme.test')).toMatch(/already invited.*resend/);
    });

    it('a duplicate delivery of the same command changes state once', async () => {
      const body = rq.commandBody(as('admin'), 'create-org Acme Twice');
      const [a, b] = await Promise.all([rq.send(body), rq.send(body)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      await fake.waitForMessage('chat.postMessage', /created the organisation \*Acme Twice\*/);
      // Work after the ack runs in order: once a later command is confirmed, both copies are done.
      await confirmed('admin', 'create-org Acme After Twice', /created the organisation \*Acme After Twice\*/);
      expect(fake.callsTo('chat.postMessage').filter((c) => /Acme Twice\*/.test(String(c.args.text)))).toHaveLength(1);
      // Checked in the database at the end: one organisation, one audit event.
    });

    it('set-role and make-admin accept an email, a mention and a name', async () => {
      await confirmed('admin', 'set-role vera@acme.test basic', /made \*Vera Advanced\* Basic user \(was Advanced user\)/);
      await confirmed('admin', 'make-admin <@UADVANCED|vera>', /made \*Vera Advanced\* Administrator \(was Basic user\)/);
      await confirmed('admin', 'set-role "Vera Advanced" advanced', /made \*Vera Advanced\* Advanced user \(was Administrator\)/);
      expect(await ephemeral('admin', 'set-role vera@acme.test advanced')).toMatch(/already is Advanced user/);
      expect(await ephemeral('admin', 'set-role vera@acme.test boss')).toMatch(/Usage/);
      expect(await ephemeral('admin', 'make-admin nobody@acme.test')).toMatch(/Nobody with the address nobody@acme.test/);
    });

    it('add-to-org and remove-member', async () => {
      await confirmed('admin', 'add-to-org vera@acme.test Acme Purchasing administrator', /added \*Vera Advanced\* to \*Acme Purchasing\* as organisation administrator/);
      await confirmed('admin', 'add-to-org bob@acme.test "Acme Purchasing"', /added \*Bob Basic\* to \*Acme Purchasing\* as member/);
      await confirmed('admin', 'remove-member bob@acme.test Acme Purchasing', /removed \*Bob Basic\* from \*Acme Purchasing\*/);
      expect(await ephemeral('admin', 'add-to-org bob@acme.test')).toMatch(/Usage/);
      expect(await ephemeral('admin', 'add-to-org bob@acme.test Nowhere Inc')).toMatch(/No organisation called "Nowhere Inc"/);
    });

    it('create-org and org show its details', async () => {
      await confirmed('admin', 'create-org Acme Logistics', /<@UADMIN> created the organisation \*Acme Logistics\*/);
      expect(await ephemeral('admin', 'create-org acme logistics')).toMatch(/already exists/);
      const r = await rq.slash(as('admin'), 'org Acme Sales');
      const body = await fake.waitForResponse(r.responseUrl);
      expect(messageText(body)).toMatch(/Acme Sales.*3 members/s);
      expect(JSON.stringify(body.blocks)).toContain('org_edit');
    });

    it('block, unblock and remove-user', async () => {
      await confirmed('admin', 'block vera@acme.test', /<@UADMIN> blocked \*Vera Advanced\*/);
      await confirmed('admin', 'unblock vera@acme.test', /<@UADMIN> unblocked \*Vera Advanced\*/);
      await confirmed('admin', 'remove-user erik@acme.test', /<@UADMIN> removed \*erik@acme.test\* from the environment/);
      expect(await ephemeral('admin', 'block')).toMatch(/Usage: `\/econnect block <user>`/);
    });

    it('resend and revoke an invitation', async () => {
      await confirmed('admin', 'resend paula@acme.test', /sent \*paula@acme.test\* a new activation link/);
      await confirmed('admin', 'revoke paula@acme.test', /revoked the invitation of \*paula@acme.test\*/);
    });

    it('users, orgs, whois, pending and audit answer only the caller', async () => {
      expect(await ephemeral('admin', 'users')).toMatch(/bob@acme.test.*Basic user/);
      expect(await ephemeral('admin', 'users olga')).toMatch(/olga@acme.test/);
      expect(await ephemeral('admin', 'orgs')).toMatch(/Acme Purchasing.*Acme Sales/s);
      const whois = await ephemeral('admin', 'whois <@UORGADMIN>');
      expect(whois).toMatch(/Olga Orgadmin/);
      expect(whois).toMatch(/Acme Sales: organisation administrator/);
      expect(await ephemeral('admin', 'pending')).toMatch(/carl@acme.test: Advanced user/);
      const audit = await ephemeral('admin', 'audit vera@acme.test');
      expect(audit).toMatch(/user.role_changed|role/);
      expect(await ephemeral('admin', 'audit')).toMatch(/<@UADMIN>/);
      await noMessagePosted();
    });

    it('notify-here makes this channel the notification channel', async () => {
      await confirmed('admin', 'notify-here', /chose this channel for eConnect notifications/, 'C0NOTIFY');
    });
  });

  describe('modals', () => {
    it('invite: field errors keep the modal open; a valid submission invites with organisations', async () => {
      const view = await opened('admin', 'invite');
      expect(view.callback_id).toBe('invite');
      const options = await rq.suggest(as('admin'), 'organisation_search', 'organisations', 'sales', view);
      fake.checkOptionsResponse(options.json);
      expect(options.json.options.map((o: any) => o.text.text)).toEqual(['Acme Sales']);

      const bad = await rq.submit(as('admin'), view, { email: { value: value.email('dora@') }, role: { value: value.select('BASIC') }, organisations: { organisation_search: value.multiExternal([]) } });
      fake.checkViewSubmissionResponse(bad.json);
      expect(bad.json.response_action).toBe('errors');
      expect(bad.json.errors.email).toMatch(/valid email/);

      const good = await rq.submit(
        as('admin'),
        view,
        { email: { value: value.email('dora@acme.test') }, role: { value: value.select('ADVANCED') }, organisations: { organisation_search: value.multiExternal([s.orgs.sales.id]) } },
        { viewId: view.id, hash: 'h2' },
      );
      expect(good.status).toBe(200);
      expect(good.text).toBe('');
      await fake.waitForMessage('chat.postMessage', /invited \*dora@acme.test\* as Advanced user and 1 organisation to join/);
    });

    it('set role: users are searched as the administrator types', async () => {
      const view = await opened('admin', 'set-role');
      const options = await rq.suggest(as('admin'), 'user_search', 'user', 'vera', view);
      fake.checkOptionsResponse(options.json);
      expect(options.json.options).toEqual([{ text: expect.objectContaining({ text: 'Vera Advanced <vera@acme.test>' }), value: s.users.advanced.id }]);
      const all = await rq.suggest(as('admin'), 'user_search', 'user', '', view);
      expect(all.json.options.length).toBeGreaterThanOrEqual(5);
      const res = await rq.submit(as('admin'), view, { user: { user_search: value.external(s.users.advanced.id) }, role: { value: value.select('ADMINISTRATOR') } });
      expect(res.text).toBe('');
      await fake.waitForMessage('chat.postMessage', /made \*Vera Advanced\* Administrator/);
      const make = await opened('admin', 'make-admin');
      expect(JSON.stringify(make.blocks)).toContain('"initial_option"');
    });

    it('add to organisation', async () => {
      const view = await opened('admin', 'add-to-org');
      const res = await rq.submit(as('admin'), view, {
        user: { user_search: value.external(s.users.basic.id) },
        organisation: { organisation_search: value.external(s.orgs.purchasing.id) },
        role: { value: value.select('MEMBER') },
      });
      expect(res.text).toBe('');
      await fake.waitForMessage('chat.postMessage', /added \*Bob Basic\* to \*Acme Purchasing\* as member/);
      const again = await rq.submit(as('admin'), view, {
        user: { user_search: value.external(s.users.basic.id) },
        organisation: { organisation_search: value.external(s.orgs.purchasing.id) },
        role: { value: value.select('MEMBER') },
      }, { hash: 'other' });
      expect(again.json.response_action).toBe('errors');
      expect(Object.keys(again.json.errors)).toHaveLength(1);
    });

    it('remove member: the organisation first, then one of its members', async () => {
      const step1 = await opened('admin', 'remove-member');
      expect(step1.blocks.map((b: any) => b.block_id)).toEqual(['organisation']);
      const pick = await rq.action(as('admin'), { type: 'external_select', action_id: 'organisation_pick_remove', block_id: 'organisation', selected_option: { text: { type: 'plain_text', text: 'Acme Purchasing' }, value: s.orgs.purchasing.id } }, { view: step1 });
      expect(pick.status).toBe(200);
      const [update] = await fake.waitFor('views.update', (a) => a.view_id === step1.id);
      const step2 = update!.result.view;
      expect(step2.blocks.map((b: any) => b.block_id)).toEqual(['about', 'user']);
      const members = await rq.suggest(as('admin'), 'member_search', 'user', '', step2);
      fake.checkOptionsResponse(members.json);
      expect(members.json.options.map((o: any) => o.value)).toContain(s.users.basic.id);
      const res = await rq.submit(as('admin'), step2, { user: { member_search: value.external(s.users.basic.id) } }, { viewId: step2.id, hash: step2.hash });
      expect(res.text).toBe('');
      await fake.waitForMessage('chat.postMessage', /removed \*Bob Basic\* from \*Acme Purchasing\*/);
    });

    it('create organisation: a bad KvK number is shown on its field', async () => {
      const view = await opened('admin', 'create-org');
      const values = (kvk: string) => ({ name: { value: value.text('Acme Holding') }, kvkNumber: { value: value.text(kvk) }, country: { value: value.text('NL') }, postalCode: { value: value.text('3511 AB') } });
      const bad = await rq.submit(as('admin'), view, values('12'));
      expect(bad.json.response_action).toBe('errors');
      expect(Object.keys(bad.json.errors)).toEqual(['kvkNumber']);
      const good = await rq.submit(as('admin'), view, values('12345678'), { hash: 'h2' });
      expect(good.text).toBe('');
      await fake.waitForMessage('chat.postMessage', /created the organisation \*Acme Holding\*/);
    });

    it('a duplicate submission of the same view changes state once', async () => {
      const view = await opened('admin', 'create-org');
      const body = rq.viewSubmission(as('admin'), view, { name: { value: value.text('Acme Double') } }, 'VDOUBLE', 'hash1');
      const [a, b] = await Promise.all([rq.send(body), rq.send(body)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      await fake.waitForMessage('chat.postMessage', /created the organisation \*Acme Double\*/);
      await confirmed('admin', 'create-org Acme After Double', /created the organisation \*Acme After Double\*/);
      expect(fake.callsTo('chat.postMessage').filter((c) => /Acme Double\*/.test(String(c.args.text)))).toHaveLength(1);
    });

    it('edit organisation details: from `org edit`, from `org` with a picker, and from the Edit button', async () => {
      const view = await opened('admin', 'org edit Acme Sales');
      expect(view.callback_id).toBe('edit_org');
      expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Acme Sales"');
      const res = await rq.submit(as('admin'), view, { name: { value: value.text('Acme Sales') }, city: { value: value.text('Utrecht') } });
      expect(res.text).toBe('');
      await fake.waitForMessage('chat.postMessage', /changed city of \*Acme Sales\*/);

      const picker = await opened('admin', 'org');
      expect(picker.callback_id).toBe('edit_org_pick');
      await rq.action(as('admin'), { type: 'external_select', action_id: 'organisation_pick_edit', block_id: 'organisation', selected_option: { text: { type: 'plain_text', text: 'Acme Sales' }, value: s.orgs.sales.id } }, { view: picker });
      const [update] = await fake.waitFor('views.update', (a) => a.view_id === picker.id);
      expect(JSON.stringify(update!.result.view.blocks)).toContain('"initial_value":"Utrecht"');
      const next = await rq.submit(as('admin'), picker, { organisation: { organisation_pick_edit: value.external(s.orgs.sales.id) } }, { viewId: picker.id });
      expect(next.json.response_action).toBe('update');
      fake.checkViewSubmissionResponse(next.json);

      const click = await rq.action(as('admin'), { action_id: 'org_edit', block_id: 'org_actions', value: s.orgs.sales.id });
      expect(click.status).toBe(200);
      const [edit] = await fake.waitFor('views.open', (a) => a.view.callback_id === 'edit_org');
      expect(edit!.result.ok).toBe(true);
    });
  });

  describe('refusals change nothing and say why', () => {
    it('a user without the administrator role', async () => {
      expect(await ephemeral('basic', 'invite zoe@acme.test')).toMatch(/You may not invite users.*Ask an administrator/);
      expect(await ephemeral('basic', 'block bob@acme.test')).toMatch(/You may not block users/);
      expect(await ephemeral('basic', 'users')).toMatch(/may not look up/);
      await noMessagePosted();
    });

    it('a modal submitted by a non-administrator shows the refusal in the modal', async () => {
      const view = await opened('admin', 'invite');
      const res = await rq.submit(as('basic'), view, { email: { value: value.email('zoe@acme.test') }, role: { value: value.select('BASIC') } });
      expect(res.json.response_action).toBe('errors');
      expect(Object.values(res.json.errors)[0]).toMatch(/may not invite/);
      await noMessagePosted();
    });

    it('a blocked user, someone unknown, someone without a verified email', async () => {
      expect(await ephemeral('blocked', 'users')).toMatch(/blocked/);
      expect(await ephemeral('stranger', 'invite zoe@acme.test')).toMatch(/No eConnect user has the address sam@elsewhere.test/);
      expect(await ephemeral('unverified', 'invite zoe@acme.test')).toMatch(/no verified email/);
      expect(await ephemeral('noEmail', 'users')).toMatch(/no verified email/);
      fake.addUser({ id: 'UCARL', email: 'carl@acme.test', name: 'Carl' });
      expect(await ephemeral('pending', 'users')).toMatch(/No eConnect user has the address paula@acme.test/); // revoked above
      const invited = await rq.slash({ userId: 'UCARL' }, 'users');
      expect(messageText(await fake.waitForResponse(invited.responseUrl))).toMatch(/not activated/);
      const options = await rq.suggest(as('stranger'), 'user_search', 'user', '');
      expect(options.json).toEqual({ options: [] });
      await noMessagePosted();
    });

    it('an organisation administrator manages only their own organisation', async () => {
      expect(await ephemeral('orgAdmin', 'add-to-org vera@acme.test Acme Purchasing')).toMatch(/may not add members to this organisation/);
      expect(await ephemeral('orgAdmin', 'remove-member vera@acme.test Acme Purchasing')).toMatch(/may not remove members/);
      expect(await ephemeral('orgAdmin', 'create-org Olga Inc')).toMatch(/may not create organisations/);
      await confirmed('orgAdmin', 'add-to-org vera@acme.test Acme Sales', /<@UORGADMIN> added \*Vera Advanced\* to \*Acme Sales\* as member/);
      // In the add-member form: their own organisations only, and people by full address (no directory browsing).
      const orgs = await rq.suggest(as('orgAdmin'), 'organisation_search', 'organisation', '');
      expect(orgs.json.options.map((o: any) => o.text.text)).toEqual(['Acme Sales']);
      expect((await rq.suggest(as('orgAdmin'), 'user_search', 'user', 'vera')).json.options).toEqual([]);
      const byEmail = await rq.suggest(as('orgAdmin'), 'user_search', 'user', 'vera@acme.test');
      expect(byEmail.json.options.map((o: any) => o.value)).toEqual([s.users.advanced.id]);
    });

    it('forged and stale requests are rejected before anything runs', async () => {
      const forged = await rq.slash(as('admin'), 'invite forged@acme.test', undefined, { forge: true });
      expect(forged.status).toBe(401);
      const stale = await rq.slash(as('admin'), 'invite stale@acme.test', undefined, { ageSeconds: 6 * 60 });
      expect(stale.status).toBe(401);
      const unsigned = await fetch(app.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: rq.commandBody(as('admin'), 'invite x@acme.test') });
      expect(unsigned.status).toBe(401);
      await new Promise((r) => setTimeout(r, 300));
      expect(fake.calls).toEqual([]);
    });
  });

  describe('notification buttons', () => {
    it('do something only for an administrator', async () => {
      const refused = await rq.action(as('basic'), { action_id: 'notify_make_admin', block_id: 'next_steps', value: s.users.orgAdmin.id }, { channelId: 'C0NOTIFY' });
      expect(refused.status).toBe(200);
      const [answer] = await new Promise<any[]>((resolve) => setTimeout(() => resolve(fake.responses), 300));
      expect(messageText(answer?.body)).toMatch(/Only an administrator/);
      expect(fake.callsTo('chat.postMessage')).toEqual([]);

      await rq.action(as('admin'), { action_id: 'notify_make_admin', block_id: 'next_steps', value: s.users.orgAdmin.id }, { channelId: 'C0NOTIFY' });
      await fake.waitForMessage('chat.postMessage', /<@UADMIN> made \*Olga Orgadmin\* Administrator/);
      await rq.action(as('admin'), { action_id: 'notify_add_to_org', block_id: 'next_steps', value: s.users.orgAdmin.id }, { channelId: 'C0NOTIFY' });
      const [open] = await fake.waitFor('views.open', (a) => a.view.callback_id === 'add_member');
      expect(JSON.stringify(open!.args.view.blocks)).toContain(s.users.orgAdmin.id);
      await rq.action(as('admin'), { action_id: 'notify_block', block_id: 'next_steps', value: s.users.advanced.id }, { channelId: 'C0NOTIFY' });
      await fake.waitForMessage('chat.postMessage', /<@UADMIN> blocked \*Vera Advanced\*/);
    });
  });

  describe('the database afterwards', () => {
    it('holds each change once, with its audit event naming the Slack user', async () => {
      await app.stop();
      const d = await db.open();
      try {
        const p = d.prisma;
        expect(await p.organisation.count({ where: { name: 'Acme Twice' } })).toBe(1);
        expect(await p.organisation.count({ where: { name: 'Acme Double' } })).toBe(1);
        const created = await p.auditEvent.findMany({ where: { action: { contains: 'organisation' }, details: { path: ['name'], equals: 'Acme Twice' } } });
        expect(created).toHaveLength(1);
        expect(created[0]!.actorSlackId).toBe('UADMIN');
        const carl = await p.user.findUniqueOrThrow({ where: { email: 'carl@acme.test' } });
        expect(carl).toMatchObject({ status: 'INVITED', role: 'ADVANCED' });
        expect(await p.auditEvent.count({ where: { action: 'user.invited', targetId: carl.id } })).toBe(1);
        expect(await p.user.findUniqueOrThrow({ where: { email: 'erik@acme.test' } })).toMatchObject({ status: 'REMOVED' });
        expect(await p.user.findUniqueOrThrow({ where: { email: 'vera@acme.test' } })).toMatchObject({ status: 'BLOCKED', role: 'ADMINISTRATOR' });
        expect(await p.user.findUniqueOrThrow({ where: { email: 'olga@acme.test' } })).toMatchObject({ role: 'ADMINISTRATOR', slackUserId: 'UORGADMIN' });
        expect(await p.user.count({ where: { email: { in: ['zoe@acme.test', 'forged@acme.test', 'stale@acme.test', 'x@acme.test'] } } })).toBe(0);
        expect(await p.organisation.count({ where: { name: 'Olga Inc' } })).toBe(0);
        const sales = await p.organisation.findUniqueOrThrow({ where: { id: s.orgs.sales.id } });
        expect(sales.city).toBe('Utrecht');
        expect(await p.membership.count({ where: { organisationId: s.orgs.purchasing.id, userId: s.users.basic.id } })).toBe(0);
        const env = await p.environment.findUniqueOrThrow({ where: { id: s.environmentId } });
        expect(env.notificationChannelId).toBe('C0NOTIFY');
        const dora = await p.user.findUniqueOrThrow({ where: { email: 'dora@acme.test' }, include: { invitations: true } });
        expect(dora.invitations[0]!.organisations).toEqual([{ organisationId: s.orgs.sales.id, role: 'MEMBER' }]);
      } finally {
        await d.close();
      }
    });
  });
});
