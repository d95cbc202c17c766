// Web sessions: a random token in an http-only cookie, stored only as its hash. A session works only
// while it is unexpired, not revoked, and its user is ACTIVE: blocking or removing a user ends
// their sessions (user-status.ts revokes them; the status check here covers any other path).
import { nowOf } from './core/clock.ts';
import type { RightsDeps } from './core/deps.ts';
import { hashToken, looksLikeToken, newToken } from './secrets.ts';

/** How long a login lasts. */
export const SESSION_TTL_MS = 12 * 3600_000;

export async function createSession(deps: RightsDeps, userId: string) {
  const token = newToken();
  const expiresAt = new Date(nowOf(deps).getTime() + SESSION_TTL_MS);
  await deps.prisma.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The user behind a session cookie, or null when the session no longer works. */
export async function findSessionUser(deps: RightsDeps, token: unknown) {
  if (!looksLikeToken(token)) return null;
  const session = await deps.prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, revokedAt: true, user: { select: { id: true, email: true, name: true, status: true, environmentId: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt.getTime() <= nowOf(deps).getTime()) return null;
  if (session.user.status !== 'ACTIVE') return null;
  return session.user;
}

/** Logout: the session stops working at once. */
export async function endSession(deps: RightsDeps, token: unknown): Promise<void> {
  if (!looksLikeToken(token)) return;
  await deps.prisma.session.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: nowOf(deps) } });
}

/** What the account page shows: the user's environment, role, and organisations with their role in each. */
export async function describeAccount(deps: RightsDeps, userId: string) {
  const user = await deps.prisma.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      status: true,
      environment: { select: { name: true, domains: { select: { domain: true }, orderBy: { domain: 'asc' } } } },
      memberships: { select: { role: true, organisation: { select: { name: true } } }, orderBy: { organisation: { nameKey: 'asc' } } },
    },
  });
  if (!user) return null;
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    environmentName: user.environment.name,
    domains: user.environment.domains.map((d) => d.domain),
    organisations: user.memberships.map((m) => ({ name: m.organisation.name, role: m.role })),
  };
}
