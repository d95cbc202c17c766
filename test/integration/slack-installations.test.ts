// Workspaces bound to environments: the InstallationStore over the database, tokens encrypted at rest,
// the binding rules (one workspace <-> one environment), the OAuth state (once, 10 minutes), unbinding.
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_INSTALL_STATE_TTL_MS, startSlackInstall, unbindSlackWorkspace, useSlackInstallState, type RightsDeps } from '../../src/rights/index.ts';
import { hashToken } from '../../src/rights/secrets.ts';
import { EnterpriseInstallRefused, PrismaInstallationStore } from '../../src/slack/installation-store.ts';
import { TokenCipher } from '../../src/slack/token-cipher.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newActiveUser, newEnvironment } from '../support/factories.ts';
import { expectRefusedUnchanged } from './rights-support.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
let store: PrismaInstallationStore;
beforeAll(async () => {
  t = await openTestDatabase();
  deps = t.deps;
  store = new PrismaInstallationStore(deps, new TokenCipher(randomBytes(32)));
});
afterAll(async () => { await t?.close(); });

const teamId = () => `T${randomBytes(4).toString('hex').toUpperCase()}`;

function installation(team: string, userId: string, environmentId: string, token = `xoxb-${team}-${randomBytes(6).toString('hex')}`): Installation<'v2', false> {
  return {
    team: { id: team, name: `Team ${team}` },
    enterprise: undefined,
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    bot: { token, userId: 'UBOT', id: 'BBOT', scopes: ['commands', 'chat:write'], refreshToken: `xoxe-1-${team}`, expiresAt: Math.floor(Date.now() / 1000) + 43_200 },
    appId: 'A1',
    isEnterpriseInstall: false,
    authVersion: 'v2',
    metadata: JSON.stringify({ userId, environmentId }),
  };
}

async function session(userId: string) {
  return deps.prisma.session.create({ data: { userId, tokenHash: hashToken(randomBytes(32).toString('base64url')), expiresAt: new Date(Date.now() + 3600_000) } });
}

describe('the installation store', () => {
  it('binds a workspace to the administrator\'s environment with its tokens encrypted, and gives them back', async () => {
    const { admin, environment } = await newEnvironment(deps);
    const team = teamId();
    const inst = installation(team, admin.userId, environment.id);
    await store.storeInstallation(inst);
    const row = await deps.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: team } });
    expect(row.environmentId).toBe(environment.id);
    expect(row.botToken).not.toContain(inst.bot!.token);
    expect(row.refreshToken).not.toContain('xoxe');
    expect((await deps.prisma.environment.findUniqueOrThrow({ where: { id: environment.id } })).slackTeamId).toBe(team);
    const fetched = await store.fetchInstallation({ teamId: team, enterpriseId: undefined, isEnterpriseInstall: false });
    expect(fetched.bot).toMatchObject({ token: inst.bot!.token, refreshToken: `xoxe-1-${team}`, userId: 'UBOT', scopes: ['commands', 'chat:write'] });
    expect((await store.fetchByEnvironment(environment.id))?.teamId).toBe(team);
    await expect(store.fetchInstallation({ teamId: teamId(), enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no installation/);
    // a reinstall keeps the binding and replaces the tokens
    await store.storeInstallation(installation(team, admin.userId, environment.id, 'xoxb-new'));
    expect((await store.fetchByTeam(team))?.installation.bot?.token).toBe('xoxb-new');
    const events = await deps.prisma.auditEvent.findMany({ where: { environmentId: environment.id, action: { startsWith: 'environment.slack' } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['environment.slack_connected', 'environment.slack_reinstalled']);
  });

  it('refuses a workspace bound elsewhere, a second workspace, a non-administrator and an organisation-wide install, changing nothing', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    const team = teamId();
    await store.storeInstallation(installation(team, a.admin.userId, a.environment.id));
    await expectRefusedUnchanged(deps, 'conflict', () => store.storeInstallation(installation(team, b.admin.userId, b.environment.id)));
    await expectRefusedUnchanged(deps, 'conflict', () => store.storeInstallation(installation(teamId(), a.admin.userId, a.environment.id)));
    const bob = await newActiveUser(deps, b.admin, `bob@${b.domain}`);
    await expectRefusedUnchanged(deps, 'forbidden', () => store.storeInstallation(installation(teamId(), bob.userId, b.environment.id)));
    const org = { ...installation(teamId(), b.admin.userId, b.environment.id), team: undefined, isEnterpriseInstall: true, enterprise: { id: 'E1' } } as unknown as Installation<'v2', true>;
    await expect(store.storeInstallation(org)).rejects.toBeInstanceOf(EnterpriseInstallRefused);
    expect(await deps.prisma.slackInstallation.count({ where: { environmentId: b.environment.id } })).toBe(0);
  });

  it('of two administrators of different environments installing the same workspace at once, one wins', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    const team = teamId();
    const results = await Promise.allSettled([
      store.storeInstallation(installation(team, a.admin.userId, a.environment.id)),
      store.storeInstallation(installation(team, b.admin.userId, b.environment.id)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('conflict');
    const bound = await deps.prisma.environment.findMany({ where: { slackTeamId: team } });
    expect(bound).toHaveLength(1);
    expect((await deps.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: team } })).environmentId).toBe(bound[0]!.id);
  });

  it('unbinding deletes the tokens and frees the workspace; an administrator may unbind only their own', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    const team = teamId();
    await store.storeInstallation(installation(team, a.admin.userId, a.environment.id));
    await expectRefusedUnchanged(deps, 'forbidden', () => unbindSlackWorkspace(deps, { teamId: team, reason: 'disconnected', actor: b.admin }));
    expect(await unbindSlackWorkspace(deps, { teamId: team, reason: 'app_uninstalled' })).toEqual({ environmentId: a.environment.id });
    expect(await deps.prisma.slackInstallation.count({ where: { teamId: team } })).toBe(0);
    expect((await deps.prisma.environment.findUniqueOrThrow({ where: { id: a.environment.id } })).slackTeamId).toBeNull();
    expect(await unbindSlackWorkspace(deps, { teamId: team, reason: 'app_uninstalled' })).toBeNull();
    await store.storeInstallation(installation(team, b.admin.userId, b.environment.id));
    expect((await store.fetchByTeam(team))?.environmentId).toBe(b.environment.id);
  });
});

describe('the "Add to Slack" state', () => {
  it('is given only to an administrator, works once, and not after 10 minutes', async () => {
    const { admin, environment, domain } = await newEnvironment(deps);
    const s = await session(admin.userId);
    const { state } = await startSlackInstall(deps, admin, { sessionId: s.id });
    expect(await deps.prisma.slackInstallState.count({ where: { stateHash: state } })).toBe(0);
    expect(await useSlackInstallState(deps, state)).toEqual({ sessionId: s.id, environmentId: environment.id, userId: admin.userId });
    await expectRefusedUnchanged(deps, 'forbidden', () => useSlackInstallState(deps, state));
    await expectRefusedUnchanged(deps, 'forbidden', () => useSlackInstallState(deps, 'forged'));
    const late = await startSlackInstall(deps, admin, { sessionId: s.id });
    const later = { ...deps, now: () => new Date(Date.now() + SLACK_INSTALL_STATE_TTL_MS + 1000) };
    await expectRefusedUnchanged(deps, 'forbidden', () => useSlackInstallState(later, late.state));
    const bob = await newActiveUser(deps, admin, `bob@${domain}`);
    const bobSession = await session(bob.userId);
    await expectRefusedUnchanged(deps, 'forbidden', () => startSlackInstall(deps, bob.actor, { sessionId: bobSession.id }));
  });
});
