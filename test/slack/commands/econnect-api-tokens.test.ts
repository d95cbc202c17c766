// api-token create | list | revoke: a token is shown once, to its maker only; the channel learns that
// it exists; the database keeps only its hash.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiToken } from '../../../src/rights/index.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

describe('api-token', () => {
  it('create shows the token once to its maker, tells the channel its name only, and stores only its hash', async () => {
    const ws = await app.workspace();
    const answer = await ws.driver.ephemeral(ws.as('admin'), 'api-token create document platform');
    const token = /`(ecr_[A-Za-z0-9_-]+)`/.exec(answer)?.[1];
    expect(token).toBeDefined();
    expect(answer).toContain('Revoke it with `/econnect api-token revoke document platform`');
    const confirmation = await ws.driver.posted(new RegExp(`<@${ws.users.admin.slack}> created the rights API token \\*document platform\\*`));
    expect(JSON.stringify(confirmation.args)).not.toContain(token!);
    const [row] = await app.deps.prisma.apiToken.findMany({ where: { environmentId: ws.environmentId } });
    expect(row).toMatchObject({ name: 'document platform', revokedAt: null, createdById: ws.users.admin.id });
    expect(JSON.stringify(row)).not.toContain(token!);
    expect(await authenticateApiToken(app.deps, token)).toEqual({ environmentId: ws.environmentId, tokenId: row!.id });
    expect(app.log.join('\n')).not.toContain(token!);
  });

  it('list names the live tokens; revoke ends one, and the channel is told', async () => {
    const ws = await app.workspace();
    expect(await ws.driver.ephemeral(ws.as('admin'), 'api-token list')).toMatch(/No rights API tokens yet\. Create one with `\/econnect api-token create &lt;name&gt;`/);
    const token = /`(ecr_[A-Za-z0-9_-]+)`/.exec(await ws.driver.ephemeral(ws.as('admin'), 'api-token create billing'))![1]!;
    expect(await ws.driver.ephemeral(ws.as('admin'), 'api-token list')).toMatch(/Rights API tokens:\n• \*billing\* \(created \d{4}-\d\d-\d\d\)/);
    await ws.driver.confirmed(ws.as('admin'), 'api-token revoke billing', /revoked the rights API token \*billing\*/);
    expect(await authenticateApiToken(app.deps, token)).toBeNull();
    expect(await app.deps.prisma.apiToken.findFirstOrThrow({ where: { environmentId: ws.environmentId } })).toMatchObject({ revokedAt: expect.any(Date) });
    expect(await ws.driver.ephemeral(ws.as('admin'), 'api-token revoke billing')).toMatch(/No API token of that name in your environment/);
  });

  it('a second token of a live token\'s name is refused with a clear error; revoke by name ends exactly that one', async () => {
    const ws = await app.workspace();
    const first = /`(ecr_[A-Za-z0-9_-]+)`/.exec(await ws.driver.ephemeral(ws.as('admin'), 'api-token create billing'))![1]!;
    const other = /`(ecr_[A-Za-z0-9_-]+)`/.exec(await ws.driver.ephemeral(ws.as('admin'), 'api-token create b_lling'))![1]!;
    const refused = await ws.driver.ephemeral(ws.as('admin'), 'api-token create Billing');
    expect(refused).toMatch(/A rights API token called "billing" already exists in your environment\. Choose another name, or revoke that one first/);
    expect(refused).not.toMatch(/ecr_/);
    expect(await app.deps.prisma.apiToken.count({ where: { environmentId: ws.environmentId } })).toBe(2);
    expect(ws.driver.postedHere().filter((c) => /created the rights API token/.test(c.args.text))).toHaveLength(2);
    await ws.driver.confirmed(ws.as('admin'), 'api-token revoke BILLING', /revoked the rights API token \*billing\*/);
    expect(await authenticateApiToken(app.deps, first)).toBeNull();
    expect(await authenticateApiToken(app.deps, other)).not.toBeNull();
  });

  it('needs a verb and a name, and is for administrators only', async () => {
    const ws = await app.workspace();
    expect(await ws.driver.ephemeral(ws.as('admin'), 'api-token')).toContain('Usage: `/econnect api-token create &lt;name&gt; | api-token list | api-token revoke &lt;name&gt;`');
    expect(await ws.driver.ephemeral(ws.as('admin'), 'api-token create')).toContain('Usage: `/econnect api-token create &lt;name&gt;`');
    expect(await ws.driver.ephemeral(ws.as('admin'), 'api-token revoke')).toContain('Usage: `/econnect api-token revoke &lt;name&gt;`');
    expect(await ws.driver.ephemeral(ws.as('advanced'), 'api-token create mine')).toMatch(/You may not change the environment settings/);
    expect(await app.deps.prisma.apiToken.count({ where: { environmentId: ws.environmentId } })).toBe(0);
    expect(ws.driver.postedHere()).toEqual([]);
  });
});
