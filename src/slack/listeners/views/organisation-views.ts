// Submissions of the organisation modals: create, edit (and its picker), add member, remove member.
import { addMember, createOrganisation, getOrganisation, removeMember, updateOrganisation } from '../../../rights/index.ts';
import type { OrganisationRole } from '../../../i18n/labels.ts';
import { memberAddedUntil } from '../../access-until.ts';
import { organisationFields, organisationModal, removeMemberModal } from '../../blocks/modals.ts';
import type { SlackContext } from '../../context.ts';
import { submission, text, type Values } from './submission.ts';

/** The details typed in the form; an emptied field clears the detail. */
function details(values: Values) {
  const out: Record<string, string | null> = {};
  for (const [id] of organisationFields) out[id] = text(values, id) ?? null;
  return out;
}

export const createOrgSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values, say }) => {
    const result = await createOrganisation(ctx.deps, caller, { name: text(values, 'name') ?? '', ...details(values) });
    return { confirm: say.organisationCreated(caller.slackUserId, result.organisation) };
  });

export const editOrgSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values, meta, say }) => {
    const result = await updateOrganisation(ctx.deps, caller, { organisationId: meta.organisationId ?? '', name: text(values, 'name') ?? '', ...details(values) });
    return { confirm: say.organisationSaved(caller.slackUserId, result.organisation, Object.keys(result.changed)) };
  });

/** `org` without a name: the picker's Next button shows the edit form for the chosen organisation. */
export const editOrgPickSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values, meta, t }) => {
    const org = await getOrganisation(ctx.deps, caller, { organisationId: text(values, 'organisation') ?? '' });
    return { update: organisationModal(t, 'edit_org', { channel: meta.channel, organisationId: org.id, organisationName: org.name }, org) };
  });

export const addMemberSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values, say }) => {
    const result = await addMember(ctx.deps, caller, {
      userId: text(values, 'user') ?? '',
      organisationId: text(values, 'organisation') ?? '',
      role: (text(values, 'role') as OrganisationRole | undefined) ?? 'MEMBER',
      until: text(values, 'until') ?? null,
    });
    return { confirm: memberAddedUntil(say, caller.environmentLocale, caller.slackUserId, result) };
  });

export const removeMemberSubmission = (ctx: SlackContext) =>
  submission(ctx, async ({ ctx, caller, values, meta, t, say }) => {
    if (!meta.organisationId) {
      // Step 1 submitted without the menu's action having replaced the view: go to step 2 now.
      const org = await getOrganisation(ctx.deps, caller, { organisationId: text(values, 'organisation') ?? '' });
      return { update: removeMemberModal(t, { channel: meta.channel, organisationId: org.id, organisationName: org.name }) };
    }
    const result = await removeMember(ctx.deps, caller, { userId: text(values, 'user') ?? '', organisationId: meta.organisationId ?? text(values, 'organisation') ?? '' });
    return { confirm: say.memberRemoved(caller.slackUserId, result.user, result.organisation) };
  });
