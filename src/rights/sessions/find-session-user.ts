// The user behind a session cookie. Blocking or removing a user ends their sessions
// (users/change-user-status.ts revokes them); the status check here covers any other path (rule 9).
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { hashToken, looksLikeToken } from '../secrets.ts';

/** The user behind a session cookie, or null when the session no longer works. */
export async function findSessionUser(deps: RightsDeps, token: unknown) {
  if (!looksLikeToken(token)) return null;
  const session = await deps.prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, revokedAt: true, user: { select: { id: true, email: true, name: true, status: true, environmentId: true, locale: true, environment: { select: { locale: true } } } } },
  });
  if (!session || session.revokedAt || session.expiresAt.getTime() <= nowOf(deps).getTime()) return null;
  if (session.user.status !== 'ACTIVE') return null;
  const { environment, ...user } = session.user;
  // the language the person chose, else their environment's
  return { ...user, sessionId: session.id, language: user.locale ?? environment.locale, environmentLocale: environment.locale };
}
