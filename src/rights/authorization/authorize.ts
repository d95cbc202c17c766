// "May user U do A on organisation O?" for other systems and for the surfaces: the policy's answer
// (policy.ts) about the user as they are now, with the reason.
import { z } from 'zod';
import type { RightsDeps } from '../core/deps.ts';
import { normaliseEmail } from '../email.ts';
import { AppError } from '../errors.ts';
import { parseInput, issue } from '../input.ts';
import { allActions, decide, environmentActions, type Action, type Decision } from '../policy.ts';
import { nowOf } from '../core/clock.ts';
import { effectiveMembership, effectiveRole, nextEnd } from '../access/effective.ts';
import { decisionCache } from './decision-cache.ts';
import { lookUpForDecision, type DecisionRow } from './decision-batch.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const input = z.object({
  /** a user id or an email address */
  user: z.string({ error: issue('rights.api.sayUser') }).min(1).max(320),
  action: z.enum(allActions as [Action, ...Action[]], { error: issue('rights.api.unknownAction', { actions: allActions.join(', ') }) }),
  organisationId: z.string().regex(uuid, issue('rights.api.badOrganisation')).optional(),
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
    throw new AppError('invalid_input', 'rights.api.needsOrganisation', { action: data.action }, 'organisationId');
  }
  const byId = uuid.test(data.user);
  const email = byId ? null : normaliseEmail(data.user);
  if (!byId && !email) throw new AppError('invalid_input', 'rights.api.badUser', {}, 'user');
  const organisationId = needsOrg ? data.organisationId! : null;
  const now = nowOf(deps);
  const user = await lookUp(deps, byId ? data.user : null, email, organisationId, now);
  const base = { action: data.action, organisationId: data.organisationId ?? null };
  if (!user || (environmentId && user.environmentId !== environmentId)) {
    return { ...base, userId: null, allowed: false, reason: 'unknown user' };
  }
  // Access given until a date is refused from the instant it ends, not from the sweep that writes it down.
  const membership = needsOrg ? effectiveMembership(user.organisationRole, user.membershipUntil, now) : undefined;
  const decision = decide({ status: user.status, role: effectiveRole(user, now) }, data.action, membership);
  if (decision.allowed && needsOrg && user.organisationEnvironmentId !== user.environmentId) {
    // An environment Administrator acting on an organisation: it must be in their environment.
    return { ...base, userId: user.id, allowed: false, reason: 'unknown organisation' };
  }
  return { ...base, userId: user.id, ...decision };
}

/** The user and their membership, from the process's cache while the database's change feed is live (decision-cache.ts). */
async function lookUp(deps: RightsDeps, userId: string | null, email: string | null, organisationId: string | null, at: Date): Promise<DecisionRow | undefined> {
  const cache = decisionCache(deps.changes);
  if (!cache?.live()) {
    if (cache) cache.counts.bypassed++;
    return lookUpForDecision(deps.prisma, userId, email, organisationId);
  }
  const key = `${userId ?? ''}|${email ?? ''}|${organisationId ?? ''}`;
  const now = at.getTime();
  const hit = cache.get(key, now);
  if (hit) {
    cache.counts.hits++;
    return hit.row;
  }
  cache.counts.misses++;
  const generation = cache.generation;
  const row = await lookUpForDecision(deps.prisma, userId, email, organisationId);
  // The entry ends no later than the earliest end of access the answer depends on.
  const endsAt = row ? nextEnd(at, row.roleUntil, row.membershipUntil)?.getTime() : undefined;
  cache.set(key, row, generation, now, { userId, email }, endsAt);
  return row;
}
