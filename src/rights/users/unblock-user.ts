// Rule 1: an Administrator unblocks a user, who gets back the role and memberships they had.
import type { Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { changeUserStatus, type UserStatusInput } from './change-user-status.ts';

export const unblockUser = (deps: RightsDeps, actor: Actor, raw: UserStatusInput) =>
  changeUserStatus(deps, actor, raw, { verb: 'unblock', done: 'unblocked', action: 'user:unblock', event: 'user.unblocked', from: ['BLOCKED'], to: 'ACTIVE' });
