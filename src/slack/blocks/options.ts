// Options for select menus: Slack allows 100 options, 75 characters of text and 150 of value.
import type { Translate } from '../../i18n/catalogue.ts';
import { environmentRoleLabel, organisationRoleOption } from './labels.ts';
import { cut, plain } from './text.ts';

export interface Option {
  text: { type: 'plain_text'; text: string; emoji: boolean };
  value: string;
}

export const option = (text: string, value: string): Option => ({ text: plain(cut(text, 75)), value: value.slice(0, 150) });

export const userOption = (u: { id: string; name?: string | null; email: string }) => option(u.name ? `${u.name} <${u.email}>` : u.email, u.id);

export const organisationOption = (o: { id: string; name: string }) => option(o.name, o.id);

export const environmentRoleOptions = (t: Translate) =>
  (['BASIC', 'ADVANCED', 'ADMINISTRATOR'] as const).map((role) => option(t(`slack.option.${role}`, { role: environmentRoleLabel(t, role) }), role));

export const organisationRoleOptions = (t: Translate) => (['MEMBER', 'ADMINISTRATOR'] as const).map((role) => option(organisationRoleOption(t, role), role));

export const limitOptions = (options: Option[]) => options.slice(0, 100);

/**
 * The users and organisations pickers search from this many characters on (Slack asks no sooner): a
 * trigram index (pg_trgm) answers a search of 3 characters or more without reading the whole
 * environment. A shorter text, from any client, is treated as no search: the first page in order.
 */
export const MIN_QUERY_LENGTH = 3;

export const searchText = (typed: string): string | undefined => (typed.length >= MIN_QUERY_LENGTH ? typed : undefined);
