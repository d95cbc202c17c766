// What the channel reads after a change: one sentence per result, whether the change came from a
// subcommand, a modal or a button, in the environment's language. Each names who did it (a mention)
// and to whom, with every typed value escaped.
import { translator, type Locale, type Translate } from '../../i18n/catalogue.ts';
import type { EnvironmentRole, OrganisationRole } from '../../i18n/labels.ts';
import { environmentRoleWord, organisationRoleLabel } from './labels.ts';
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

/** The confirmations in one language: the channel's (its environment's). */
export function confirmationsIn(t: Translate) {
  return {
    userInvited(by: string, user: Person & { role: EnvironmentRole }, expiresAt: string, organisationsToJoin = 0): string {
      const organisations = organisationsToJoin ? t('slack.confirm.invited.organisations', { count: organisationsToJoin }) : '';
      return t('slack.confirm.invited', { by: mention(by), email: address(user), role: environmentRoleWord(t, user.role), organisations, date: day(expiresAt) });
    },
    invitationResent: (by: string, user: Person, expiresAt: string) => t('slack.confirm.resent', { by: mention(by), email: address(user), date: day(expiresAt) }),
    invitationRevoked: (by: string, user: Person) => t('slack.confirm.revoked', { by: mention(by), email: address(user) }),
    roleChanged: (by: string, user: Person, role: EnvironmentRole, previousRole: EnvironmentRole) =>
      t('slack.confirm.roleChanged', { by: mention(by), person: person(user), role: environmentRoleWord(t, role), previous: environmentRoleWord(t, previousRole) }),
    /** A role change that found the role already set, in the channel (modal, button). */
    roleUnchanged: (by: string, user: Person, role: EnvironmentRole) => t('slack.confirm.roleUnchanged', { by: mention(by), person: person(user), role: environmentRoleWord(t, role) }),
    /** The same, answered only to the caller of a subcommand (in their language): nothing happened for the channel to see. */
    roleUnchangedToCaller: (user: Person, role: EnvironmentRole) => t('slack.answer.roleUnchanged', { email: userText(user.email), role: environmentRoleWord(t, role) }),
    userBlocked: (by: string, user: Person) => t('slack.confirm.blocked', { by: mention(by), person: person(user) }),
    userUnblocked: (by: string, user: Person) => t('slack.confirm.unblocked', { by: mention(by), person: person(user) }),
    userRemoved: (by: string, user: Person) => t('slack.confirm.removed', { by: mention(by), person: person(user) }),
    organisationCreated: (by: string, organisation: { name: string }) => t('slack.confirm.orgCreated', { by: mention(by), name: strong(organisation.name) }),
    /** `changed` names the details that changed, as the rights service reports them. */
    organisationSaved(by: string, organisation: { name: string }, changed: string[]): string {
      if (changed.length === 0) return t('slack.confirm.orgSavedUnchanged', { by: mention(by), name: strong(organisation.name) });
      return t('slack.confirm.orgSaved', { by: mention(by), fields: changed.join(', '), name: strong(organisation.name) });
    },
    memberAdded: (by: string, user: Person, organisation: { name: string }, role: OrganisationRole) =>
      t('slack.confirm.memberAdded', { by: mention(by), person: person(user), organisation: strong(organisation.name), role: organisationRoleLabel(t, role) }),
    memberRemoved: (by: string, user: Person, organisation: { name: string }) =>
      t('slack.confirm.memberRemoved', { by: mention(by), person: person(user), organisation: strong(organisation.name) }),
    notificationChannelChosen: (by: string) => t('slack.confirm.notifyHere', { by: mention(by) }),
    apiTokenCreated: (by: string, token: { name: string }) => t('slack.confirm.apiTokenCreated', { by: mention(by), name: strong(token.name) }),
    apiTokenRevoked: (by: string, token: { name: string }) => t('slack.confirm.apiTokenRevoked', { by: mention(by), name: strong(token.name) }),
    environmentLanguageSet: (by: string, locale: Locale) => t('slack.confirm.environmentLanguage', { by: mention(by), language: t(`language.${locale}`) }),
  };
}

export type Confirmations = ReturnType<typeof confirmationsIn>;

const english = confirmationsIn(translator('en'));

export const {
  userInvited, invitationResent, invitationRevoked, roleChanged, roleUnchanged, roleUnchangedToCaller, userBlocked, userUnblocked, userRemoved,
  organisationCreated, organisationSaved, memberAdded, memberRemoved, notificationChannelChosen, apiTokenCreated, apiTokenRevoked,
} = english;
