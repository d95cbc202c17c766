// Suggestions for a user picker as someone types. Those who may browse the directory search it; an
// organisation administrator with the Basic role finds a person only by their full email address;
// anyone else only themselves. The policy's directory reach decides.
import type { Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { directoryScope } from '../core/directory-scope.ts';
import { userRow } from '../core/listing.ts';
import { normaliseEmail } from '../email.ts';
import { listUsers } from './list-users.ts';

export async function searchUsers(deps: RightsDeps, actor: Actor, raw: { query?: string; limit?: number }) {
  const { me, reach } = await directoryScope(deps.prisma, actor);
  const query = raw.query?.trim() || undefined;
  if (reach === 'all') return (await listUsers(deps, actor, { query, limit: raw.limit ?? 100 })).items;
  const email = query ? normaliseEmail(query) : null;
  if (reach === 'none' || !email || (reach === 'self' && email !== me.email)) return [];
  const user = await deps.prisma.user.findFirst({ where: { email, environmentId: me.environmentId, status: { not: 'REMOVED' } }, select: userRow });
  return user ? [user] : [];
}
