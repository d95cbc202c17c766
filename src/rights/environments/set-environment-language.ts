// The environment's language: of invitations and other emails to its people, and of the pages of
// anyone who did not choose their own.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { parseInput, issue } from '../input.ts';

const input = z.object({ locale: z.enum(['en', 'nl'], { error: issue('rights.input.language') }) });

export async function setEnvironmentLanguage(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const { locale: from } = await tx.environment.findUniqueOrThrow({ where: { id: admin.environmentId }, select: { locale: true } });
    if (from === data.locale) return { locale: data.locale, changed: false };
    await tx.environment.update({ where: { id: admin.environmentId }, data: { locale: data.locale } });
    await audit(tx, { environmentId: admin.environmentId, actor, action: 'environment.language_set', targetType: 'environment', targetId: admin.environmentId, details: { from, to: data.locale } });
    return { locale: data.locale, changed: true };
  });
}
