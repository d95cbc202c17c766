// An Administrator revokes an API token of their environment: it stops working at once.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { nameText, parseInput, issue } from '../input.ts';
import { findLiveTokenByName } from './create-api-token.ts';

/** Revokes a token of the actor's environment, named by its id or its name. */
export async function revokeApiToken(deps: RightsDeps, actor: Actor, raw: { tokenId?: string; name?: string }) {
  const data = parseInput(
    z.object({ tokenId: z.string().uuid(issue('rights.token.choose')).optional(), name: nameText('rights.what.tokenName', 100).optional() }),
    raw,
  );
  if (!data.tokenId && !data.name) throw new AppError('invalid_input', 'rights.token.which', {}, 'name');
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    // By name: the one live token of that name (names of live tokens are unique per environment, case
    // ignored), so the channel is told exactly what stopped working.
    const row = data.tokenId
      ? await tx.apiToken.findUnique({ where: { id: data.tokenId } })
      : await findLiveTokenByName(tx, admin.environmentId, data.name!);
    if (!row || row.environmentId !== admin.environmentId) {
      throw new AppError('not_found', 'rights.token.notFound', {}, 'name');
    }
    if (!row.revokedAt) {
      await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: nowOf(deps) } });
      await audit(tx, { environmentId: admin.environmentId, actor, action: 'api_token.revoked', targetType: 'api_token', targetId: row.id, details: { name: row.name } });
    }
    return { id: row.id, name: row.name, revoked: true };
  });
}
