// Role and status words in Slack's messages, from the catalogue's glossary (the same words as the
// web pages and emails). Inside a sentence organisation roles and statuses are written in lower case
// ("added Ada as member", "Status: blocked"), environment roles keep their capital ("Basic user").
import type { Translate } from '../../i18n/catalogue.ts';
import type { EnvironmentRole, OrganisationRole, UserStatus } from '../../i18n/labels.ts';

export const environmentRoleLabel = (t: Translate, role: EnvironmentRole): string => t(`role.environment.${role}`);

export const organisationRoleLabel = (t: Translate, role: OrganisationRole): string => t(`role.organisation.${role}.lower`);

export const statusLabel = (t: Translate, status: UserStatus): string => t(`status.${status}.lower`);

/** As a menu option shows it: on its own, with its capital. */
export const organisationRoleOption = (t: Translate, role: OrganisationRole): string => t(`role.organisation.${role}`);
