// Access that ends by itself, in Slack: `--until YYYY-MM-DD` after add-to-org and set-role, the
// optional date picker of their forms, and the lines that say when the access ends.
import { readerLocale, t, type Locale, type Translate } from '../i18n/catalogue.ts';
import { AppError, type RightsDeps } from '../rights/index.ts';
import type { Confirmations } from './blocks/confirmations.ts';
import { escapeMrkdwn, plain, strong } from './blocks/text.ts';

/** Dashes a Slack client may have made of "--" while typing. */
const FLAG = /^(?:--|—|–|-)until(?:=(.*))?$/i;

/** The words without `--until <day>` (or `--until=<day>`), and the day given, if any. */
export function takeUntil(args: string[]): { args: string[]; until: string | null } {
  const rest: string[] = [];
  let until: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const m = FLAG.exec(args[i]!);
    if (!m) {
      rest.push(args[i]!);
      continue;
    }
    const value = m[1] ?? args[++i];
    if (!value) throw new AppError('invalid_input', 'access.command.untilMissing', {}, 'until');
    until = value;
  }
  return { args: rest, until };
}

/** The language of the environment's channel messages. */
export async function environmentLocale(deps: RightsDeps, environmentId: string): Promise<Locale> {
  return readerLocale(await deps.prisma.environment.findUnique({ where: { id: environmentId }, select: { locale: true } }));
}

/** One person's language: theirs, else their environment's. */
export async function personLocale(deps: RightsDeps, userId: string): Promise<Locale> {
  const u = await deps.prisma.user.findUnique({ where: { id: userId }, select: { locale: true, environment: { select: { locale: true } } } });
  return readerLocale(u?.environment, u);
}

/** The instant inside the last day, for `{lastDay, date, long}` (shown in Amsterdam). */
export const lastDayOf = (until: string | Date): Date => new Date(new Date(until).getTime() - 1);

/** The line under a confirmation that says until when a role lasts and what it falls back to. */
export const roleUntilLine = (locale: Locale, until: string, fallback: string) =>
  t(locale, 'access.confirm.roleUntil', { lastDay: lastDayOf(until), fallback: t(locale, `role.environment.${fallback as 'BASIC'}.lower`) });

/** The same for a membership. */
export const membershipUntilLine = (locale: Locale, until: string) => t(locale, 'access.confirm.membershipUntil', { lastDay: lastDayOf(until) });

/** A person as the access messages name them (escaped for mrkdwn). */
export const personText = (p: { name?: string | null; userName?: string | null; email: string }) => {
  const name = p.name ?? p.userName;
  return name && name !== p.email ? `*${escapeMrkdwn(name)}* (${escapeMrkdwn(p.email)})` : `*${escapeMrkdwn(p.email)}*`;
};

/** The optional date picker of the add-to-organisation and role forms (block id `until`, the rights service's field). */
/** The optional last day of access in a form, in the reader's language. */
export const untilPicker = (tr: Translate) => ({
  type: 'input',
  block_id: 'until',
  optional: true,
  label: plain(tr('access.picker.label')),
  hint: plain(tr('access.picker.hint')),
  element: { type: 'datepicker', action_id: 'value', placeholder: plain(tr('access.picker.placeholder')) },
});

type Person = { id: string; email: string; name: string | null };

/**
 * The channel's confirmation of add-to-org, with the end of the membership when it has one: `say` and
 * `locale` are the channel's (the environment's) language.
 */
export function memberAddedUntil(
  say: Confirmations,
  locale: Locale,
  by: string,
  result: { user: Person; organisation: { name: string }; role: 'MEMBER' | 'ADMINISTRATOR'; until?: string | null; endChanged?: boolean },
): string {
  if (!result.until) return say.memberAdded(by, result.user, result.organisation, result.role);
  if (result.endChanged) {
    return t(locale, 'access.confirm.membershipEndSet', { by, person: strong(result.user.name ?? result.user.email), organisation: strong(result.organisation.name), lastDay: lastDayOf(result.until) });
  }
  return `${say.memberAdded(by, result.user, result.organisation, result.role)} ${membershipUntilLine(locale, result.until)}`;
}

/** The channel's confirmation of a role change, with the end of the role when it has one. */
export function roleChangedUntil(
  say: Confirmations,
  locale: Locale,
  by: string,
  result: { user: Person & { role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR' }; previousRole: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR'; until?: string | null; fallbackRole?: string | null },
): string {
  const changed = say.roleChanged(by, result.user, result.user.role, result.previousRole);
  if (!result.until) return changed;
  return `${changed} ${roleUntilLine(locale, result.until, result.fallbackRole ?? 'BASIC')}`;
}
