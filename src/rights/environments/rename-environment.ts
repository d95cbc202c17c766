// An environment Administrator renames the environment (the name invitations, emails and Slack messages show).
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { nameText, parseInput } from '../input.ts';

const input = z.object({ name: nameText('rights.what.environmentName', 100) });

export async function renameEnvironment(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const { name: from } = await tx.environment.findUniqueOrThrow({ where: { id: admin.environmentId }, select: { name: true } });
    if (from === data.name) return { name: data.name, changed: false };
    await tx.environment.update({ where: { id: admin.environmentId }, data: { name: data.name } });
    await audit(tx, { environmentId: admin.environmentId, actor, action: 'environment.renamed', targetType: 'environment', targetId: admin.environmentId, details: { from, to: data.name } });
    return { name: data.name, changed: true };
  });
}
