// The rights service: every use case the surfaces (Slack, web, API) may call.
export { activateAccount } from './activate-account.ts';
export { authenticateApiToken, createApiToken, revokeApiToken } from './api-tokens.ts';
export { authorize, type AuthorizeInput, type AuthorizeResult } from './authorize.ts';
export { defaultOptions, type Actor, type RightsDeps, type RightsOptions } from './context.ts';
export { createEnvironment } from './create-environment.ts';
export { createOrganisation } from './create-organisation.ts';
export { getOrganisation, getUser, listMembers, listOrganisations, listPendingInvitations, listUsers, readAudit } from './directory.ts';
export { AppError, isAppError, type ErrorCode } from './errors.ts';
export { describeInvitation } from './find-invitation.ts';
export { findActiveUserByEmail, linkSlackUser, resolveOrganisation, resolveUser, setNotificationChannel } from './identity.ts';
export { inviteUser } from './invite-user.ts';
export { addMember, removeMember, setMemberRole } from './members.ts';
export { allActions, decide, type Action, type Decision } from './policy.ts';
export { resendInvitation } from './resend-invitation.ts';
export { revokeInvitation } from './revoke-invitation.ts';
export { setRole } from './set-role.ts';
export { updateOrganisation } from './update-organisation.ts';
export { blockUser, removeUser, unblockUser } from './user-status.ts';
