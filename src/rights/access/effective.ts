// Rights as they are at an instant: a role or a membership whose end has come no longer counts, from
// that very instant, whether or not the sweep (end-expired-access.ts) has written it down yet.
import type { EnvironmentRole, OrganisationRole } from '../../generated/prisma/enums.ts';
import { ended } from './until.ts';

export interface EndingRole {
  role: EnvironmentRole;
  roleUntil?: Date | null;
  roleBefore?: EnvironmentRole | null;
}

/** The environment role at `now`: the role before it once its end has come. */
export const effectiveRole = (u: EndingRole, now: Date): EnvironmentRole => (ended(u.roleUntil, now) ? (u.roleBefore ?? 'BASIC') : u.role);

/** The organisation role at `now`: none once the membership's end has come. */
export const effectiveMembership = <R extends OrganisationRole | null | undefined>(role: R, until: Date | null | undefined, now: Date): R | null =>
  role && ended(until, now) ? null : role;

/** The earliest end still to come among `ends`, or null: what an answer about them is bound to. */
export function nextEnd(now: Date, ...ends: (Date | null | undefined)[]): Date | null {
  let next: Date | null = null;
  for (const end of ends) if (end && end.getTime() > now.getTime() && (!next || end < next)) next = end;
  return next;
}
