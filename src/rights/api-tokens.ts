// Bearer tokens for the rights API, one environment each. Shown once at creation, stored hashed.
import { z } from 'zod';
import { requireActor, type Actor } from './core/actor.ts';
import { audit } from './core/audit.ts';
import { changeOnce } from './core/change-once.ts';
import { nowOf } from './core/clock.ts';
import type { RightsDeps } from './core/deps.ts';
import { transaction } from './core/transaction.ts';
import { AppError } from './errors.ts';
import { nameText, parseInput } from './input.ts';
import { hashToken, newToken } from './secrets.ts';

const PREFIX = 'ecr_';

export async function createApiToken(deps: RightsDeps, actor: Actor, raw: { name: string }) {
  const data = parseInput(z.object({ name: nameText('a name for the token', 60) }), raw);
  const token = `${PREFIX}${newToken()}`;
  // The token itself is never stored, so a retried request must not replay a stored result: no idempotency key.
  return changeOnce(deps, { ...actor, requestId: undefined }, 'create-api-token', async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const row = await tx.apiToken.create({
      data: { environmentId: admin.environmentId, name: data.name, tokenHash: hashToken(token), createdById: admin.id },
      select: { id: true, name: true },
    });
    await audit(tx, { environmentId: admin.environmentId, actor, action: 'api_token.created', targetType: 'api_token', targetId: row.id, details: { name: row.name } });
    return { id: row.id, name: row.name, token };
  });
}

/** Revokes a token of the actor's environment, named by its id or its name. */
export async function revokeApiToken(deps: RightsDeps, actor: Actor, raw: { tokenId?: string; name?: string }) {
  const data = parseInput(z.object({ tokenId: z.string().uuid('Choose a token from the list.').optional(), name: z.string().max(100).optional() }), raw);
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const row = data.tokenId
      ? await tx.apiToken.findUnique({ where: { id: data.tokenId } })
      : await tx.apiToken.findFirst({ where: { environmentId: admin.environmentId, name: data.name?.trim() ?? '', revokedAt: null } });
    if (!row || row.environmentId !== admin.environmentId) {
      throw new AppError('not_found', 'No API token of that name in your environment. List them with api-token list.', 'name');
    }
    if (!row.revokedAt) {
      await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: nowOf(deps) } });
      await audit(tx, { environmentId: admin.environmentId, actor, action: 'api_token.revoked', targetType: 'api_token', targetId: row.id, details: { name: row.name } });
    }
    return { id: row.id, name: row.name, revoked: true };
  });
}

export async function listApiTokens(deps: RightsDeps, actor: Actor) {
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const rows = await tx.apiToken.findMany({
      where: { environmentId: admin.environmentId, revokedAt: null },
      select: { id: true, name: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
      take: 100,
    });
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  });
}

/** The environment a bearer token speaks for, or null. */
export async function authenticateApiToken(deps: RightsDeps, token: string | undefined | null): Promise<{ environmentId: string; tokenId: string } | null> {
  if (!token || !token.startsWith(PREFIX) || token.length > 100) return null;
  const row = await deps.prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, environmentId: true, revokedAt: true } });
  if (!row || row.revokedAt) return null;
  return { environmentId: row.environmentId, tokenId: row.id };
}
