// Looking a person up by what someone typed: an email address, a Slack mention's email, or a name when
// only one user of the environment has it. What the caller may learn is the policy's directory reach:
// those who may not browse get answers that reveal nothing about other people (no lists, and the same
// answer whether an address is unknown, in another environment or in theirs).
import type { Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { directoryScope, notYoursToLookUp } from '../core/directory-scope.ts';
import { normaliseEmail } from '../email.ts';
import { AppError } from '../errors.ts';

/** A user of the actor's environment from an email, a Slack user id or a name (when only one matches). */
export async function resolveUser(deps: RightsDeps, actor: Actor, text: string, slackEmail?: string | null) {
  const { me, reach } = await directoryScope(deps.prisma, actor);
  if (reach === 'none') throw notYoursToLookUp();
  const t = text.trim();
  const email = normaliseEmail(slackEmail ?? t);
  const select = { id: true, environmentId: true, email: true, name: true } as const;
  if (email === me.email) return deps.prisma.user.findUniqueOrThrow({ where: { id: me.id }, select });
  if (reach === 'self') throw notYoursToLookUp();
  if (email) {
    const user = await deps.prisma.user.findUnique({ where: { email }, select });
    if (!user || user.environmentId !== me.environmentId) {
      throw new AppError('not_found', 'rights.user.noSuchAddress', { email }, 'user');
    }
    return user;
  }
  if (!t) throw new AppError('invalid_input', 'rights.user.sayWho', {}, 'user');
  // By name only for those who may browse the directory: the answer would otherwise tell who is called what.
  if (reach !== 'all') throw new AppError('invalid_input', 'rights.user.fullAddress', {}, 'user');
  const matches = await deps.prisma.user.findMany({
    where: { environmentId: me.environmentId, status: { not: 'REMOVED' }, name: { equals: t.normalize('NFC'), mode: 'insensitive' } },
    select,
    take: 6,
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new AppError('conflict', 'rights.user.ambiguous', { name: t, emails: matches.slice(0, 5).map((m) => m.email).join(', ') }, 'user');
  }
  throw new AppError('not_found', 'rights.user.noSuchName', { name: t }, 'user');
}
