// For the App Home of a Slack user eConnect does not act for: what state their address is in (no
// account, invited, blocked, ...) and which language to tell them in (theirs, their environment's,
// or that of the environment the workspace is connected to).
import type { RightsDeps } from '../core/deps.ts';
import { normaliseEmail } from '../email.ts';

export async function describeHomeStranger(deps: RightsDeps, input: { teamId: string; email: string | null }) {
  const email = input.email ? normaliseEmail(input.email) : null;
  const user = email
    ? await deps.prisma.user.findUnique({ where: { email }, select: { id: true, environmentId: true, status: true, locale: true, environment: { select: { locale: true } } } })
    : null;
  const workspace = input.teamId ? await deps.prisma.environment.findUnique({ where: { slackTeamId: input.teamId }, select: { locale: true } }) : null;
  return {
    status: user && user.status !== 'REMOVED' ? user.status : null,
    /** the account behind the address (whatever its state), so its home follows when that changes */
    account: user ? { userId: user.id, environmentId: user.environmentId } : null,
    person: user ? { locale: user.locale } : null,
    environment: user?.environment ?? workspace ?? null,
  };
}
