import type { RightsDeps } from '../core/deps.ts';
import { findUsableInvitation } from './find-usable-invitation.ts';

/** What the activation page shows before the person sets a password. */
export async function describeInvitation(deps: RightsDeps, token: unknown) {
  const inv = await findUsableInvitation(deps.prisma, deps, token);
  return {
    email: inv.user.email,
    role: inv.user.role,
    environmentName: inv.user.environment.name,
    locale: inv.user.environment.locale,
    inviterName: inv.inviter ? (inv.inviter.name ?? inv.inviter.email) : null,
    expiresAt: inv.expiresAt.toISOString(),
  };
}
