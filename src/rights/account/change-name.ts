// A person changes the name their colleagues see (in Slack confirmations, notifications, the account page).
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { nameText, parseInput } from '../input.ts';

const input = z.object({ name: nameText('rights.what.yourName', 100) });

export async function changeName(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'account:update');
    if (me.name === data.name) return { name: data.name, changed: false };
    await tx.user.update({ where: { id: me.id }, data: { name: data.name } });
    await audit(tx, { environmentId: me.environmentId, actor, action: 'user.renamed', targetType: 'user', targetId: me.id, details: { from: me.name, to: data.name } });
    return { name: data.name, changed: true };
  });
}
