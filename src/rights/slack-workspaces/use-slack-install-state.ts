// The OAuth redirect hands back the state: it is used up here, whatever happens next, so a state
// works at most once. A state that is unknown, used, expired or from another session is refused.
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
  new AppError('forbidden', 'This "Add to Slack" link is not valid any more (it works once, for 10 minutes, in the browser that started it). Start again with "Add to Slack" on your account page.');

export async function useSlackInstallState(deps: RightsDeps, state: unknown): Promise<SlackInstallGrant> {
  if (!looksLikeToken(state)) throw invalid();
  const now = nowOf(deps);
  const stateHash = hashToken(state);
  const claimed = await deps.prisma.slackInstallState.updateMany({ where: { stateHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw invalid();
  const row = await deps.prisma.slackInstallState.findUniqueOrThrow({ where: { stateHash }, select: { sessionId: true, environmentId: true, userId: true } });
  return row;
}
