// Role and status words in Slack's messages, from the table the web pages and emails use too. Slack
// speaks English; inside a sentence organisation roles and statuses are written in lower case
// ("added Ada as member", "Status: blocked"), environment roles keep their capital ("Basic user").
import { labels, type EnvironmentRole, type OrganisationRole, type UserStatus } from '../../i18n/labels.ts';

const words = labels.en;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const environmentRoleLabel = (role: EnvironmentRole): string => words.environmentRole[role];

export const organisationRoleLabel = (role: OrganisationRole): string => lowerFirst(words.organisationRole[role]);

export const statusLabel = (status: UserStatus): string => lowerFirst(words.status[status]);

/** As a menu option shows it: on its own, with its capital. */
export const organisationRoleOption = (role: OrganisationRole): string => words.organisationRole[role];
