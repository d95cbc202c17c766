// `set-org-role <user> <organisation> member|administrator`: an organisation administrator (or an
// environment Administrator) changes a member's role in one organisation (rules 2 and 8, decided by
// the rights service). Without arguments it opens its form.
import { translator, type Locale } from '../../i18n/catalogue.ts';
import type { OrganisationRole } from '../../i18n/labels.ts';
import { setMemberRole } from '../../rights/index.ts';
import { orgRoleModal } from '../blocks/org-role-modal.ts';
import { escapeMrkdwn, message, strong, userText } from '../blocks/text.ts';
import { readersOf } from '../reader-locale.ts';
import { organisationArg, userArg, type Run, type Subcommand } from './run.ts';

/** The role word at the end, in English or Dutch; null when it is not one. */
export function orgRoleWord(word: string | undefined): OrganisationRole | null {
  const w = word?.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return null;
  if (['member', 'lid'].includes(w)) return 'MEMBER';
  if (['admin', 'administrator', 'orgadmin', 'organisationadministrator', 'beheerder', 'organisatiebeheerder'].includes(w)) return 'ADMINISTRATOR';
  return null;
}

/** The command's syntax in the reader's words, escaped for mrkdwn (its <placeholders> are not Slack entities). */
const syntaxOf = (locale: Locale, command: string) => escapeMrkdwn(translator(locale)('orgRole.syntax', { command }));

const roleWord = (locale: Locale, role: OrganisationRole) => translator(locale)(role === 'ADMINISTRATOR' ? 'role.organisation.ADMINISTRATOR.lower' : 'role.organisation.MEMBER.lower');

/** What the channel reads after a change (or a check that changed nothing), in the environment's language. */
export function orgRoleConfirmation(
  locale: Locale,
  by: string,
  result: { user: { email: string; name: string | null }; organisation: { name: string }; role: OrganisationRole; changed: boolean },
): string {
  const t = translator(locale);
  const values = { by: `<@${by}>`, user: strong(result.user.name ?? result.user.email), role: roleWord(locale, result.role), organisation: strong(result.organisation.name) };
  if (!result.changed) return t('orgRole.unchangedInChannel', values);
  return t('orgRole.changed', { ...values, previous: roleWord(locale, result.role === 'ADMINISTRATOR' ? 'MEMBER' : 'ADMINISTRATOR') });
}

export const setOrgRole: Subcommand = {
  usage: 'slack.usage.setOrgRole',
  async run(r) {
    const readers = await readersOf(r.ctx, r.caller);
    const t = translator(readers.person);
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: orgRoleModal(readers.person, { channel: r.channelId }) });
      return;
    }
    const command = escapeMrkdwn(r.ctx.command);
    const syntax = syntaxOf(readers.person, r.ctx.command);
    if (r.args.length < 3) return r.respond(message(t('orgRole.usage', { syntax })));
    const last = r.args[r.args.length - 1];
    const role = orgRoleWord(last);
    if (!role) return r.respond(message(t('orgRole.badRole', { word: userText(last), command, syntax })));
    const user = await userArg(r, r.args[0]);
    const organisation = await organisationArg(r, r.args.slice(1, -1));
    const result = await setMemberRole(r.ctx.deps, r.caller, { userId: user.id, organisationId: organisation.id, role });
    if (!result.changed) {
      return r.respond(message(t('orgRole.unchanged', { user: strong(result.user.name ?? result.user.email), role: roleWord(readers.person, role), organisation: strong(result.organisation.name) })));
    }
    await r.confirm(() => orgRoleConfirmation(readers.channel, r.caller.slackUserId, result));
  },
};

/** `set-role <user> member`: a role in an organisation given to the environment's command; says which command is meant. */
export async function pointToOrgRole(r: Run, word: string | undefined): Promise<boolean> {
  if (!orgRoleWord(word)) return false;
  const readers = await readersOf(r.ctx, r.caller);
  await r.respond(message(translator(readers.person)('orgRole.notEnvironmentRole', { word: userText(word), command: escapeMrkdwn(r.ctx.command), syntax: syntaxOf(readers.person, r.ctx.command) })));
  return true;
}
