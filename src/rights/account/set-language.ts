// The language a person reads the pages (and later their emails) in; null goes back to their
// environment's language.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { parseInput, issue } from '../input.ts';

const input = z.object({ locale: z.enum(['en', 'nl'], { error: issue('rights.input.language') }).nullable() });

export async function setLanguage(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'account:update');
    const { locale: from } = await tx.user.findUniqueOrThrow({ where: { id: me.id }, select: { locale: true } });
    if (from === data.locale) return { locale: data.locale, changed: false };
    await tx.user.update({ where: { id: me.id }, data: { locale: data.locale } });
    await audit(tx, { environmentId: me.environmentId, actor, action: 'user.language_set', targetType: 'user', targetId: me.id, details: { from, to: data.locale } });
    return { locale: data.locale, changed: true };
  });
}
