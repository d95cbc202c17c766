// Decisions kept in memory are never kept past a change made elsewhere: two app processes on one
// PostgreSQL, the rights API asked through one of them while a membership is removed through the
// other (a signed Slack command), and the first refuses from then on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, defaultOptions } from '../../src/rights/index.ts';
import { startApp, type AppProcess } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { SlackDriver } from '../support/slack-driver.ts';
import { SlackRequests } from '../support/slack-requests.ts';
import { seedWorkspace, type Workspace } from '../support/slack-workspace.ts';
import { waitFor } from '../support/wait-for.ts';

const SECRET = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f';

describe('the decision cache across processes on one PostgreSQL', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let ws: Workspace;
  let token: string;
  let changer: AppProcess;
  let asker: AppProcess;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    db = await createTestDatabase('postgres', 'cache');
    const d = await db.open();
    try {
      const deps = { prisma: d.prisma, options: defaultOptions };
      ws = await seedWorkspace(deps, fake);
      token = (await createApiToken(deps, { userId: ws.users.admin.id }, { name: 'document platform' })).token;
    } finally {
      await d.close();
    }
    const env = { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, ...db.env };
    [changer, asker] = await Promise.all([startApp({ env, cwd: db.cwd }), startApp({ env, cwd: db.cwd })]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([changer?.stop(), asker?.stop()]);
    await fake?.stop();
    await db?.drop();
  }, 30_000);

  const ask = async (userId: string, organisationId: string) => {
    const res = await fetch(`${asker.baseUrl}/api/v1/authorize?user=${userId}&action=document:send&organisation=${organisationId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as { allow: boolean; reason: string };
  };

  it('a membership removed through one process is refused by the other, which had it cached', async () => {
    const { users, orgs } = ws;
    // asked twice: the second answer comes from the asker's memory
    expect(await ask(users.basic.id, orgs.sales.id)).toMatchObject({ allow: true });
    expect(await ask(users.basic.id, orgs.sales.id)).toMatchObject({ allow: true });

    const driver = new SlackDriver(new SlackRequests(changer.eventsUrl, SECRET, fake), fake, ws.channel);
    await driver.confirmed(ws.as('admin'), `remove-member ${users.basic.email} "${orgs.sales.name}"`, /removed .* from \*Acme Sales\*/);

    const refused = await waitFor(async () => {
      const answer = await ask(users.basic.id, orgs.sales.id);
      return answer.allow ? undefined : answer;
    }, { what: 'the asking process to refuse the removed member' });
    expect(refused.reason).toMatch(/only members/);
    // and it stays refused
    expect(await ask(users.basic.id, orgs.sales.id)).toMatchObject({ allow: false });
    fake.assertClean();
  });
});
