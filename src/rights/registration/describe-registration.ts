// Rule 7, step 2 of the registration page, before the person chooses a name and password.
import type { RightsDeps } from '../core/deps.ts';
import { domainOf } from '../email.ts';
import { isPublicDomain } from '../environments/public-domains.ts';
import { findUsableVerification } from './find-usable-verification.ts';

/**
 * What step 2 of the registration page shows: the proven address, and whether finishing will create a
 * new environment (then the page asks for the company name). `newEnvironment.domain` is the domain it
 * will own (the default name), null for a shared mail service. Said as things stand now: a colleague
 * may claim the domain before the form is sent, and then the person joins instead.
 */
export async function describeRegistration(deps: RightsDeps, token: unknown) {
  const v = await findUsableVerification(deps.prisma, deps, token);
  const domain = domainOf(v.email);
  const isPublic = isPublicDomain(domain, deps.options.extraPublicDomains);
  const owned = isPublic ? null : await deps.prisma.environmentDomain.findUnique({ where: { domain }, select: { domain: true } });
  return {
    email: v.email,
    locale: v.locale,
    expiresAt: v.expiresAt.toISOString(),
    newEnvironment: owned ? null : { domain: isPublic ? null : domain },
  };
}
