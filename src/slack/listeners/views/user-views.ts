// Submissions of the invite and set-role modals.
import { inviteUser, setRole } from '../../../rights/index.ts';
import type { EnvironmentRole } from '../../../i18n/labels.ts';
import { roleChangedUntil } from '../../access-until.ts';
import { submission, text } from './submission.ts';
import type { SlackContext } from '../../context.ts';

export const inviteSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values, say }) => {
    const organisations = ((values.organisations as string[] | null) ?? []).map((organisationId) => ({ organisationId, role: 'MEMBER' as const }));
    const result = await inviteUser(ctx.deps, caller, {
      email: text(values, 'email') ?? '',
      role: (text(values, 'role') as EnvironmentRole | undefined) ?? 'BASIC',
      organisations,
    });
    return { confirm: say.userInvited(caller.slackUserId, result.user, result.invitation.expiresAt, organisations.length) };
  });

export const setRoleSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values, say }) => {
    const role = text(values, 'role') as EnvironmentRole | undefined;
    const result = await setRole(ctx.deps, caller, { userId: text(values, 'user') ?? '', role: role as EnvironmentRole, until: text(values, 'until') ?? null });
    if (!result.changed) return { confirm: say.roleUnchanged(caller.slackUserId, result.user, result.user.role) };
    return { confirm: roleChangedUntil(say, caller.environmentLocale, caller.slackUserId, result) };
  });
