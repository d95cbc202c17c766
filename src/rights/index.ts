// The rights service: every use case the surfaces (Slack, web, API) may call, and all they import
// from it. One use case per file, in a folder per domain, over core/ (what every use case runs on).
// "Rule N" in comments and tests is rule N of docs/rules.md.
export { defaultOptions, type RightsChanges, type RightsDeps, type RightsOptions } from './core/deps.ts';
export { forbidden, type Actor } from './core/actor.ts';
export { AppError, isAppError, type ErrorCode, type ErrorValues, type RightsKey } from './errors.ts';
export { allActions, decide, type Action, type Decision } from './policy.ts';
export { authorize, type AuthorizeInput, type AuthorizeResult } from './authorization/authorize.ts';
export { decisionCache, type DecisionCacheStats } from './authorization/decision-cache.ts';
export { nowOf } from './core/clock.ts';

export { createEnvironment } from './environments/create-environment.ts';
export { setNotificationChannel } from './environments/set-notification-channel.ts';
export { readAudit } from './environments/read-audit.ts';
export { renameEnvironment } from './environments/rename-environment.ts';
export { setEnvironmentLanguage } from './environments/set-environment-language.ts';
export { describeEnvironment } from './environments/describe-environment.ts';
export { defaultEnvironmentName } from './environments/default-name.ts';

export { listUsers } from './users/list-users.ts';
export { getUser } from './users/get-user.ts';
export { resolveUser } from './users/resolve-user.ts';
export { searchUsers } from './users/search-users.ts';
export { checkNotificationButtons } from './environments/notification-buttons.ts';
export { setRole } from './users/set-role.ts';
export { endExpiredAccess, REMINDER_BEFORE_MS } from './access/end-expired-access.ts';
export { extendAccess, EXTEND_DAYS, type ExtendResult } from './access/extend-access.ts';
export { endOfAmsterdamDay, lastDay, parseEndDate } from './access/until.ts';
export { blockUser } from './users/block-user.ts';
export { unblockUser } from './users/unblock-user.ts';
export { removeUser } from './users/remove-user.ts';
export { describeAccount } from './users/describe-account.ts';

export { inviteUser } from './invitations/invite-user.ts';
export { resendInvitation } from './invitations/resend-invitation.ts';
export { revokeInvitation } from './invitations/revoke-invitation.ts';
export { listPendingInvitations } from './invitations/list-pending-invitations.ts';
export { describeInvitation } from './invitations/describe-invitation.ts';
export { activateAccount } from './invitations/activate-account.ts';
export { prepareBulkInvitation, inviteBatch, inviteListed, inviterLanguage, organisationKey, type BulkOutcome } from './invitations/bulk-invite.ts';
export { normaliseEmail } from './email.ts';

export { createOrganisation } from './organisations/create-organisation.ts';
export { updateOrganisation } from './organisations/update-organisation.ts';
export { listOrganisations } from './organisations/list-organisations.ts';
export { getOrganisation } from './organisations/get-organisation.ts';
export { resolveOrganisation } from './organisations/resolve-organisation.ts';

export { addMember } from './members/add-member.ts';
export { setMemberRole } from './members/set-member-role.ts';
export { removeMember } from './members/remove-member.ts';
export { listMembers } from './members/list-members.ts';

export { startRegistration } from './registration/start-registration.ts';
export { describeRegistration } from './registration/describe-registration.ts';
export { completeRegistration, type RegistrationOutcome } from './registration/complete-registration.ts';

export { login } from './sessions/login.ts';
export { createSession } from './sessions/create-session.ts';
export { findSessionUser } from './sessions/find-session-user.ts';
export { endSession } from './sessions/end-session.ts';
export { listSessions } from './sessions/list-sessions.ts';
export { endOtherSessions } from './sessions/end-other-sessions.ts';

export { changeName } from './account/change-name.ts';
export { changePassword } from './account/change-password.ts';
export { setLanguage } from './account/set-language.ts';

export { requestPasswordReset, type PasswordResetRequest } from './passwords/request-password-reset.ts';
export { describePasswordReset } from './passwords/describe-password-reset.ts';
export { completePasswordReset } from './passwords/complete-password-reset.ts';

export { findUserByEmail } from './identity/find-user-by-email.ts';
export { linkSlackUser } from './identity/link-slack-user.ts';

export { createApiToken } from './api-tokens/create-api-token.ts';
export { listApiTokens } from './api-tokens/list-api-tokens.ts';
export { revokeApiToken } from './api-tokens/revoke-api-token.ts';
export { authenticateApiToken } from './api-tokens/authenticate-api-token.ts';

export { sweepExpired } from './housekeeping/sweep-expired.ts';

// For the outbox worker, which reports a failed delivery in the same transaction that marks it failed.
export { enqueue, queueSlackWork, notifyAdministrators, slackRecipients, WAITING_SUFFIX, type AdministratorsTold } from './core/outbox.ts';
export type { Tx } from './core/transaction.ts';

// The environment's Slack workspace (distribution mode: "Add to Slack"; see the README's Slack section).
export { startSlackInstall, SLACK_INSTALL_STATE_TTL_MS } from './slack-workspaces/start-slack-install.ts';
export { useSlackInstallState, checkSlackInstallGrant, type SlackInstallGrant } from './slack-workspaces/use-slack-install-state.ts';
export { bindSlackWorkspace, WorkspaceRefusal, type SlackInstallationInput, type BindOutcome } from './slack-workspaces/bind-slack-workspace.ts';
export { unbindSlackWorkspace, type UnbindReason } from './slack-workspaces/unbind-slack-workspace.ts';
export { findSlackInstallation, findWorkspaceEnvironment, refreshSlackInstallation, type SealedTokens } from './slack-workspaces/find-slack-installation.ts';

// The App Home in Slack: what it shows, and who has one open (src/slack/home).
export { describeHome, HOME_PAGE_SIZE, HOME_MEMBERS_SHOWN, type HomeData } from './home/describe-home.ts';
export { rememberHomeView, setHomePage, homeViewersAffectedBy, invitationHomeViewers, claimHomePublish, markHomePublished, type HomeViewer, type HomeClaim } from './home/home-views.ts';
export { describeHomeStranger } from './home/describe-stranger.ts';
