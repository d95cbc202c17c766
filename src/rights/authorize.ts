// "May user U do A on organisation O?" for other systems and for the surfaces. One indexed lookup:
// the user with at most one membership row, joined in the same query.
import { z } from 'zod';
import type { RightsDeps } from './context.ts';
import { normaliseEmail } from './email.ts';
import { AppError } from './errors.ts';
import { parseInput } from './input.ts';
import { allActions, decide, environmentActions, type Action, type Decision } from './policy.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const input = z.object({
  /** a user id or an email address */
  user: z.string({ error: 'Say which user: an id or an email address.' }).min(1).max(320),
  action: z.enum(allActions as [Action, ...Action[]], { error: `Unknown action. Use one of: ${allActions.join(', ')}.` }),
  organisationId: z.string().regex(uuid, 'organisationId must be an organisation id.').optional(),
});

export type AuthorizeInput = z.input<typeof input>;

export interface AuthorizeResult extends Decision {
  userId: string | null;
  action: Action;
  organisationId: string | null;
}

/**
 * `environmentId`, when given, limits the question to one environment (an API token's): a user or an
 * organisation of another environment is simply denied.
 */
export async function authorize(deps: RightsDeps, raw: AuthorizeInput, environmentId?: string): Promise<AuthorizeResult> {
  const data = parseInput(input, raw);
  const needsOrg = !(environmentActions as readonly string[]).includes(data.action) && data.action !== 'directory:read';
  if (needsOrg && !data.organisationId) {
    throw new AppError('invalid_input', `The action ${data.action} is about an organisation: give organisationId.`, 'organisationId');
  }
  const byId = uuid.test(data.user);
  const email = byId ? null : normaliseEmail(data.user);
  if (!byId && !email) throw new AppError('invalid_input', 'user must be a user id or a valid email address.', 'user');
  const user = await deps.prisma.user.findUnique({
    where: byId ? { id: data.user } : { email: email! },
    select: {
      id: true, status: true, role: true, environmentId: true,
      ...(needsOrg ? { memberships: { where: { organisationId: data.organisationId! }, select: { role: true, organisation: { select: { environmentId: true } } } } } : {}),
    },
  });
  const base = { action: data.action, organisationId: data.organisationId ?? null };
  if (!user || (environmentId && user.environmentId !== environmentId)) {
    return { ...base, userId: null, allowed: false, reason: 'unknown user' };
  }
  const membership = needsOrg ? (user as { memberships?: { role: 'MEMBER' | 'ADMINISTRATOR' }[] }).memberships?.[0]?.role ?? null : undefined;
  const decision = decide(user, data.action, membership);
  if (decision.allowed && needsOrg && membership === null && user.role === 'ADMINISTRATOR') {
    // An environment Administrator acting on an organisation: it must be in their environment.
    const org = await deps.prisma.organisation.findUnique({ where: { id: data.organisationId! }, select: { environmentId: true } });
    if (!org || org.environmentId !== user.environmentId) return { ...base, userId: user.id, allowed: false, reason: 'unknown organisation' };
  }
  return { ...base, userId: user.id, ...decision };
}
