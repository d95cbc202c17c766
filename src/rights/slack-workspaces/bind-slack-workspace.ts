// Binds a Slack workspace to the administrator's environment and keeps the app's (encrypted) tokens.
// One workspace belongs to at most one environment and one environment has at most one workspace:
// both are unique columns, and the checks run under the environment's lock, so of two administrators
// installing the same workspace at once one wins and the other is told why.
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { lockEnvironment, transaction } from '../core/transaction.ts';
import { AppError, type ErrorValues, type RightsKey } from '../errors.ts';

export interface SlackInstallationInput {
  teamId: string;
  teamName?: string | null;
  enterpriseId?: string | null;
  appId?: string | null;
  botUserId: string;
  botId?: string | null;
  botScopes: string[];
  /** sealed by the Slack surface's token cipher; the rights service never sees a token */
  sealedBotToken: string;
  sealedRefreshToken?: string | null;
  tokenExpiresAt?: Date | null;
}

export type BindOutcome = 'bound' | 'reinstalled';

export class WorkspaceRefusal extends AppError {
  constructor(
    readonly reason: 'workspace_bound_elsewhere' | 'environment_has_workspace',
    key: RightsKey,
    values: ErrorValues = {},
  ) {
    super('conflict', key, values);
  }
}

export async function bindSlackWorkspace(deps: RightsDeps, actor: Actor, input: SlackInstallationInput): Promise<{ outcome: BindOutcome; environmentId: string }> {
  if (!/^T[A-Z0-9]{2,20}$/.test(input.teamId)) throw new AppError('invalid_input', 'rights.slack.noWorkspace');
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const environmentId = admin.environmentId;
    await lockEnvironment(tx, environmentId);
    const env = await tx.environment.findUniqueOrThrow({ where: { id: environmentId }, select: { slackTeamId: true } });
    const owner = await tx.environment.findUnique({ where: { slackTeamId: input.teamId }, select: { id: true } });
    if (owner && owner.id !== environmentId) {
      throw new WorkspaceRefusal('workspace_bound_elsewhere', 'rights.slack.boundElsewhere');
    }
    if (env.slackTeamId && env.slackTeamId !== input.teamId) {
      throw new WorkspaceRefusal('environment_has_workspace', 'rights.slack.hasWorkspace', { team: env.slackTeamId });
    }
    const data = {
      teamName: input.teamName ?? null,
      enterpriseId: input.enterpriseId ?? null,
      appId: input.appId ?? null,
      botUserId: input.botUserId,
      botId: input.botId ?? null,
      botScopes: input.botScopes.join(','),
      botToken: input.sealedBotToken,
      refreshToken: input.sealedRefreshToken ?? null,
      tokenExpiresAt: input.tokenExpiresAt ?? null,
      installedById: admin.id,
    };
    const existing = await tx.slackInstallation.findUnique({ where: { teamId: input.teamId }, select: { teamId: true } });
    await tx.slackInstallation.upsert({ where: { teamId: input.teamId }, create: { teamId: input.teamId, environmentId, ...data }, update: data });
    if (!env.slackTeamId) await tx.environment.update({ where: { id: environmentId }, data: { slackTeamId: input.teamId } });
    const outcome: BindOutcome = existing ? 'reinstalled' : 'bound';
    // Slack notifications that waited for a connection go out now
    await tx.outboxMessage.updateMany({ where: { environmentId, kind: 'SLACK', status: 'PENDING' }, data: { nextAttemptAt: nowOf(deps) } });
    await audit(tx, { environmentId, actor, action: outcome === 'bound' ? 'environment.slack_connected' : 'environment.slack_reinstalled', targetType: 'environment', targetId: environmentId, details: { teamId: input.teamId, teamName: input.teamName ?? null } });
    return { outcome, environmentId };
  });
}
