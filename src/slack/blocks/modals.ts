// The modals: one builder per administrator action. Block ids are the rights service's field names,
// so an AppError's field points at the block to mark (see ../errors.ts).
import type { types } from '@slack/bolt';
import type { MessageKey, Translate } from '../../i18n/catalogue.ts';
import { environmentRoleOptions, MIN_QUERY_LENGTH, organisationRoleOptions, type Option } from './options.ts';
import { plain, section, strong } from './text.ts';
import { untilPicker } from '../access-until.ts';

/** What a modal remembers between opening and submitting: where to confirm, and what it is about. */
export interface ModalMeta {
  channel: string;
  organisationId?: string;
  organisationName?: string;
}

export const encodeMeta = (m: ModalMeta) => JSON.stringify(m);
export function decodeMeta(raw: string | undefined): ModalMeta {
  try {
    const m = JSON.parse(raw ?? '{}');
    return { channel: typeof m.channel === 'string' ? m.channel : '', organisationId: m.organisationId, organisationName: m.organisationName };
  } catch {
    return { channel: '' };
  }
}

// Typed as Slack's View for the Web API; built from plain objects because Block Kit's types are strict unions.
const modal = (t: Translate, callbackId: string, title: MessageKey, submit: MessageKey, meta: ModalMeta, blocks: unknown[]) =>
  ({
    type: 'modal' as const,
    callback_id: callbackId,
    title: plain(t(title), 24),
    submit: plain(t(submit), 24),
    close: plain(t('slack.modal.cancel'), 24),
    private_metadata: encodeMeta(meta),
    blocks,
  }) as unknown as types.ModalView & { blocks: unknown[] };

const input = (blockId: string, label: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'input',
  block_id: blockId,
  label: plain(label),
  element: { action_id: 'value', ...element },
  ...extra,
});

const text = (blockId: string, label: string, initial?: string | null, opts: { optional?: boolean; max?: number; hint?: string } = {}) =>
  input(blockId, label, { type: 'plain_text_input', max_length: opts.max ?? 200, ...(initial ? { initial_value: initial } : {}) }, {
    optional: opts.optional ?? true,
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
  });

const userSelect = (t: Translate, initial?: Option) =>
  input('user', t('slack.modal.user'), { type: 'external_select', action_id: 'user_search', min_query_length: MIN_QUERY_LENGTH, placeholder: plain(t('slack.modal.user.placeholder')), ...(initial ? { initial_option: initial } : {}) });

const organisationSelect = (t: Translate, actionId = 'organisation_search', initial?: Option) =>
  input('organisation', t('slack.modal.organisation'), { type: 'external_select', action_id: actionId, min_query_length: MIN_QUERY_LENGTH, placeholder: plain(t('slack.modal.organisation.placeholder')), ...(initial ? { initial_option: initial } : {}) });

const staticSelect = (blockId: string, label: string, options: Option[], initialValue?: string) =>
  input(blockId, label, { type: 'static_select', options, ...(initialValue ? { initial_option: options.find((o) => o.value === initialValue) } : {}) });

export function inviteModal(t: Translate, meta: ModalMeta, email?: string) {
  return modal(t, 'invite', 'slack.modal.invite.title', 'slack.modal.invite.submit', meta, [
    input('email', t('slack.modal.email'), { type: 'email_text_input', ...(email ? { initial_value: email } : {}), placeholder: plain(t('slack.modal.email.placeholder')) }),
    staticSelect('role', t('slack.modal.environmentRole'), environmentRoleOptions(t), 'BASIC'),
    input('organisations', t('slack.modal.organisationsToJoin'), { type: 'multi_external_select', action_id: 'organisation_search', min_query_length: MIN_QUERY_LENGTH, max_selected_items: 50 }, { optional: true }),
  ]);
}

export function setRoleModal(t: Translate, meta: ModalMeta, user?: Option, role?: string) {
  return modal(t, 'set_role', 'slack.modal.setRole.title', 'slack.modal.setRole.submit', meta, [
    userSelect(t, user),
    staticSelect('role', t('slack.modal.environmentRole'), environmentRoleOptions(t), role),
    untilPicker(t),
  ]);
}

export function addMemberModal(t: Translate, meta: ModalMeta, user?: Option) {
  return modal(t, 'add_member', 'slack.modal.addMember.title', 'slack.modal.addMember.submit', meta, [
    userSelect(t, user),
    organisationSelect(t),
    staticSelect('role', t('slack.modal.organisationRole'), organisationRoleOptions(t), 'MEMBER'),
    untilPicker(t),
  ]);
}

/** Step 1 picks the organisation (the menu dispatches an action); step 2 picks one of its members. */
export function removeMemberModal(t: Translate, meta: ModalMeta) {
  const blocks: unknown[] = meta.organisationId
    ? [
        section(t('slack.modal.removeMember.about', { organisation: strong(meta.organisationName) }), 'about'),
        input('user', t('slack.modal.member'), { type: 'external_select', action_id: 'member_search', min_query_length: 0, placeholder: plain(t('slack.modal.user.placeholder')) }),
      ]
    : [organisationSelect(t, 'organisation_pick_remove')];
  const view = modal(t, 'remove_member', 'slack.modal.removeMember.title', 'slack.modal.removeMember.submit', meta, blocks);
  if (!meta.organisationId) (blocks[0] as Record<string, unknown>).dispatch_action = true;
  return view;
}

/** The organisation's details in the form: id, label, longest value, hint. */
export const organisationFields = [
  ['legalName', 'slack.modal.legalName', 200, 'slack.modal.legalName.hint'],
  ['kvkNumber', 'slack.modal.kvkNumber', 8, 'slack.modal.kvkNumber.hint'],
  ['vatNumber', 'slack.modal.vatNumber', 20, 'slack.modal.vatNumber.hint'],
  ['peppolId', 'slack.modal.peppolId', 60, 'slack.modal.peppolId.hint'],
  ['street', 'slack.modal.street', 200, undefined],
  ['postalCode', 'slack.modal.postalCode', 16, undefined],
  ['city', 'slack.modal.city', 100, undefined],
  ['country', 'slack.modal.country', 2, 'slack.modal.country.hint'],
  ['invoiceEmail', 'slack.modal.invoiceEmail', 254, 'slack.modal.invoiceEmail.hint'],
] as const satisfies readonly (readonly [string, MessageKey, number, MessageKey | undefined])[];

export type OrganisationDetails = Partial<Record<(typeof organisationFields)[number][0] | 'name', string | null>>;

export function organisationModal(t: Translate, callbackId: 'create_org' | 'edit_org', meta: ModalMeta, details: OrganisationDetails = {}) {
  const creating = callbackId === 'create_org';
  return modal(t, callbackId, creating ? 'slack.modal.createOrg.title' : 'slack.modal.editOrg.title', creating ? 'slack.modal.createOrg.submit' : 'slack.modal.editOrg.submit', meta, [
    text('name', t('slack.modal.name'), details.name, { optional: false, max: 100 }),
    ...organisationFields.map(([id, label, max, hint]) => text(id, t(label), details[id], { max, hint: hint && t(hint) })),
  ]);
}

/** `org` without a name: pick the organisation first; the pick replaces this with the edit form. */
export function pickOrganisationModal(t: Translate, meta: ModalMeta) {
  const view = modal(t, 'edit_org_pick', 'slack.modal.editOrg.title', 'slack.modal.pickOrg.submit', meta, [organisationSelect(t, 'organisation_pick_edit')]);
  (view.blocks[0] as unknown as Record<string, unknown>).dispatch_action = true;
  return view;
}
