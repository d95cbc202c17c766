// Which environment a rights API request speaks for, from its bearer token.
import type { RightsDeps } from '../core/deps.ts';
import { hashToken } from '../secrets.ts';
import { API_TOKEN_PREFIX } from './create-api-token.ts';

/** The environment a bearer token speaks for, or null. */
export async function authenticateApiToken(deps: RightsDeps, token: string | undefined | null): Promise<{ environmentId: string; tokenId: string } | null> {
  if (!token?.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const row = await deps.prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, environmentId: true, revokedAt: true } });
  if (!row || row.revokedAt) return null;
  return { environmentId: row.environmentId, tokenId: row.id };
}
