// Rule 8: an environment always keeps at least one active Administrator; an organisation always
// keeps at least one active organisation administrator (an invited, blocked or removed one does not
// count). Callers hold the matching row lock.
// "At every instant": an administrator whose role or membership ends on a date is gone after it, so
// only administrators without an end count as "another" one (src/rights/access).
import { t } from '../../i18n/catalogue.ts';
import { AppError } from '../errors.ts';
import { displayName } from './targets.ts';
import { lockOrganisation, type Tx } from './transaction.ts';

export async function ensureAnotherActiveAdministrator(tx: Tx, environmentId: string, userId: string, what: string) {
  const others = await tx.user.count({
    where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', roleUntil: null, id: { not: userId } },
  });
  if (others === 0) {
    const ending = await tx.user.count({ where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', id: { not: userId } } });
    if (ending > 0) throw new AppError('last_administrator', t('en', 'access.rule8.environmentEnding', { what }));
    throw new AppError(
      'last_administrator',
      `You cannot ${what}: they are the environment's only active administrator. Make someone else an administrator first.`,
    );
  }
}

export async function ensureAnotherOrganisationAdministrator(tx: Tx, organisationId: string, userId: string, orgName: string, what: string) {
  const others = await tx.membership.count({
    where: { organisationId, role: 'ADMINISTRATOR', until: null, userId: { not: userId }, user: { status: 'ACTIVE' } },
  });
  if (others === 0) {
    const ending = await tx.membership.count({ where: { organisationId, role: 'ADMINISTRATOR', userId: { not: userId }, user: { status: 'ACTIVE' } } });
    if (ending > 0) throw new AppError('last_organisation_administrator', t('en', 'access.rule8.organisationEnding', { what, organisation: orgName }));
    throw new AppError(
      'last_organisation_administrator',
      `You cannot ${what}: they are the only active administrator of ${orgName}. Make another active member its administrator first.`,
    );
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
  what: string,
) {
  const rows = await tx.membership.findMany({
    where: { userId: user.id },
    select: { organisationId: true, role: true, organisation: { select: { name: true } } },
    orderBy: { organisationId: 'asc' },
  });
  for (const m of rows) {
    await lockOrganisation(tx, m.organisationId);
    if (m.role === 'ADMINISTRATOR' && user.status === 'ACTIVE') {
      await ensureAnotherOrganisationAdministrator(tx, m.organisationId, user.id, m.organisation.name, `${what} ${displayName(user)}`);
    }
  }
  return rows;
}
