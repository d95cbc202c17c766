// The installation (sealed tokens) of a workspace, for the Slack surface's InstallationStore.
import type { RightsDeps } from '../core/deps.ts';

const select = {
  teamId: true, environmentId: true, teamName: true, enterpriseId: true, appId: true, botUserId: true, botId: true,
  botScopes: true, botToken: true, refreshToken: true, tokenExpiresAt: true, installedById: true,
} as const;

export async function findSlackInstallation(deps: RightsDeps, where: { teamId: string } | { environmentId: string }) {
  return deps.prisma.slackInstallation.findUnique({ where, select });
}

/** After a token refresh (token rotation): the new sealed tokens of a workspace. */
export async function saveRotatedSlackTokens(deps: RightsDeps, teamId: string, tokens: { sealedBotToken: string; sealedRefreshToken: string; tokenExpiresAt: Date }) {
  await deps.prisma.slackInstallation.updateMany({ where: { teamId }, data: { botToken: tokens.sealedBotToken, refreshToken: tokens.sealedRefreshToken, tokenExpiresAt: tokens.tokenExpiresAt } });
}

/** The environment a workspace is bound to, or null. */
export async function findWorkspaceEnvironment(deps: RightsDeps, teamId: string) {
  return deps.prisma.environment.findUnique({ where: { slackTeamId: teamId }, select: { id: true } });
}
