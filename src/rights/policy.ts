// Who may do what, as pure functions of the acting user's state. Rules 1-3 and 9 of docs/rules.md.
import type { MessageKey } from '../i18n/catalogue.ts';
import type { EnvironmentRole, OrganisationRole, UserStatus } from '../generated/prisma/enums.ts';

/** Changes and reads inside an environment, decided by the environment role alone (rule 1). */
export const environmentActions = [
  'user:invite',
  'user:set-role',
  'user:block',
  'user:unblock',
  'user:remove',
  'invitation:resend',
  'invitation:revoke',
  'organisation:create',
  'organisation:update',
  'environment:configure',
  'audit:read',
] as const;

/** Managing the members of one organisation (rule 2). */
export const memberActions = ['member:add', 'member:set-role', 'member:remove', 'member:list'] as const;

/** Working with an organisation's documents (rule 3). */
export const documentActions = ['document:view', 'document:create', 'document:send'] as const;

/** Looking people and organisations up in the environment. */
export const directoryActions = ['directory:read'] as const;

/** A person's own account: their name, password, language and sessions. */
export const accountActions = ['account:update'] as const;

export type EnvironmentAction = (typeof environmentActions)[number];
export type MemberAction = (typeof memberActions)[number];
export type DocumentAction = (typeof documentActions)[number];
export type DirectoryAction = (typeof directoryActions)[number];
export type AccountAction = (typeof accountActions)[number];
export type Action = EnvironmentAction | MemberAction | DocumentAction | DirectoryAction | AccountAction;

export const allActions: readonly Action[] = [...environmentActions, ...memberActions, ...documentActions, ...directoryActions, ...accountActions];


export interface Subject {
  status: UserStatus;
  role: EnvironmentRole;
}

export interface Decision {
  allowed: boolean;
  /** in English, for the rights API and the audit trail */
  reason: string;
  /** a refusal's reason in the message catalogue, for the person refused */
  reasonKey?: Extract<MessageKey, `rights.reason.${string}`>;
}

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string, reasonKey?: Decision['reasonKey']): Decision => ({ allowed: false, reason, reasonKey });

function statusDenial(subject: Subject): Decision | null {
  switch (subject.status) {
    case 'ACTIVE':
      return null;
    case 'INVITED':
      return deny('the user has not activated their account yet', 'rights.reason.notActivated');
    case 'BLOCKED':
      return deny('the user is blocked', 'rights.reason.blocked');
    case 'REMOVED':
      return deny('the user was removed from the environment', 'rights.reason.removed');
  }
}

/**
 * Decides `action` for `subject`. `membership` is the subject's role in the organisation the action
 * is about (null when not a member, undefined when the action is not about an organisation).
 */
export function decide(subject: Subject, action: Action, membership?: OrganisationRole | null): Decision {
  const denied = statusDenial(subject);
  if (denied) return denied;
  if ((environmentActions as readonly string[]).includes(action)) {
    return subject.role === 'ADMINISTRATOR'
      ? allow('environment administrator')
      : deny('only an environment administrator may do this', 'rights.reason.administratorOnly');
  }
  if ((memberActions as readonly string[]).includes(action)) {
    if (subject.role === 'ADMINISTRATOR') return allow('environment administrator');
    if (membership === 'ADMINISTRATOR') return allow('organisation administrator');
    return deny('only an administrator of this organisation or of the environment may manage its members', 'rights.reason.organisationAdministratorOnly');
  }
  if ((documentActions as readonly string[]).includes(action)) {
    if (membership === 'ADMINISTRATOR' || membership === 'MEMBER') return allow(`member of the organisation (${membership.toLowerCase()})`);
    return deny('only members of the organisation may work with its documents', 'rights.reason.membersOnly');
  }
  if (action === 'directory:read') {
    return subject.role === 'BASIC'
      ? deny('basic users may only see their own account', 'rights.reason.basicOwnAccount')
      : allow(subject.role === 'ADMINISTRATOR' ? 'environment administrator' : 'advanced user');
  }
  if (action === 'account:update') return allow('their own account');
  return deny('unknown action');
}

/**
 * How far someone may look into the directory of their environment (who the people and organisations
 * are). Advanced users and administrators browse it all. An organisation administrator with the
 * Basic role may pick a person by their full email address (to add them), nothing more. Anyone else
 * sees only their own account and organisations. Inactive users see nothing.
 */
export type DirectoryReach = 'all' | 'by-address' | 'self' | 'none';

export function directoryReach(subject: Subject, administersAnOrganisation: boolean): DirectoryReach {
  if (statusDenial(subject)) return 'none';
  if (decide(subject, 'directory:read').allowed) return 'all';
  return administersAnOrganisation ? 'by-address' : 'self';
}

/** Which organisations someone may see: all of the environment, or only the ones they belong to. */
export const organisationReach = (subject: Subject): 'all' | 'own' | 'none' =>
  statusDenial(subject) ? 'none' : decide(subject, 'directory:read').allowed ? 'all' : 'own';

/** Who may act on the buttons of a notification (add to organisation, make administrator, block): environment administrators. */
export function decideNotificationButtons(subject: Subject): Decision {
  const denied = statusDenial(subject);
  if (denied) return denied;
  return subject.role === 'ADMINISTRATOR' ? allow('environment administrator') : deny('only an environment administrator acts on notifications', 'rights.reason.notificationsAdministratorOnly');
}
