// app_uninstalled and tokens_revoked with one workspace (SLACK_BOT_TOKEN): the workspace an
// Administrator's first command bound is unbound, and the administrators get an email saying so;
// revoked user tokens change nothing. (Many workspaces: test/e2e/slack-workspaces.test.ts.)
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

const teamOf = async (environmentId: string) => (await app.deps.prisma.environment.findUniqueOrThrow({ where: { id: environmentId } })).slackTeamId;

describe('the app leaving a workspace', () => {
  it('tokens_revoked for user tokens changes nothing; app_uninstalled unbinds and emails the administrators', async () => {
    const ws = await app.workspace();
    const teamId = `T${ws.tag}`;
    await ws.driver.ephemeral({ ...ws.as('admin'), teamId }, 'users');
    expect(await teamOf(ws.environmentId)).toBe(teamId);

    expect((await app.rq.event({ type: 'tokens_revoked', tokens: { oauth: ['U1'] } }, { teamId })).status).toBe(200);
    expect((await app.rq.event({ type: 'app_uninstalled' }, { teamId })).status).toBe(200);
    await waitFor(async () => (await teamOf(ws.environmentId)) === null, { what: 'the workspace unbound' });
    const mail = await app.deps.prisma.outboxMessage.findFirstOrThrow({ where: { environmentId: ws.environmentId, payload: { path: ['template'], equals: 'slack-disconnected' } } });
    expect(mail.payload).toMatchObject({ to: ws.users.admin.email, data: { teamId, reason: 'app_uninstalled' } });
    const audit = await app.deps.prisma.auditEvent.findMany({ where: { environmentId: ws.environmentId, action: 'environment.slack_disconnected' } });
    expect(audit).toHaveLength(1);
    // an uninstall Slack repeats (or one for a workspace nobody bound) changes nothing more
    await app.rq.event({ type: 'app_uninstalled' }, { teamId });
    await app.rq.event({ type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }, { teamId: 'TNOBODY' });
    await waitFor(() => app.log.filter((l) => l.includes('workspace was not bound')).length >= 2, { what: 'both events handled' });
    expect(await app.deps.prisma.auditEvent.count({ where: { environmentId: ws.environmentId, action: 'environment.slack_disconnected' } })).toBe(1);
  });
});
