// Bearer tokens for the rights API, one environment each. Shown once at creation, stored hashed.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import type { Tx } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { nameText, parseInput } from '../input.ts';
import { hashToken, newToken } from '../secrets.ts';

/** Every API token starts with this: anything else is refused without a database look-up. */
export const API_TOKEN_PREFIX = 'ecr_';

export async function createApiToken(deps: RightsDeps, actor: Actor, raw: { name: string }) {
  const data = parseInput(z.object({ name: nameText('rights.what.tokenName', 60) }), raw);
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  // The token itself is never stored, so a retried request must not replay a stored result: no idempotency key.
  return changeOnce(deps, { ...actor, requestId: undefined }, 'create-api-token', async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    // Names of live tokens are unique per environment, case ignored (a partial unique index holds this
    // under concurrent requests too: the loser's retry lands here).
    const taken = await findLiveTokenByName(tx, admin.environmentId, data.name);
    if (taken) {
      throw new AppError(
        'already_exists',
        'rights.token.exists',
        { name: taken.name }, 'name',
      );
    }
    const row = await tx.apiToken.create({
      data: { environmentId: admin.environmentId, name: data.name, tokenHash: hashToken(token), createdById: admin.id },
      select: { id: true, name: true },
    });
    await audit(tx, { environmentId: admin.environmentId, actor, action: 'api_token.created', targetType: 'api_token', targetId: row.id, details: { name: row.name } });
    return { id: row.id, name: row.name, token };
  });
}

/** The live token of `environmentId` called `name`, case ignored (the same comparison as the unique index). */
export async function findLiveTokenByName(tx: Tx, environmentId: string, name: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ApiToken" WHERE "environmentId" = ${environmentId} AND "revokedAt" IS NULL AND lower("name") = lower(${name})`;
  if (rows.length > 1) throw new Error(`more than one live API token called ${JSON.stringify(name)}: the unique index is missing`);
  return rows[0] ? tx.apiToken.findUniqueOrThrow({ where: { id: rows[0].id } }) : null;
}
