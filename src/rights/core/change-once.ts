// Idempotent changes: a retried Slack request (or a double click) gets the first result back instead
// of changing state again.
import type { Actor } from './actor.ts';
import type { RightsDeps } from './deps.ts';
import { transaction, type Tx } from './transaction.ts';

/**
 * Runs a change once per request id. The key row is written in the change's transaction, so the
 * change and the record that it happened commit together.
 */
export async function changeOnce<T>(deps: RightsDeps, actor: Actor | null, name: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Scoped to the actor: another person's request id must never replay (and reveal) someone else's result.
  const key = actor?.requestId ? `${name}:${actor.userId}:${actor.requestId}` : null;
  if (!key) return transaction(deps, fn);
  try {
    return await transaction(deps, async (tx) => {
      const previous = await tx.idempotencyKey.findUnique({ where: { key } });
      if (previous) return previous.result as T;
      const result = await fn(tx);
      await tx.idempotencyKey.create({ data: { key, result: JSON.parse(JSON.stringify(result ?? null)) } });
      return result;
    });
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    const previous = await deps.prisma.idempotencyKey.findUnique({ where: { key } });
    if (!previous) throw err;
    return previous.result as T;
  }
}
