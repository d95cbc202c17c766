import type { RightsDeps } from '../core/deps.ts';
import { decide } from '../policy.ts';

/**
 * What the account page shows: the user's environment, role, language, and organisations with their
 * role in each; and whether they may see and change the environment's settings (the policy decides).
 */
export async function describeAccount(deps: RightsDeps, userId: string) {
  const user = await deps.prisma.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      status: true,
      locale: true,
      environment: { select: { name: true, locale: true, domains: { select: { domain: true }, orderBy: { domain: 'asc' } } } },
      memberships: { select: { role: true, organisation: { select: { name: true } } }, orderBy: { organisation: { nameKey: 'asc' } } },
    },
  });
  if (!user) return null;
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    /** the language the person chose; null: the environment's */
    locale: user.locale,
    environmentName: user.environment.name,
    environmentLocale: user.environment.locale,
    domains: user.environment.domains.map((d) => d.domain),
    organisations: user.memberships.map((m) => ({ name: m.organisation.name, role: m.role })),
    mayConfigureEnvironment: decide(user, 'environment:configure').allowed,
  };
}
