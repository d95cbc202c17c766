// The words for roles and statuses in every language the product speaks: one table that Slack, the
// web pages and the emails read, so a role is called the same everywhere. A plain table keyed by
// locale, ready to be absorbed by a message catalogue.

export type Locale = 'en' | 'nl';
export const locales: readonly Locale[] = ['en', 'nl'];

export type EnvironmentRole = 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR';
export type OrganisationRole = 'MEMBER' | 'ADMINISTRATOR';
export type UserStatus = 'INVITED' | 'ACTIVE' | 'BLOCKED' | 'REMOVED';

export interface Labels {
  environmentRole: Record<EnvironmentRole, string>;
  organisationRole: Record<OrganisationRole, string>;
  status: Record<UserStatus, string>;
}

/** Each label as it stands alone (a table cell, a menu option), so it starts with a capital. */
export const labels: Record<Locale, Labels> = {
  en: {
    environmentRole: { BASIC: 'Basic user', ADVANCED: 'Advanced user', ADMINISTRATOR: 'Administrator' },
    organisationRole: { MEMBER: 'Member', ADMINISTRATOR: 'Organisation administrator' },
    status: { INVITED: 'Invited', ACTIVE: 'Active', BLOCKED: 'Blocked', REMOVED: 'Removed' },
  },
  nl: {
    environmentRole: { BASIC: 'Basisgebruiker', ADVANCED: 'Gevorderde gebruiker', ADMINISTRATOR: 'Beheerder' },
    organisationRole: { MEMBER: 'Lid', ADMINISTRATOR: 'Organisatiebeheerder' },
    status: { INVITED: 'Uitgenodigd', ACTIVE: 'Actief', BLOCKED: 'Geblokkeerd', REMOVED: 'Verwijderd' },
  },
};

/**
 * The label of an environment role that arrives as text (a queued email's data, a page's view
 * model); an unknown value is shown as it is rather than hidden.
 */
export const environmentRoleLabel = (locale: Locale, role: string): string =>
  Object.hasOwn(labels[locale].environmentRole, role) ? labels[locale].environmentRole[role as EnvironmentRole] : role;
