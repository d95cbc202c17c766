// "Has this already happened?" for side effects outside the database that a retried request must
// not repeat (a Slack confirmation posted twice for one double-clicked submission).
import type { RightsDeps } from './deps.ts';

/** True the first time `key` is claimed, false on every later claim, across processes. */
export async function claimOnce(deps: RightsDeps, key: string): Promise<boolean> {
  const { count } = await deps.prisma.idempotencyKey.createMany({
    data: [{ key: `once:${key}`.slice(0, 500), result: true }],
    skipDuplicates: true,
  });
  return count === 1;
}
