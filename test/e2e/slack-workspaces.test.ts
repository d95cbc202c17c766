// Distribution mode, the app as a process against a fake Slack with several workspaces: an
// administrator connects the environment's workspace with "Add to Slack" in real Chromium; every
// refusal (a non-administrator, a forged, reused or other browser's state, a workspace bound
// elsewhere, a second workspace, an unbound workspace, a caller from another environment) changes
// nothing of ours; two environments work side by side in two workspaces, each with its own token.
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { createEnvironment, createSession, defaultOptions, type RightsDeps } from '../../src/rights/index.ts';
import { freePort, startApp, type AppProcess } from '../support/app-process.ts';
import { launchBrowser, type Browser } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { FakeSlack, messageText } from '../support/fake-slack.ts';
import { newActiveUser } from '../support/factories.ts';
import { SlackRequests } from '../support/slack-requests.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { waitFor } from '../support/wait-for.ts';
import { loadTokenCipher } from '../../src/slack/token-cipher.ts';
import { snapshot as fullSnapshot } from '../integration/rights-support.ts';

const SIGNING_SECRET = '5e1f2e3d4b5a69788796a5b4c3d2e1f0';
const PASSWORD = 'amber lighthouse sings eleven tunes';
let fake: FakeSlack;
let smtp: TestSmtpServer;
let pg: TestDatabase;
let app: AppProcess;
let db: Database;
let deps: RightsDeps;
let browser: Browser;
let base: string;
let rq: SlackRequests;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  smtp = await startSmtpServer();
  pg = await createTestDatabase('postgres', 'e2e_workspaces');
  const port = await freePort();
  base = `http://localhost:${port}`;
  app = await startApp({
    env: {
      SLACK_CLIENT_ID: fake.clientId, SLACK_CLIENT_SECRET: fake.clientSecret, SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.url, DATABASE_URL: pg.url, SMTP_URL: smtp.url, PUBLIC_URL: base,
    },
    cwd: pg.cwd,
    port,
  });
  db = await pg.open(3);
  deps = { prisma: db.prisma, options: { ...defaultOptions, publicUrl: base } };
  rq = new SlackRequests(app.eventsUrl, SIGNING_SECRET, fake);
}, 120_000);
afterEach(() => fake.assertClean());
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await app?.stop();
  await db?.close();
  await smtp?.stop();
  await fake?.stop();
  await pg?.drop();
}, 60_000);

/** An environment with an administrator (Ada) and a basic user (Bob), and their Slack accounts in `teamId`. */
async function company(teamId: string) {
  const tag = randomBytes(3).toString('hex');
  const domain = `ws-${tag}.test`;
  const env = await createEnvironment(deps, { email: `ada@${domain}`, name: 'Ada Admin', environmentName: `Company ${tag}`, password: PASSWORD });
  const bob = await newActiveUser(deps, { userId: env.user.id }, `bob@${domain}`);
  if (!fake.workspaces.has(teamId)) fake.addWorkspace(teamId, { name: `Slack of ${tag}` });
  const ada = { slack: `UADA${tag.toUpperCase()}`, email: `ada@${domain}`, userId: env.user.id };
  fake.addUser({ id: ada.slack, email: ada.email, teamId });
  fake.addUser({ id: `UBOB${tag.toUpperCase()}`, email: bob.email, teamId });
  return { environmentId: env.environment.id, domain, ada, bob: { ...bob, slack: `UBOB${tag.toUpperCase()}` }, teamId };
}

/**
 * Everything of ours; of the outbox, which messages exist (the worker delivers meanwhile). A command's
 * own record (SLACK_WORK, written before its ack so a crash loses nothing) is the request, not a change.
 */
async function snapshot(d: RightsDeps) {
  const all = await fullSnapshot(d);
  const outbox = all.outbox.filter((m: { kind: string }) => m.kind !== 'SLACK_WORK');
  return { ...all, outbox: outbox.map((m: { id: string; dedupeKey: string }) => [m.id, m.dedupeKey]) };
}

const teamId = () => `T${randomBytes(4).toString('hex').toUpperCase()}`;

/** A browser-like HTTP client: its own cookies, redirects followed by hand. */
async function client(userId: string) {
  const { token } = await createSession(deps, userId, 'test');
  const cookies = new Map<string, string>([['ec_session', token]]);
  const get = async (url: string) => {
    const res = await fetch(url.startsWith('http') ? url : `${base}${url}`, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      if (/max-age=0/i.test(c)) cookies.delete(pair!.slice(0, eq));
      else cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  return { cookies, get };
}

/** Add to Slack over HTTP: our install route, Slack's authorize page (signed in to `team`), back to us. */
async function install(c: Awaited<ReturnType<typeof client>>, team: string) {
  const start = await c.get('/slack/install');
  expect(start.status).toBe(303);
  fake.authorizeAs = team;
  const slack = await c.get(start.location!);
  expect(slack.status).toBe(302);
  return { redirect: slack.location!, page: await c.get(slack.location!) };
}

const bound = async (environmentId: string) => (await db.prisma.environment.findUniqueOrThrow({ where: { id: environmentId } })).slackTeamId;

describe('Add to Slack', () => {
  it('an administrator logs in, chooses "Add to Slack", allows it in Slack and comes back bound (Chromium)', async () => {
    const team = teamId();
    const acme = await company(team);
    fake.authorizeAs = team;
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/login?lang=en`);
    await page.getByLabel('Email address').fill(acme.ada.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/account/), page.getByRole('button', { name: 'Log in' }).click()]);
    await Promise.all([page.waitForURL(/\/slack\/oauth_redirect/), page.getByRole('link', { name: 'Add to Slack' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Slack is connected');
    expect(await page.getByRole('status').textContent()).toContain(team);
    expect(await page.textContent('main')).toContain('/econnect notify-here');
    expect(await bound(acme.environmentId)).toBe(team);
    const row = await db.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: team } });
    const token = [...fake.workspaces.get(team)!.tokens][0]!;
    expect(row.botToken).not.toContain(token.slice(5));
    // the key is a file readable only by the app, in its data folder
    expect((await stat(path.join(pg.cwd, 'data/token-encryption.key'))).mode & 0o777).toBe(0o600);
    expect(app.output()).not.toContain(token);
    // the account page now offers to disconnect
    await page.goto(`${base}/account?lang=en`);
    expect(await page.getByRole('button', { name: 'Disconnect Slack' }).count()).toBe(1);
    await context.close();
    // and a command from that workspace works with that workspace's token
    const res = await rq.slash({ userId: acme.ada.slack, teamId: team }, 'users');
    expect(res.status).toBe(200);
    const [call] = await fake.waitFor('users.info', (a) => a.user === acme.ada.slack);
    expect(call!.teamId).toBe(team);
    expect(JSON.stringify(await fake.waitForResponse(res.responseUrl))).toContain(acme.bob.email);
  });

  it('refuses a non-administrator, a forged or reused state, and a state from another browser, changing nothing', async () => {
    const team = teamId();
    const acme = await company(team);
    const bob = await client(acme.bob.userId);
    const ada = await client(acme.ada.userId);
    fake.reset();
    const before = await snapshot(deps);
    const refused = await bob.get('/slack/install');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('administrator');
    expect(await snapshot(deps)).toEqual(before);

    const start = await ada.get('/slack/install');
    fake.authorizeAs = team;
    const back = (await ada.get(start.location!)).location!;
    const forged = new URL(back);
    forged.searchParams.set('state', 'x'.repeat(43));
    const beforeForged = await snapshot(deps);
    ada.cookies.set('econnect_slack_state', 'x'.repeat(43));
    expect((await ada.get(forged.toString())).status).toBe(403);
    expect(await snapshot(deps)).toEqual(beforeForged);
    // another browser (Bob's session, no state cookie) cannot use Ada's state
    const other = await bob.get(back);
    expect(other.status).toBe(403);
    expect(other.text).toContain('not for this browser');
    expect(await bound(acme.environmentId)).toBeNull();
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(0);

    // Ada's own state works once
    const first = await install(ada, team);
    expect(first.page.status).toBe(200);
    const afterFirst = await snapshot(deps);
    ada.cookies.set('econnect_slack_state', new URL(first.redirect).searchParams.get('state')!);
    const reused = await ada.get(first.redirect);
    expect(reused.status).toBe(403);
    expect(reused.text).toContain('not valid any more');
    expect(await snapshot(deps)).toEqual(afterFirst);
  });

  it('a workspace bound elsewhere stays as it is; a second workspace for a bound environment is uninstalled again', async () => {
    const team = teamId();
    const acme = await company(team);
    const globex = await company(team);
    expect((await install(await client(acme.ada.userId), team)).page.status).toBe(200);
    const acmeToken = (await db.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: team } })).botToken;
    const globexAda = await client(globex.ada.userId);
    const before = await snapshot(deps);
    const elsewhere = await install(globexAda, team);
    expect(elsewhere.page.status).toBe(409);
    expect(elsewhere.page.text).toContain('already connected to another eConnect environment');
    const after = await snapshot(deps);
    expect(after.slackInstallStates.length).toBe(before.slackInstallStates.length + 1);
    expect({ ...after, slackInstallStates: [] }).toEqual({ ...before, slackInstallStates: [] });
    expect((await db.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: team } })).botToken).toBe(acmeToken);
    expect(fake.callsTo('apps.uninstall')).toHaveLength(0);

    const second = teamId();
    fake.addWorkspace(second);
    const again = await install(await client(acme.ada.userId), second);
    expect(again.page.status).toBe(409);
    expect(again.page.text).toContain('already connected to another Slack workspace');
    await fake.waitFor('apps.uninstall');
    expect(fake.workspaces.get(second)!.installed).toBe(false);
    expect(await bound(acme.environmentId)).toBe(team);
    expect(await db.prisma.slackInstallation.count({ where: { teamId: second } })).toBe(0);
  });

  it('two administrators of different environments completing "Add to Slack" for the same workspace at once: one binding wins, the winner\'s token stays', async () => {
    const team = teamId();
    const acme = await company(team);
    const globex = await company(team);
    const [acmeAda, globexAda] = [await client(acme.ada.userId), await client(globex.ada.userId)];
    // both have allowed the app in Slack; both come back to us at the same moment
    fake.authorizeAs = team;
    const back: string[] = [];
    for (const c of [acmeAda, globexAda]) back.push((await c.get((await c.get('/slack/install')).location!)).location!);
    fake.reset();
    const pages = await Promise.all([acmeAda.get(back[0]!), globexAda.get(back[1]!)]);
    expect(pages.map((p) => p.status).sort()).toEqual([200, 409]);
    const [winner, loser] = pages[0]!.status === 200 ? [acme, globex] : [globex, acme];
    const lost = pages.find((p) => p.status === 409)!;
    expect(lost.text).toContain('already connected to another eConnect environment');
    expect(await bound(winner.environmentId)).toBe(team);
    expect(await bound(loser.environmentId)).toBeNull();
    const row = await db.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: team } });
    expect(row.environmentId).toBe(winner.environmentId);
    expect(row.installedById).toBe(winner.ada.userId);
    // the stored token is the one Slack gave the winner's exchange (its code came back in the winner's redirect)
    const winnerCode = new URL(back[winner === acme ? 0 : 1]!).searchParams.get('code');
    // both codes were exchanged at Slack: both reached the binding, and only one was bound
    expect(fake.callsTo('oauth.v2.access').filter((c) => (c.result as { ok?: boolean }).ok)).toHaveLength(2);
    const exchange = fake.callsTo('oauth.v2.access').find((c) => c.args.code === winnerCode)!;
    const cipher = await loadTokenCipher(undefined, path.join(pg.cwd, 'data'));
    expect(cipher.open(row.botToken)).toBe((exchange.result as { access_token: string }).access_token);
    // the workspace stays installed for the winner: nothing was uninstalled
    expect(fake.callsTo('apps.uninstall')).toHaveLength(0);
    const res = await rq.slash({ userId: winner.ada.slack, teamId: team }, 'users');
    expect(JSON.stringify(await fake.waitForResponse(res.responseUrl))).toContain(winner.bob.email);
  });

  it('an organisation-wide Enterprise Grid install is refused with a clear page and taken off again', async () => {
    const team = teamId();
    const acme = await company(team);
    const grid = teamId();
    fake.addWorkspace(grid, { enterpriseId: 'E0GRID' });
    const ada = await client(acme.ada.userId);
    const before = await snapshot(deps);
    const res = await install(ada, grid);
    expect(res.page.status).toBe(400);
    expect(res.page.text).toContain('Enterprise Grid');
    await fake.waitFor('apps.uninstall');
    const after = await snapshot(deps);
    expect({ ...after, slackInstallStates: [] }).toEqual({ ...before, slackInstallStates: [] });
  });
});

describe('acting only in the workspace\'s environment', () => {
  it('two environments in two workspaces work side by side, each with its own token; nobody acts across', async () => {
    const [t1, t2] = [teamId(), teamId()];
    const acme = await company(t1);
    const globex = await company(t2);
    await install(await client(acme.ada.userId), t1);
    await install(await client(globex.ada.userId), t2);
    fake.reset();
    const a = await rq.slash({ userId: acme.ada.slack, teamId: t1 }, 'users');
    const g = await rq.slash({ userId: globex.ada.slack, teamId: t2 }, 'users');
    const [ra, rg] = [JSON.stringify(await fake.waitForResponse(a.responseUrl)), JSON.stringify(await fake.waitForResponse(g.responseUrl))];
    expect(ra).toContain(acme.bob.email);
    expect(ra).not.toContain(globex.bob.email);
    expect(rg).toContain(globex.bob.email);
    expect(fake.callsTo('users.info').map((c) => [c.args.user, c.teamId]).sort()).toEqual([[acme.ada.slack, t1], [globex.ada.slack, t2]].sort());

    // Globex's administrator, with a Slack account in Acme's workspace, cannot act there
    const crossId = `UCROSS${randomBytes(2).toString('hex').toUpperCase()}`;
    fake.addUser({ id: crossId, email: globex.ada.email, teamId: t1 });
    const before = await snapshot(deps);
    const cross = await rq.slash({ userId: crossId, teamId: t1 }, 'invite someone@example.org');
    expect(JSON.stringify(await fake.waitForResponse(cross.responseUrl))).toContain('belongs to another environment');
    expect(await snapshot(deps)).toEqual(before);
  });

  it("one workspace rate limited by Slack does not hold up another's notifications; its own go out after the Retry-After", async () => {
    const [t1, t2] = [teamId(), teamId()];
    const acme = await company(t1);
    const globex = await company(t2);
    await install(await client(acme.ada.userId), t1);
    await install(await client(globex.ada.userId), t2);
    // each administrator's Slack account becomes known, so notifications reach them by direct message
    for (const [c, t] of [[acme, t1], [globex, t2]] as const) await fake.waitForResponse((await rq.slash({ userId: c.ada.slack, teamId: t }, 'users')).responseUrl);
    fake.reset();
    // Slack tells Acme's workspace to wait 3 s before posting again
    const limitedAt = Date.now();
    fake.rateLimit(t1, 'chat.postMessage', 3);
    for (const name of ['carl', 'cleo']) await newActiveUser(deps, { userId: acme.ada.userId }, `${name}@${acme.domain}`);
    await newActiveUser(deps, { userId: globex.ada.userId }, `carl@${globex.domain}`);
    const delivered = (call: { result?: unknown }) => (call.result as { ok?: boolean } | undefined)?.ok === true;
    const sentTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && delivered(c));
    const [globexCall] = await waitFor(() => (sentTo(globex.ada.slack).length > 0 ? sentTo(globex.ada.slack) : null), { what: "Globex's notification delivered" });
    expect(globexCall!.teamId).toBe(t2);
    // Globex's went out while Acme's workspace was still told to wait
    expect(globexCall!.at).toBeLessThan(limitedAt + 3000);
    const acmeSent = await waitFor(() => (sentTo(acme.ada.slack).length >= 2 ? sentTo(acme.ada.slack) : null), { what: "Acme's notifications delivered after the Retry-After", timeout: 20_000 });
    const refused = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === acme.ada.slack && (c.result as { status?: number }).status === 429);
    // Slack was asked at most once per message while it said wait; nothing went out before it allowed
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(2);
    for (const c of acmeSent) {
      expect(c.at).toBeGreaterThanOrEqual(limitedAt + 3000);
      expect(c.teamId).toBe(t1);
    }
    const texts = acmeSent.map((c) => messageText(c.args)).join('\n');
    expect(texts).toContain(`carl@${acme.domain}`);
    expect(texts).toContain(`cleo@${acme.domain}`);
  });

  it('a command from a workspace nobody connected is answered with how to connect, and nothing changes', async () => {
    const stranger = teamId();
    fake.addWorkspace(stranger);
    fake.addUser({ id: 'USTRANGER', email: 'someone@nowhere.test', teamId: stranger });
    const before = await snapshot(deps);
    fake.reset();
    const res = await rq.slash({ userId: 'USTRANGER', teamId: stranger }, 'invite x@y.test');
    expect(res.status).toBe(200);
    expect(res.json.text).toContain('not connected to an eConnect environment');
    expect(res.json.text).toContain('Add to Slack');
    expect(await snapshot(deps)).toEqual(before);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('when the app leaves a workspace', () => {
  it('app_uninstalled unbinds and deletes the tokens, emails the administrators; notifications wait, and go out after a new install', async () => {
    const team = teamId();
    const acme = await company(team);
    const ada = await client(acme.ada.userId);
    await install(ada, team);
    // Ada's Slack account becomes known, so notifications reach her by direct message
    const first = await rq.slash({ userId: acme.ada.slack, teamId: team }, 'users');
    await fake.waitForResponse(first.responseUrl);
    expect((await rq.event({ type: 'app_uninstalled' }, { teamId: team })).status).toBe(200);
    await waitFor(async () => (await bound(acme.environmentId)) === null, { what: 'the workspace unbound' });
    expect(await db.prisma.slackInstallation.count({ where: { teamId: team } })).toBe(0);
    // (Ada may also get emails about people who activated while nobody's Slack account was known)
    const mail = (await smtp.waitFor((m) => m.to.includes(acme.ada.email.toLowerCase()) && /^Slack is disconnected from /.test(m.subject)))[0]!;
    expect(mail.text).toContain('Add to Slack');

    // a notification caused now waits, without using up its attempts
    await newActiveUser(deps, { userId: acme.ada.userId }, `carl@${acme.domain}`);
    const waiting = await waitFor(
      () => db.prisma.outboxMessage.findFirst({ where: { environmentId: acme.environmentId, kind: 'SLACK', lastError: { contains: 'no Slack workspace connected' } } }),
      { what: 'the notification waiting for a workspace' },
    );
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0 });

    // a command from the workspace now is told how to connect, and changes nothing
    const before = await snapshot(deps);
    const after = await rq.slash({ userId: acme.ada.slack, teamId: team }, 'invite zed@example.org');
    expect(after.json.text).toContain('not connected to an eConnect environment');
    expect({ ...(await snapshot(deps)), outbox: [] }).toEqual({ ...before, outbox: [] });

    // connected again: the waiting notification goes out with the new token
    fake.reset();
    expect((await install(ada, team)).page.status).toBe(200);
    const [sent] = await fake.waitFor('chat.postMessage', (a) => a.channel === acme.ada.slack, 1, 20_000);
    expect(sent!.teamId).toBe(team);
    await waitFor(async () => (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).status === 'SENT', { what: 'the notification sent' });
  });

  it('tokens_revoked for user tokens only changes nothing; for the bot token it unbinds; /econnect disconnect uninstalls', async () => {
    const [t1, t2] = [teamId(), teamId()];
    const acme = await company(t1);
    const globex = await company(t2);
    await install(await client(acme.ada.userId), t1);
    await install(await client(globex.ada.userId), t2);
    const before = await snapshot(deps);
    await rq.event({ type: 'tokens_revoked', tokens: { oauth: ['UX'] } }, { teamId: t1 });
    expect(await snapshot(deps)).toEqual(before);
    await rq.event({ type: 'tokens_revoked', tokens: { bot: [`UBOT${t1}`] } }, { teamId: t1 });
    await waitFor(async () => (await bound(acme.environmentId)) === null, { what: 'the revoked workspace unbound' });

    // Globex: Bob (not an administrator) may not disconnect; Ada may. (Bob's first command links his Slack account.)
    await fake.waitForResponse((await rq.slash({ userId: globex.bob.slack, teamId: t2 }, 'orgs')).responseUrl);
    const beforeBob = await snapshot(deps);
    const bob = await rq.slash({ userId: globex.bob.slack, teamId: t2 }, 'disconnect');
    expect(JSON.stringify(await fake.waitForResponse(bob.responseUrl))).toContain('Only an administrator');
    expect(await snapshot(deps)).toEqual(beforeBob);
    fake.reset();
    const ada = await rq.slash({ userId: globex.ada.slack, teamId: t2 }, 'disconnect');
    expect(JSON.stringify(await fake.waitForResponse(ada.responseUrl))).toContain('disconnected from this workspace');
    expect(fake.callsTo('apps.uninstall')).toHaveLength(1);
    expect(fake.workspaces.get(t2)!.installed).toBe(false);
    expect(await bound(globex.environmentId)).toBeNull();
    expect(await db.prisma.slackInstallation.count({ where: { teamId: t2 } })).toBe(0);
  });
});
