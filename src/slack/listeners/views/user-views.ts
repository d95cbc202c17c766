// Submissions of the invite and set-role modals.
import { inviteUser, setRole } from '../../../rights/index.ts';
import type { EnvironmentRole } from '../../../i18n/labels.ts';
import { environmentRoleLabel } from '../../blocks/labels.ts';
import { escapeMrkdwn } from '../../blocks/text.ts';
import { submission, text } from './submission.ts';
import type { SlackContext } from '../../context.ts';

export const inviteSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values }) => {
    const organisations = ((values.organisations as string[] | null) ?? []).map((organisationId) => ({ organisationId, role: 'MEMBER' as const }));
    const result = await inviteUser(ctx.deps, caller, {
      email: text(values, 'email') ?? '',
      role: (text(values, 'role') as EnvironmentRole | undefined) ?? 'BASIC',
      organisations,
    });
    const orgs = organisations.length ? ` and ${organisations.length} organisation${organisations.length === 1 ? '' : 's'} to join on activation` : '';
    return { confirm: `<@${caller.slackUserId}> invited *${escapeMrkdwn(result.user.email)}* as ${environmentRoleLabel(result.user.role)}${orgs}. The activation link works until ${result.invitation.expiresAt.slice(0, 10)}.` };
  });

export const setRoleSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values }) => {
    const role = text(values, 'role') as EnvironmentRole | undefined;
    const result = await setRole(ctx.deps, caller, { userId: text(values, 'user') ?? '', role: role as EnvironmentRole });
    const who = escapeMrkdwn(result.user.name ?? result.user.email);
    if (!result.changed) return { confirm: `<@${caller.slackUserId}> checked *${who}*: already ${environmentRoleLabel(result.user.role)}, nothing changed.` };
    return { confirm: `<@${caller.slackUserId}> made *${who}* ${environmentRoleLabel(result.user.role)} (was ${environmentRoleLabel(result.previousRole)}).` };
  });
