// Role and status words in Slack's messages, from the catalogue's glossary (the same words as the
// web pages and emails). Inside a sentence organisation roles and statuses are written in lower case
// ("added Ada as member", "Status: blocked"); an environment role keeps its capital in English
// ("as Basic user") and is lower case in Dutch ("als basisgebruiker"), as on the web pages.
import type { Translate } from '../../i18n/catalogue.ts';
import type { EnvironmentRole, OrganisationRole, UserStatus } from '../../i18n/labels.ts';

/** As a list or a field shows it: on its own, with its capital. */
export const environmentRoleLabel = (t: Translate, role: EnvironmentRole): string => t(`role.environment.${role}`);

/** Inside a sentence. */
export const environmentRoleWord = (t: Translate, role: EnvironmentRole): string => t(`role.environment.${role}.lower`);

export const organisationRoleLabel = (t: Translate, role: OrganisationRole): string => t(`role.organisation.${role}.lower`);

export const statusLabel = (t: Translate, status: UserStatus): string => t(`status.${status}.lower`);

/** As a menu option shows it: on its own, with its capital. */
export const organisationRoleOption = (t: Translate, role: OrganisationRole): string => t(`role.organisation.${role}`);
