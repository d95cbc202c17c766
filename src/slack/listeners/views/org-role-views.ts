// Submission of the "Organisation role" form (set-org-role without arguments).
import type { OrganisationRole } from '../../../i18n/labels.ts';
import { setMemberRole } from '../../../rights/index.ts';
import type { SlackContext } from '../../context.ts';
import { readersOf } from '../../reader-locale.ts';
import { orgRoleConfirmation } from '../../subcommands/org-roles.ts';
import { submission, text } from './submission.ts';

export const setOrgRoleSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values }) => {
    const result = await setMemberRole(ctx.deps, caller, {
      userId: text(values, 'user') ?? '',
      organisationId: text(values, 'organisation') ?? '',
      role: text(values, 'role') as OrganisationRole,
    });
    const readers = await readersOf(ctx, caller);
    return { confirm: orgRoleConfirmation(readers.channel, caller.slackUserId, result) };
  });
