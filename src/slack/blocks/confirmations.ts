// What the channel reads after a change: one sentence per result, whether the change came from a
// subcommand, a modal or a button. Each names who did it (a mention) and to whom, with every typed
// value escaped.
import type { EnvironmentRole, OrganisationRole } from '../../i18n/labels.ts';
import { environmentRoleLabel, organisationRoleLabel } from './labels.ts';
import { strong, userText } from './text.ts';

interface Person {
  email: string;
  name?: string | null;
}

const mention = (slackUserId: string) => `<@${slackUserId}>`;
/** A person by name when they have one, in bold. */
const person = (u: Person) => strong(u.name ?? u.email);
/** A person by address, in bold: invitations are about an address, not yet a person. */
const address = (u: Person) => strong(u.email);
const day = (iso: string) => iso.slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function userInvited(by: string, user: Person & { role: EnvironmentRole }, expiresAt: string, organisationsToJoin = 0): string {
  const orgs = organisationsToJoin ? ` and ${plural(organisationsToJoin, 'organisation')} to join on activation` : '';
  return `${mention(by)} invited ${address(user)} as ${environmentRoleLabel(user.role)}${orgs}. The activation link works until ${day(expiresAt)}.`;
}

export const invitationResent = (by: string, user: Person, expiresAt: string) =>
  `${mention(by)} sent ${address(user)} a new activation link (older links no longer work). It works until ${day(expiresAt)}.`;

export const invitationRevoked = (by: string, user: Person) => `${mention(by)} revoked the invitation of ${address(user)}; their links no longer work.`;

export const roleChanged = (by: string, user: Person, role: EnvironmentRole, previousRole: EnvironmentRole) =>
  `${mention(by)} made ${person(user)} ${environmentRoleLabel(role)} (was ${environmentRoleLabel(previousRole)}).`;

/** A role change that found the role already set, in the channel (modal, button). */
export const roleUnchanged = (by: string, user: Person, role: EnvironmentRole) =>
  `${mention(by)} checked ${person(user)}: already ${environmentRoleLabel(role)}, nothing changed.`;

/** The same, answered only to the caller of a subcommand: nothing happened for the channel to see. */
export const roleUnchangedToCaller = (user: Person, role: EnvironmentRole) => `${userText(user.email)} already is ${environmentRoleLabel(role)}; nothing changed.`;

export const userBlocked = (by: string, user: Person) => `${mention(by)} blocked ${person(user)}.`;
export const userUnblocked = (by: string, user: Person) => `${mention(by)} unblocked ${person(user)}.`;
export const userRemoved = (by: string, user: Person) => `${mention(by)} removed ${person(user)} from the environment.`;

export const organisationCreated = (by: string, organisation: { name: string }) =>
  `${mention(by)} created the organisation ${strong(organisation.name)} and is its organisation administrator.`;

/** `changed` names the details that changed, as the rights service reports them. */
export function organisationSaved(by: string, organisation: { name: string }, changed: string[]): string {
  if (changed.length === 0) return `${mention(by)} saved ${strong(organisation.name)} without changes.`;
  return `${mention(by)} changed ${changed.join(', ')} of ${strong(organisation.name)}.`;
}

export const memberAdded = (by: string, user: Person, organisation: { name: string }, role: OrganisationRole) =>
  `${mention(by)} added ${person(user)} to ${strong(organisation.name)} as ${organisationRoleLabel(role)}.`;

export const memberRemoved = (by: string, user: Person, organisation: { name: string }) =>
  `${mention(by)} removed ${person(user)} from ${strong(organisation.name)}. They stay in the environment.`;

export const notificationChannelChosen = (by: string) =>
  `${mention(by)} chose this channel for eConnect notifications: activations of invited users and people joining through the environment's mail domain.`;

export const apiTokenCreated = (by: string, token: { name: string }) => `${mention(by)} created the rights API token ${strong(token.name)}.`;
export const apiTokenRevoked = (by: string, token: { name: string }) => `${mention(by)} revoked the rights API token ${strong(token.name)}.`;
