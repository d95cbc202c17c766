// Rule 7, step 2: the person opened the link from the verification email (so the address is theirs)
// and chose a name and password. The email's domain decides where they land:
// - a domain an environment owns: they join it as an ACTIVE BASIC user without organisations, and its
//   administrators are told in Slack (they decide what the newcomer may do);
// - an unknown domain: a new environment that owns the domain, with them as first Administrator;
// - a public mail domain (gmail.com, ...): a new environment without a domain.
import { z } from 'zod';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { notifyAdministrators } from '../core/outbox.ts';
import { transaction, type Tx } from '../core/transaction.ts';
import { domainOf } from '../email.ts';
import { createEnvironmentIn } from '../environments/create-environment.ts';
import { isPublicDomain } from '../environments/public-domains.ts';
import { AppError, isAppError } from '../errors.ts';
import { nameText, optionalText, parseInput, issue } from '../input.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { hashPassword } from '../secrets.ts';
import { findUsableVerification } from './find-usable-verification.ts';

const input = z.object({
  token: z.string({ error: issue('rights.registration.openLinkAgain') }),
  name: nameText('rights.what.yourName', 100),
  password: z.string({ error: issue('rights.input.choosePassword') }),
  /** the company's name, for a new environment; empty: the default (defaultEnvironmentName) */
  environmentName: optionalText('rights.what.companyName', 100),
});

export type CompleteRegistrationInput = z.input<typeof input>;

export type RegistrationOutcome = 'joined' | 'new_environment' | 'new_environment_public_domain';

export async function completeRegistration(deps: RightsDeps, raw: CompleteRegistrationInput) {
  const data = parseInput(input, raw);
  // Check the link before the (deliberately slow) password hash, so a dead link answers at once.
  const preview = await findUsableVerification(deps.prisma, deps, data.token);
  await checkPasswordStrength(data.password, [preview.email, data.name, ...(data.environmentName ? [data.environmentName] : [])]);
  const passwordHash = await hashPassword(data.password);
  // Two people of one new domain registering at once: the second insert of the EnvironmentDomain row
  // (its primary key) fails and the whole transaction rolls back; transaction() retries a unique
  // violation, and the retry finds the domain owned and joins that environment instead of creating
  // a second one.
  return transaction(deps, (tx) => register(tx, deps, data, passwordHash));
}

async function register(tx: Tx, deps: RightsDeps, data: { token: string; name: string; environmentName?: string | null }, passwordHash: string) {
  const v = await findUsableVerification(tx, deps, data.token);
  // Single use even when two tabs submit at once: only one update finds it unused.
  const claimed = await tx.emailVerification.updateMany({ where: { id: v.id, usedAt: null }, data: { usedAt: nowOf(deps) } });
  if (claimed.count !== 1) throw new AppError('verification_invalid', 'rights.registration.used');
  if (await tx.user.findUnique({ where: { email: v.email }, select: { id: true } })) {
    throw new AppError('already_exists', 'rights.registration.hasAccount', {}, 'email');
  }
  const domain = domainOf(v.email);
  const environmentName = data.environmentName ?? undefined;
  if (isPublicDomain(domain, deps.options.extraPublicDomains)) {
    const created = await createEnvironmentIn(tx, deps, { email: v.email, name: data.name, environmentName, passwordHash, locale: v.locale, claimDomain: false });
    return { outcome: 'new_environment_public_domain' as RegistrationOutcome, user: created.user, environment: created.environment };
  }
  const ownerOf = () => tx.environmentDomain.findUnique({ where: { domain }, select: { environment: { select: { id: true, name: true } } } });
  let owned = await ownerOf();
  if (!owned) {
    try {
      const created = await createEnvironmentIn(tx, deps, { email: v.email, name: data.name, environmentName, passwordHash, locale: v.locale, claimDomain: true });
      return { outcome: 'new_environment' as RegistrationOutcome, user: created.user, environment: created.environment };
    } catch (err) {
      // A colleague's registration claimed the domain (and committed) since our look-up: join it.
      if (!isAppError(err) || err.code !== 'already_exists') throw err;
      owned = await ownerOf();
      if (!owned) throw err;
    }
  }
  const environment = owned.environment;
  const user = await tx.user.create({
    data: {
      environmentId: environment.id,
      email: v.email,
      name: data.name,
      role: 'BASIC',
      status: 'ACTIVE',
      passwordHash,
      activatedAt: nowOf(deps),
    },
    select: { id: true, email: true, name: true, role: true, status: true, environmentId: true },
  });
  const event = await audit(tx, {
    environmentId: environment.id,
    actor: { userId: user.id },
    action: 'user.auto_joined',
    targetType: 'user',
    targetId: user.id,
    details: { email: user.email, domain },
  });
  const administratorsTold = await notifyAdministrators(tx, environment.id, `auto-join:${event.id}`, 'user.auto_joined', {
    userId: user.id,
    userName: user.name,
    email: user.email,
    environmentName: environment.name,
  });
  return { outcome: 'joined' as RegistrationOutcome, user, environment: { ...environment, domain }, administratorsTold };
}
