// The words for roles and statuses, from the catalogue's glossary: Slack, the web pages and the
// emails read them here, so a role is called the same everywhere.
import { type Locale, t } from './catalogue.ts';

export { type Locale, locales } from './catalogue.ts';

export type EnvironmentRole = 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR';
export type OrganisationRole = 'MEMBER' | 'ADMINISTRATOR';
export type UserStatus = 'INVITED' | 'ACTIVE' | 'BLOCKED' | 'REMOVED';

export interface Labels {
  environmentRole: Record<EnvironmentRole, string>;
  organisationRole: Record<OrganisationRole, string>;
  status: Record<UserStatus, string>;
}

const labelsIn = (l: Locale): Labels => ({
  environmentRole: {
    BASIC: t(l, 'role.environment.BASIC'),
    ADVANCED: t(l, 'role.environment.ADVANCED'),
    ADMINISTRATOR: t(l, 'role.environment.ADMINISTRATOR'),
  },
  organisationRole: { MEMBER: t(l, 'role.organisation.MEMBER'), ADMINISTRATOR: t(l, 'role.organisation.ADMINISTRATOR') },
  status: { INVITED: t(l, 'status.INVITED'), ACTIVE: t(l, 'status.ACTIVE'), BLOCKED: t(l, 'status.BLOCKED'), REMOVED: t(l, 'status.REMOVED') },
});

/** Each label as it stands alone (a table cell, a menu option), so it starts with a capital. */
export const labels: Record<Locale, Labels> = { en: labelsIn('en'), nl: labelsIn('nl') };

/**
 * The label of an environment role that arrives as text (a queued email's data, a page's view
 * model); an unknown value is shown as it is rather than hidden.
 */
export const environmentRoleLabel = (locale: Locale, role: string): string =>
  Object.hasOwn(labels[locale].environmentRole, role) ? labels[locale].environmentRole[role as EnvironmentRole] : role;
