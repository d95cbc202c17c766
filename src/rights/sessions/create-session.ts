// Web sessions: a random token in an http-only cookie, stored only as its hash. A session works only
// while it is unexpired, not revoked, and its user is ACTIVE (find-session-user.ts).
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { hashToken, newToken } from '../secrets.ts';

/** How long a login lasts. */
export const SESSION_TTL_MS = 12 * 3600_000;

export async function createSession(deps: RightsDeps, userId: string) {
  const token = newToken();
  const expiresAt = new Date(nowOf(deps).getTime() + SESSION_TTL_MS);
  await deps.prisma.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}
