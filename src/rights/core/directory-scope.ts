// What the policy's directory reach is for an actor: loads them and whether they administer an
// organisation, then asks policy.ts (which alone decides).
import { directoryReach, organisationReach, type DirectoryReach } from '../policy.ts';
import { AppError } from '../errors.ts';
import type { Tx } from './transaction.ts';
import type { Actor } from './actor.ts';
import type { Prisma } from '../../db/database.ts';

export interface DirectoryScope {
  me: { id: string; environmentId: string; email: string; role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR'; status: 'INVITED' | 'ACTIVE' | 'BLOCKED' | 'REMOVED' };
  reach: DirectoryReach;
  organisations: 'all' | 'own' | 'none';
  administersAnOrganisation: boolean;
}

export async function directoryScope(db: Tx | Prisma, actor: Actor): Promise<DirectoryScope> {
  const me = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true, environmentId: true, email: true, role: true, status: true } });
  if (!me) throw new AppError('not_authenticated', 'rights.account.notFound');
  const administersAnOrganisation = (await db.membership.count({ where: { userId: me.id, role: 'ADMINISTRATOR' } })) > 0;
  return { me, reach: directoryReach(me, administersAnOrganisation), organisations: organisationReach(me), administersAnOrganisation };
}

/** The one answer for a look-up someone may not make: the same whether the address or name exists, here or elsewhere. */
export const notYoursToLookUp = () =>
  new AppError('forbidden', 'rights.directory.ownOnly', {}, 'user');
