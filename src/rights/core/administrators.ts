// Rule 8: an environment always keeps at least one active Administrator; an organisation always
// keeps at least one active organisation administrator (an invited, blocked or removed one does not
// count). Callers hold the matching row lock.
// "At every instant": an administrator whose role or membership ends on a date is gone after it, so
// only administrators without an end count as "another" one (src/rights/access).
import { AppError, type Phrase, phrase } from '../errors.ts';
import { displayName } from './targets.ts';
import { lockOrganisation, type Tx } from './transaction.ts';

/** `deed`: what would leave the environment without one, as a phrase (rights.deed.*). */
export async function ensureAnotherActiveAdministrator(tx: Tx, environmentId: string, userId: string, deed: Phrase) {
  const others = await tx.user.count({
    where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', roleUntil: null, id: { not: userId } },
  });
  if (others === 0) {
    const ending = await tx.user.count({ where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', id: { not: userId } } });
    if (ending > 0) throw new AppError('last_administrator', 'access.rule8.environmentEnding', { deed });
    throw new AppError('last_administrator', 'rights.administrator.last', { deed });
  }
}

export async function ensureAnotherOrganisationAdministrator(tx: Tx, organisationId: string, userId: string, orgName: string, deed: Phrase) {
  const others = await tx.membership.count({
    where: { organisationId, role: 'ADMINISTRATOR', until: null, userId: { not: userId }, user: { status: 'ACTIVE' } },
  });
  if (others === 0) {
    const ending = await tx.membership.count({ where: { organisationId, role: 'ADMINISTRATOR', userId: { not: userId }, user: { status: 'ACTIVE' } } });
    if (ending > 0) throw new AppError('last_organisation_administrator', 'access.rule8.organisationEnding', { deed, organisation: orgName });
    throw new AppError('last_organisation_administrator', 'rights.organisationAdministrator.last', { deed, organisation: orgName });
  }
}

/**
 * Before a user loses their rights (block, remove, revoke): every organisation they administer keeps
 * another active organisation administrator. Locks those organisations in id order (the same order
 * everywhere, so two such changes never deadlock) and returns the user's memberships.
 */
export async function ensureOrganisationsKeepAdministrators(
  tx: Tx,
  user: { id: string; name: string | null; email: string; status: string },
  deed: 'rights.deed.block' | 'rights.deed.unblock' | 'rights.deed.remove' | 'rights.deed.revokeInvitation',
) {
  const rows = await tx.membership.findMany({
    where: { userId: user.id },
    select: { organisationId: true, role: true, organisation: { select: { name: true } } },
    orderBy: { organisationId: 'asc' },
  });
  for (const m of rows) {
    await lockOrganisation(tx, m.organisationId);
    if (m.role === 'ADMINISTRATOR' && user.status === 'ACTIVE') {
      await ensureAnotherOrganisationAdministrator(tx, m.organisationId, user.id, m.organisation.name, phrase(deed, { user: displayName(user) }));
    }
  }
  return rows;
}
