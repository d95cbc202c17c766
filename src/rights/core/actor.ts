// Who asks, and whether they may: the acting user is loaded in the change's transaction and the
// policy decides (policy.ts is the only place that does).
import type { OrganisationRole } from '../../generated/prisma/enums.ts';
import { effectiveMembership, effectiveRole } from '../access/effective.ts';
import { changeNow } from './clock.ts';
import { AppError, phrase } from '../errors.ts';
import { decide, type Action, type Decision } from '../policy.ts';
import type { RightsDeps } from './deps.ts';
import type { Tx } from './transaction.ts';

/** Who asks: an environment user, and where the request came from. */
export interface Actor {
  userId: string;
  slackUserId?: string;
  requestId?: string;
}

export interface ActingUser {
  id: string;
  environmentId: string;
  email: string;
  name: string | null;
  role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR';
  status: 'INVITED' | 'ACTIVE' | 'BLOCKED' | 'REMOVED';
}

const actingSelect = { id: true, environmentId: true, email: true, name: true, role: true, status: true, roleUntil: true, roleBefore: true } as const;

/** Loads the actor and checks `action`; throws forbidden with the policy's reason. */
export async function requireActor(
  tx: Tx,
  actor: Actor,
  action: Action,
  membership?: { organisationId: string },
): Promise<ActingUser> {
  const found = await tx.user.findUnique({ where: { id: actor.userId }, select: actingSelect });
  if (!found) throw new AppError('not_authenticated', 'rights.account.notFound');
  // Rights as they are now: a role or membership whose end has come counts no more (src/rights/access).
  const now = changeNow();
  const { roleUntil: _until, roleBefore: _before, ...rest } = found;
  const user: ActingUser = { ...rest, role: effectiveRole(found, now) };
  let orgRole: OrganisationRole | null | undefined;
  if (membership) {
    const m = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: user.id, organisationId: membership.organisationId } },
      select: { role: true, until: true },
    });
    orgRole = effectiveMembership(m?.role ?? null, m?.until, now);
  }
  const decision = decide(user, action, orgRole);
  if (!decision.allowed) throw forbidden(decision, action);
  return user;
}

export function forbidden(decision: Decision, action: Action): AppError {
  const action_ = phrase(`rights.action.${action}`);
  const reason = decision.reasonKey;
  return reason ? new AppError('forbidden', 'rights.forbidden', { action: action_, reason: phrase(reason) }) : new AppError('forbidden', 'rights.forbidden.plain', { action: action_ });
}

/** The actor's environment; an unknown actor is an AppError, not a raw database error. */
export async function actorEnvironment(deps: RightsDeps, actor: Actor) {
  const me = await deps.prisma.user.findUnique({ where: { id: actor.userId }, select: { environmentId: true } });
  if (!me) throw new AppError('not_authenticated', 'rights.account.notFound');
  return me;
}
