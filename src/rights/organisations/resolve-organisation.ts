// Looking an organisation up by what an administrator typed: its name, or enough of it to match one.
import { actorEnvironment, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { contains } from '../core/listing.ts';
import { AppError } from '../errors.ts';
import { nameKeyOf } from './organisation-details.ts';

export async function resolveOrganisation(deps: RightsDeps, actor: Actor, text: string) {
  const me = await actorEnvironment(deps, actor);
  const t = text.trim();
  if (!t) throw new AppError('invalid_input', 'Say which organisation, by its name.', 'organisation');
  const exact = await deps.prisma.organisation.findUnique({
    where: { environmentId_nameKey: { environmentId: me.environmentId, nameKey: nameKeyOf(t) } },
    select: { id: true, name: true },
  });
  if (exact) return exact;
  const matches = await deps.prisma.organisation.findMany({
    where: { environmentId: me.environmentId, name: contains(t) },
    select: { id: true, name: true },
    take: 6,
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new AppError('conflict', `"${t}" matches several organisations: ${matches.slice(0, 5).map((m) => m.name).join(', ')}. Type the full name.`, 'organisation');
  }
  throw new AppError('not_found', `No organisation called "${t}" in your environment. Check the name with the orgs subcommand, or create it.`, 'organisation');
}
