// Rule 1 and 9: an Administrator blocks a user: no rights, no login, until unblocked.
import type { Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { changeUserStatus, type UserStatusInput } from './change-user-status.ts';

export const blockUser = (deps: RightsDeps, actor: Actor, raw: UserStatusInput) =>
  changeUserStatus(deps, actor, raw, { verb: 'block', done: 'blocked', action: 'user:block', event: 'user.blocked', from: ['ACTIVE'], to: 'BLOCKED' });
