// Rule 8: an environment always keeps at least one active Administrator; an organisation always
// keeps at least one organisation administrator. Callers hold the matching row lock.
import { AppError } from '../errors.ts';
import type { Tx } from './transaction.ts';

export async function ensureAnotherActiveAdministrator(tx: Tx, environmentId: string, userId: string, what: string) {
  const others = await tx.user.count({
    where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', id: { not: userId } },
  });
  if (others === 0) {
    throw new AppError(
      'last_administrator',
      `You cannot ${what}: they are the environment's only active administrator. Make someone else an administrator first.`,
    );
  }
}

export async function ensureAnotherOrganisationAdministrator(tx: Tx, organisationId: string, userId: string, orgName: string, what: string) {
  const others = await tx.membership.count({ where: { organisationId, role: 'ADMINISTRATOR', userId: { not: userId } } });
  if (others === 0) {
    throw new AppError(
      'last_organisation_administrator',
      `You cannot ${what}: they are the only administrator of ${orgName}. Make another member its administrator first.`,
    );
  }
}
