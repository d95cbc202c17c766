// Rule 7, step 2 of the registration page, before the person chooses a name and password.
import type { RightsDeps } from '../core/deps.ts';
import { findUsableVerification } from './find-usable-verification.ts';

/** What step 2 of the registration page shows: the proven address. */
export async function describeRegistration(deps: RightsDeps, token: unknown) {
  const v = await findUsableVerification(deps.prisma, deps, token);
  return { email: v.email, locale: v.locale, expiresAt: v.expiresAt.toISOString() };
}
