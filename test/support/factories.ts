// Builds environments, users and organisations through the rights service itself.
import { randomBytes } from 'node:crypto';
import {
  activateAccount, addMember, createEnvironment, createOrganisation, inviteUser, setRole,
  type Actor, type RightsDeps,
} from '../../src/rights/index.ts';

export const uniqueDomain = () => `co${randomBytes(4).toString('hex')}.nl`;
export const strongPassword = 'correct horse battery staple 42';

export async function newEnvironment(deps: RightsDeps, opts: { domain?: string; name?: string } = {}) {
  const domain = opts.domain ?? uniqueDomain();
  const { environment, user } = await createEnvironment(deps, { email: `admin@${domain}`, name: opts.name ?? 'Anna Admin' });
  const admin: Actor = { userId: user.id };
  return { environment, domain, admin, adminUser: user };
}

/** Invites and activates someone, the way a person would (token from the queued email). */
export async function newActiveUser(
  deps: RightsDeps,
  admin: Actor,
  email: string,
  role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR' = 'BASIC',
  name = 'Test User',
) {
  const invited = await inviteUser(deps, admin, { email, role });
  const token = await latestInvitationToken(deps, invited.user.email);
  await activateAccount(deps, { token, name, password: strongPassword });
  return { userId: invited.user.id, email: invited.user.email, actor: { userId: invited.user.id } as Actor };
}

/** The activation token from the newest queued invitation email to `email`. */
export async function latestInvitationToken(deps: RightsDeps, email: string): Promise<string> {
  const msg = await deps.prisma.outboxMessage.findFirst({
    where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } },
    orderBy: { createdAt: 'desc' },
  });
  const link = (msg?.payload as { data?: { link?: string } } | undefined)?.data?.link;
  if (!link) throw new Error(`no invitation email queued for ${email}`);
  return new URL(link).searchParams.get('token')!;
}

export async function newOrganisation(deps: RightsDeps, admin: Actor, name = `Org ${randomBytes(3).toString('hex')}`) {
  const { organisation } = await createOrganisation(deps, admin, { name });
  return organisation;
}

export { addMember, setRole };
