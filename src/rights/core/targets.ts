// What a change is about: a user or an organisation of the actor's environment. One of another
// environment is reported as not found, so nobody learns what exists elsewhere.
import { AppError } from '../errors.ts';
import type { Tx } from './transaction.ts';

const targetSelect = { id: true, environmentId: true, email: true, name: true, role: true, status: true, slackUserId: true } as const;

export async function requireUser(tx: Tx, environmentId: string, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: targetSelect });
  if (!user || user.environmentId !== environmentId) {
    throw new AppError('not_found', 'rights.user.notInEnvironment', {}, 'user');
  }
  return user;
}

export async function requireOrganisation(tx: Tx, environmentId: string, organisationId: string) {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true, environmentId: true, name: true } });
  if (!org || org.environmentId !== environmentId) {
    throw new AppError('not_found', 'rights.organisation.notInEnvironment', {}, 'organisation');
  }
  return org;
}

export const displayName = (u: { name: string | null; email: string }) => u.name ?? u.email;

export type TargetUser = Awaited<ReturnType<typeof requireUser>>;
