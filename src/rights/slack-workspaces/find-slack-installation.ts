// The installation (sealed tokens) of a workspace, for the Slack surface's InstallationStore.
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';

const select = {
  teamId: true, environmentId: true, teamName: true, enterpriseId: true, appId: true, botUserId: true, botId: true,
  botScopes: true, botToken: true, refreshToken: true, tokenExpiresAt: true, installedById: true,
} as const;

export async function findSlackInstallation(deps: RightsDeps, where: { teamId: string } | { environmentId: string }) {
  return deps.prisma.slackInstallation.findUnique({ where, select });
}

/** The environment a workspace is bound to, or null. */
export async function findWorkspaceEnvironment(deps: RightsDeps, teamId: string) {
  return deps.prisma.environment.findUnique({ where: { slackTeamId: teamId }, select: { id: true } });
}

export interface SealedTokens {
  sealedBotToken: string;
  sealedRefreshToken: string;
  tokenExpiresAt: Date;
}

/**
 * Token rotation: the one refresh path. Locks the installation's row, so of several requests (Bolt's
 * authorize, the outbox, other processes) only the first refreshes; the others wait for the lock and
 * find the new token. `refresh` gets the sealed refresh token and returns the new sealed tokens.
 */
export async function refreshSlackInstallation(deps: RightsDeps, teamId: string, marginMs: number, refresh: (sealedRefreshToken: string) => Promise<SealedTokens>) {
  return deps.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "SlackInstallation" WHERE "teamId" = ${teamId} FOR UPDATE`;
    const row = await tx.slackInstallation.findUnique({ where: { teamId }, select });
    if (!row?.refreshToken || !row.tokenExpiresAt) return row;
    if (row.tokenExpiresAt.getTime() - nowOf(deps).getTime() > marginMs) return row;
    const next = await refresh(row.refreshToken);
    return tx.slackInstallation.update({ where: { teamId }, data: { botToken: next.sealedBotToken, refreshToken: next.sealedRefreshToken, tokenExpiresAt: next.tokenExpiresAt }, select });
  }, { maxWait: 15_000, timeout: 20_000 });
}
