// Idempotent changes: a retried Slack request (or a double click) gets the first result back instead
// of changing state again.
import type { Actor } from './actor.ts';
import type { RightsDeps } from './deps.ts';
import { transaction, type Tx } from './transaction.ts';

/**
 * Runs a change once per request id. The key row is written in the change's transaction, so the
 * change and the record that it happened commit together (a failed change leaves no key behind).
 */
export async function changeOnce<T>(deps: RightsDeps, actor: Actor | null, name: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Scoped to the actor: another person's request id must never replay (and reveal) someone else's result.
  const key = actor?.requestId ? `${name}:${actor.userId}:${actor.requestId}` : null;
  if (!key) return transaction(deps, fn);
  return transaction(deps, async (tx) => {
    // Claim the key first: a second copy of the request blocks on this insert until the first copy
    // commits (or rolls back), then finds its result, instead of running the change against state
    // the first copy just wrote and answering "already exists".
    const { count } = await tx.idempotencyKey.createMany({ data: [{ key, result: { pending: true } }], skipDuplicates: true });
    if (count === 0) {
      const previous = await tx.idempotencyKey.findUniqueOrThrow({ where: { key } });
      return previous.result as T;
    }
    const result = await fn(tx);
    await tx.idempotencyKey.update({ where: { key }, data: { result: JSON.parse(JSON.stringify(result ?? null)) } });
    return result;
  });
}
