// Reading what an administrator typed after the command: words, "quoted names", and Slack's escaped
// forms (<@U123|name> mentions, <mailto:a@b.nl|a@b.nl> links) turned back into what was meant.

/** Splits into words, keeping "quoted phrases" and Slack's <...> entities whole. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(<[^>]*>)|(\S+)/g;
  for (const m of text.matchAll(re)) tokens.push(unescapeEntity(m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''));
  return tokens.filter((t) => t !== '');
}

function unescapeEntity(token: string): string {
  const mailto = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/.exec(token);
  if (mailto) return mailto[1]!;
  const link = /^<(https?:[^|>]+)(?:\|([^>]*))?>$/.exec(token);
  if (link) return link[2] ?? link[1]!;
  return token.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The Slack user id of a mention (<@U123> or <@U123|name>), or null. */
export function mentionedUser(token: string): string | null {
  return /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token)?.[1] ?? null;
}

import type { EnvironmentRole, OrganisationRole } from '../i18n/labels.ts';

export function environmentRole(word: string | undefined): EnvironmentRole | null {
  const w = word?.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return null;
  if (['basic', 'basicuser'].includes(w)) return 'BASIC';
  if (['advanced', 'advanceduser'].includes(w)) return 'ADVANCED';
  if (['admin', 'administrator'].includes(w)) return 'ADMINISTRATOR';
  return null;
}

export function organisationRole(word: string | undefined): OrganisationRole | null {
  const w = word?.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return null;
  if (w === 'member') return 'MEMBER';
  if (['admin', 'administrator', 'orgadmin'].includes(w)) return 'ADMINISTRATOR';
  return null;
}
