// A new environment with its first Administrator (rule 7: the registering person; also the operator's
// bootstrap). The optional domain is attached only when it is not a public mail domain.
import { z } from 'zod';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction, type Tx } from '../core/transaction.ts';
import { domainOf, emailSchema } from '../email.ts';
import { AppError } from '../errors.ts';
import { nameText, parseInput } from '../input.ts';
import { hashPassword } from '../secrets.ts';
import { defaultEnvironmentName } from './default-name.ts';
import { isPublicDomain } from './public-domains.ts';

const input = z.object({
  email: emailSchema,
  name: nameText('rights.what.yourName', 100),
  environmentName: nameText('rights.what.environmentName', 100).optional(),
  password: z.string().optional(),
  locale: z.enum(['en', 'nl']).default('en'),
  /** attach the email's domain to the environment (skipped for public domains) */
  claimDomain: z.boolean().default(true),
});

export type CreateEnvironmentInput = z.input<typeof input>;

export async function createEnvironment(deps: RightsDeps, raw: CreateEnvironmentInput) {
  const data = parseInput(input, raw);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return transaction(deps, (tx) => createEnvironmentIn(tx, deps, { ...data, passwordHash }));
}

export async function createEnvironmentIn(
  tx: Tx,
  deps: RightsDeps,
  data: { email: string; name: string; environmentName?: string; passwordHash: string | null; locale: string; claimDomain: boolean },
) {
  const domain = domainOf(data.email);
  const claim = data.claimDomain && !isPublicDomain(domain, deps.options.extraPublicDomains);
  if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError('already_exists', 'rights.registration.hasAccount', {}, 'email');
  }
  if (claim && (await tx.environmentDomain.findUnique({ where: { domain } }))) {
    throw new AppError('already_exists', 'rights.registration.domainTaken', { domain }, 'email');
  }
  const environment = await tx.environment.create({
    data: {
      name: data.environmentName ?? defaultEnvironmentName({ domain: claim ? domain : null, personName: data.name, locale: data.locale }),
      locale: data.locale,
      ...(claim ? { domains: { create: { domain } } } : {}),
    },
  });
  const user = await tx.user.create({
    data: {
      environmentId: environment.id,
      email: data.email,
      name: data.name,
      role: 'ADMINISTRATOR',
      status: 'ACTIVE',
      passwordHash: data.passwordHash,
      activatedAt: nowOf(deps),
    },
    select: { id: true, email: true, name: true, role: true, status: true, environmentId: true },
  });
  await audit(tx, {
    environmentId: environment.id,
    actor: { userId: user.id },
    action: 'environment.created',
    targetType: 'environment',
    targetId: environment.id,
    details: { domain: claim ? domain : null, firstAdministrator: user.email },
  });
  return { environment: { id: environment.id, name: environment.name, domain: claim ? domain : null }, user };
}
