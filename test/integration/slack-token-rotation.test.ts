// Token rotation: a bot token about to expire is refreshed by one path with a lock, which Bolt's
// authorize (fetchByTeam) and the outbox (fetchByEnvironment) share; several processes asking at
// once refresh it once, and all get the new token.
import { randomBytes } from 'node:crypto';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RightsDeps } from '../../src/rights/index.ts';
import { PrismaInstallationStore } from '../../src/slack/installation-store.ts';
import { tokenRefresher } from '../../src/slack/oauth.ts';
import { TokenCipher } from '../../src/slack/token-cipher.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { newEnvironment } from '../support/factories.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
let fake: FakeSlack;
beforeAll(async () => {
  t = await openTestDatabase();
  deps = t.deps;
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake?.stop();
  await t?.close();
});

/** An install at the fake Slack with rotation on: Slack's authorize page, then oauth.v2.access. */
async function installWithRotation(teamId: string) {
  fake.addWorkspace(teamId);
  fake.rotationExpiresIn = 600;
  fake.authorizeAs = teamId;
  const redirect = 'http://localhost/slack/oauth_redirect';
  const res = await fetch(`${fake.baseUrl}/oauth/v2/authorize?client_id=${fake.clientId}&scope=commands&state=s&redirect_uri=${encodeURIComponent(redirect)}`, { redirect: 'manual' });
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const access = await new webApi.WebClient(undefined, { slackApiUrl: fake.url }).oauth.v2.access({ code, client_id: fake.clientId, client_secret: fake.clientSecret, redirect_uri: redirect });
  return { token: access.access_token!, refreshToken: access.refresh_token!, expiresIn: access.expires_in! };
}

describe('token rotation', () => {
  it('refreshes a token that expires within 5 minutes once, under a lock, for every process that asks at once', async () => {
    const { admin, environment } = await newEnvironment(deps);
    const teamId = `T${randomBytes(4).toString('hex').toUpperCase()}`;
    const first = await installWithRotation(teamId);
    const cipher = new TokenCipher(randomBytes(32));
    const refresher = tokenRefresher(fake.clientId, fake.clientSecret, fake.url);
    // two processes: two stores, no shared memory
    const [a, b] = [new PrismaInstallationStore(deps, cipher, 5_000, refresher), new PrismaInstallationStore(deps, cipher, 5_000, refresher)];
    await a.storeInstallation({
      team: { id: teamId, name: 'Rotating' }, enterprise: undefined, user: { id: 'U0', token: undefined, scopes: undefined },
      bot: { token: first.token, userId: 'UBOT', id: 'BBOT', scopes: ['commands'], // about to expire (Slack's real tokens live 12 hours)
      refreshToken: first.refreshToken, expiresAt: Math.floor(Date.now() / 1000) + 60 },
      isEnterpriseInstall: false, authVersion: 'v2', metadata: JSON.stringify({ userId: admin.userId }),
    });
    fake.reset();
    const got = await Promise.all([a.fetchByTeam(teamId), b.fetchByTeam(teamId), a.fetchByEnvironment(environment.id), b.fetchByEnvironment(environment.id)]);
    const tokens = new Set(got.map((g) => g!.installation.bot!.token));
    expect(tokens.size).toBe(1);
    const renewed = [...tokens][0]!;
    expect(renewed).not.toBe(first.token);
    expect(fake.teamOfToken(renewed)).toBe(teamId);
    expect(fake.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token')).toHaveLength(1);
    const row = await deps.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId } });
    expect(row.botToken).not.toContain(renewed.slice(5));
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + first.expiresIn * 1000 - 60_000);
    fake.assertClean();
  });
});
