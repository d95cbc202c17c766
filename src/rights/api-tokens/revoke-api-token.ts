// An Administrator revokes an API token of their environment: it stops working at once.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../input.ts';

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
