import type { RightsDeps } from '../core/deps.ts';
import { findUsableReset } from './find-usable-reset.ts';

/** What the new-password page shows before the person chooses one: whose password, in which language. */
export async function describePasswordReset(deps: RightsDeps, token: unknown) {
  const r = await findUsableReset(deps.prisma, deps, token);
  return { email: r.user.email, locale: r.user.locale ?? r.user.environment.locale, expiresAt: r.expiresAt.toISOString() };
}
