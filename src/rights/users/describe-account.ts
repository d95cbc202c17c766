import type { RightsDeps } from '../core/deps.ts';

/** What the account page shows: the user's environment, role, and organisations with their role in each. */
export async function describeAccount(deps: RightsDeps, userId: string) {
  const user = await deps.prisma.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      status: true,
      environment: { select: { name: true, domains: { select: { domain: true }, orderBy: { domain: 'asc' } } } },
      memberships: { select: { role: true, organisation: { select: { name: true } } }, orderBy: { organisation: { nameKey: 'asc' } } },
    },
  });
  if (!user) return null;
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    environmentName: user.environment.name,
    domains: user.environment.domains.map((d) => d.domain),
    organisations: user.memberships.map((m) => ({ name: m.organisation.name, role: m.role })),
  };
}
