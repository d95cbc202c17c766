// The rights service: every use case the surfaces (Slack, web, API) may call.
export { activateAccount } from './activate-account.ts';
export { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
export { authorize, type AuthorizeInput, type AuthorizeResult } from './authorize.ts';
export type { Actor } from './core/actor.ts';
export { defaultOptions, type RightsDeps, type RightsOptions } from './core/deps.ts';
export { createEnvironment } from './create-environment.ts';
export { createOrganisation } from './create-organisation.ts';
export { getOrganisation, getUser, listMembers, listOrganisations, listPendingInvitations, listUsers, readAudit } from './directory.ts';
export { AppError, isAppError, type ErrorCode } from './errors.ts';
export { describeInvitation } from './find-invitation.ts';
export { findUserByEmail, linkSlackUser, resolveOrganisation, resolveUser, setNotificationChannel } from './identity.ts';
export { inviteUser } from './invite-user.ts';
export { addMember, removeMember, setMemberRole } from './members.ts';
export { allActions, decide, type Action, type Decision } from './policy.ts';
export { claimOnce } from './core/claim-once.ts';
// For the outbox worker, which reports a failed delivery in the same transaction that marks it failed.
export { enqueue, notifyAdministrators } from './core/outbox.ts';
export type { Tx } from './core/transaction.ts';
export { sweepExpired } from './sweep-expired.ts';
export { resendInvitation } from './resend-invitation.ts';
export { revokeInvitation } from './revoke-invitation.ts';
export { setRole } from './set-role.ts';
export { updateOrganisation } from './update-organisation.ts';
export { blockUser, removeUser, unblockUser } from './user-status.ts';
export { completeRegistration, describeRegistration, type RegistrationOutcome } from './complete-registration.ts';
export { login } from './login.ts';
export { createSession, describeAccount, endSession, findSessionUser } from './sessions.ts';
export { startRegistration } from './start-registration.ts';
