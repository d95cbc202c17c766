// Web sessions: a random token in an http-only cookie, stored only as its hash. A session works only
// while it is unexpired, not revoked, and its user is ACTIVE (find-session-user.ts).
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { hashToken, newToken } from '../secrets.ts';

/** How long a login lasts. */
export const SESSION_TTL_MS = 12 * 3600_000;

/** `userAgent`: the browser's User-Agent, kept (shortened) so the account page can say which browser a session is. */
export async function createSession(deps: RightsDeps, userId: string, userAgent?: string) {
  const token = newToken();
  const expiresAt = new Date(nowOf(deps).getTime() + SESSION_TTL_MS);
  const agent = userAgent?.replace(/\p{Cc}/gu, '').slice(0, 300) || null;
  await deps.prisma.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt, userAgent: agent } });
  return { token, expiresAt };
}
