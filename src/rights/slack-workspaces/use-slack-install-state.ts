// The OAuth redirect hands back the state: it is used up here, whatever happens next, so a state
// works at most once. A state that is unknown, used, expired or from another session is refused.
import { findSessionUser } from '../sessions/find-session-user.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { AppError } from '../errors.ts';
import { hashToken, looksLikeToken } from '../secrets.ts';

export interface SlackInstallGrant {
  sessionId: string;
  environmentId: string;
  userId: string;
}

const invalid = () =>
  new AppError('forbidden', 'rights.slack.installLinkInvalid');

export async function useSlackInstallState(deps: RightsDeps, state: unknown): Promise<SlackInstallGrant> {
  if (!looksLikeToken(state)) throw invalid();
  const now = nowOf(deps);
  const stateHash = hashToken(state);
  const claimed = await deps.prisma.slackInstallState.updateMany({ where: { stateHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw invalid();
  const row = await deps.prisma.slackInstallState.findUniqueOrThrow({ where: { stateHash }, select: { sessionId: true, environmentId: true, userId: true } });
  return row;
}

/**
 * Before the code is exchanged: the browser that comes back from Slack is logged in with the session
 * that started "Add to Slack", and that person is still an active Administrator of the environment.
 */
export async function checkSlackInstallGrant(deps: RightsDeps, grant: SlackInstallGrant, sessionToken: unknown): Promise<void> {
  const user = await findSessionUser(deps, sessionToken);
  if (!user || user.sessionId !== grant.sessionId || user.id !== grant.userId) {
    throw new AppError('not_authenticated', 'rights.slack.notStarter');
  }
  const admin = await deps.prisma.user.findUnique({ where: { id: user.id }, select: { role: true, environmentId: true } });
  if (admin?.role !== 'ADMINISTRATOR' || admin.environmentId !== grant.environmentId) {
    throw new AppError('forbidden', 'rights.slack.administratorsConnect');
  }
}
