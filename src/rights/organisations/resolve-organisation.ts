// Looking an organisation up by what someone typed: its name, or enough of it to match one. Among the
// organisations the policy lets them see (organisationReach): those who may not browse the directory
// find only their own, and an organisation they may not see gets the same answer as one that does not exist.
import type { Actor } from '../core/actor.ts';
import { directoryScope } from '../core/directory-scope.ts';
import type { RightsDeps } from '../core/deps.ts';
import { contains } from '../core/listing.ts';
import { AppError } from '../errors.ts';
import { nameKeyOf } from './organisation-details.ts';

export async function resolveOrganisation(deps: RightsDeps, actor: Actor, text: string) {
  const { me, organisations } = await directoryScope(deps.prisma, actor);
  const t = text.trim();
  const visible = organisations === 'all' ? {} : { memberships: { some: { userId: me.id } } };
  const none = () => new AppError('not_found', 'rights.organisation.noSuch', { name: t, canCreate: organisations === 'all' ? 'yes' : 'no' }, 'organisation');
  if (organisations === 'none') throw none();
  if (!t) throw new AppError('invalid_input', 'rights.organisation.sayWhich', {}, 'organisation');
  const exact = await deps.prisma.organisation.findFirst({
    where: { environmentId: me.environmentId, nameKey: nameKeyOf(t), ...visible },
    select: { id: true, name: true },
  });
  if (exact) return exact;
  const matches = await deps.prisma.organisation.findMany({
    where: { environmentId: me.environmentId, name: contains(t), ...visible },
    select: { id: true, name: true },
    orderBy: { nameKey: 'asc' },
    take: 6,
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new AppError('conflict', 'rights.organisation.several', { name: t, names: matches.slice(0, 5).map((m) => m.name).join(', ') }, 'organisation');
  }
  throw none();
}
