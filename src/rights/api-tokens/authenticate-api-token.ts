// Which environment a rights API request speaks for, from its bearer token.
import { decisionCache } from '../authorization/decision-cache.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { hashToken } from '../secrets.ts';
import { API_TOKEN_PREFIX } from './create-api-token.ts';

/** The environment a bearer token speaks for, or null. */
export async function authenticateApiToken(deps: RightsDeps, token: string | undefined | null): Promise<{ environmentId: string; tokenId: string } | null> {
  if (!token?.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const hash = hashToken(token);
  // known tokens are kept in the process while the database's change feed is live (decision-cache.ts):
  // any change of a token (a revocation) is announced and empties it
  const cache = decisionCache(deps.changes);
  const live = cache?.live() ?? false;
  const now = nowOf(deps).getTime();
  const known = live ? cache!.token(hash, now) : null;
  if (known) return known;
  const generation = cache?.generation ?? 0;
  const row = await deps.prisma.apiToken.findUnique({ where: { tokenHash: hash }, select: { id: true, environmentId: true, revokedAt: true } });
  if (!row || row.revokedAt) return null;
  const caller = { environmentId: row.environmentId, tokenId: row.id };
  if (live) cache!.setToken(hash, caller, generation, now);
  return caller;
}
