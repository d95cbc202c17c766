// The modals: one builder per administrator action. Block ids are the rights service's field names,
// so an AppError's field points at the block to mark (see ../errors.ts).
import type { types } from '@slack/bolt';
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
const modal = (callbackId: string, title: string, submit: string, meta: ModalMeta, blocks: unknown[]) =>
  ({
    type: 'modal' as const,
    callback_id: callbackId,
    title: plain(title, 24),
    submit: plain(submit, 24),
    close: plain('Cancel', 24),
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

const userSelect = (label: string, initial?: Option) =>
  input('user', label, { type: 'external_select', action_id: 'user_search', min_query_length: MIN_QUERY_LENGTH, placeholder: plain('Type a name or email'), ...(initial ? { initial_option: initial } : {}) });

const organisationSelect = (label: string, actionId = 'organisation_search', initial?: Option) =>
  input('organisation', label, { type: 'external_select', action_id: actionId, min_query_length: MIN_QUERY_LENGTH, placeholder: plain('Type an organisation name'), ...(initial ? { initial_option: initial } : {}) });

const staticSelect = (blockId: string, label: string, options: Option[], initialValue?: string) =>
  input(blockId, label, { type: 'static_select', options, ...(initialValue ? { initial_option: options.find((o) => o.value === initialValue) } : {}) });

export function inviteModal(meta: ModalMeta, email?: string) {
  return modal('invite', 'Invite a user', 'Send invitation', meta, [
    input('email', 'Email address', { type: 'email_text_input', ...(email ? { initial_value: email } : {}), placeholder: plain('name@company.nl') }),
    staticSelect('role', 'Environment role', environmentRoleOptions, 'BASIC'),
    input('organisations', 'Organisations to join (as member)', { type: 'multi_external_select', action_id: 'organisation_search', min_query_length: MIN_QUERY_LENGTH, max_selected_items: 50 }, { optional: true }),
  ]);
}

export function setRoleModal(meta: ModalMeta, user?: Option, role?: string) {
  return modal('set_role', 'Set environment role', 'Save role', meta, [
    userSelect('User', user),
    staticSelect('role', 'Environment role', environmentRoleOptions, role),
    untilPicker(),
  ]);
}

export function addMemberModal(meta: ModalMeta, user?: Option) {
  return modal('add_member', 'Add to organisation', 'Add member', meta, [
    userSelect('User', user),
    organisationSelect('Organisation'),
    staticSelect('role', 'Role in the organisation', organisationRoleOptions, 'MEMBER'),
    untilPicker(),
  ]);
}

/** Step 1 picks the organisation (the menu dispatches an action); step 2 picks one of its members. */
export function removeMemberModal(meta: ModalMeta) {
  const blocks: unknown[] = meta.organisationId
    ? [
        section(`Remove a member from ${strong(meta.organisationName)}. They stay in the environment but lose this organisation's documents at once.`, 'about'),
        input('user', 'Member', { type: 'external_select', action_id: 'member_search', min_query_length: 0, placeholder: plain('Type a name or email') }),
      ]
    : [organisationSelect('Organisation', 'organisation_pick_remove')];
  const view = modal('remove_member', 'Remove member', 'Remove member', meta, blocks);
  if (!meta.organisationId) (blocks[0] as Record<string, unknown>).dispatch_action = true;
  return view;
}

export const organisationFields = [
  ['legalName', 'Legal name', 200, 'As registered at the Chamber of Commerce'],
  ['kvkNumber', 'KvK number', 8, '8 digits'],
  ['vatNumber', 'VAT number', 20, 'For example NL123456789B01'],
  ['peppolId', 'Peppol participant id', 60, 'For example 0106:12345678'],
  ['street', 'Street and number', 200, undefined],
  ['postalCode', 'Postal code', 16, undefined],
  ['city', 'City', 100, undefined],
  ['country', 'Country (ISO code)', 2, 'For example NL'],
  ['invoiceEmail', 'Invoice email', 254, 'Where invoices for this organisation go'],
] as const;

export type OrganisationDetails = Partial<Record<(typeof organisationFields)[number][0] | 'name', string | null>>;

export function organisationModal(callbackId: 'create_org' | 'edit_org', meta: ModalMeta, details: OrganisationDetails = {}) {
  const title = callbackId === 'create_org' ? 'Create organisation' : 'Edit organisation';
  return modal(callbackId, title, callbackId === 'create_org' ? 'Create' : 'Save details', meta, [
    text('name', 'Name', details.name, { optional: false, max: 100 }),
    ...organisationFields.map(([id, label, max, hint]) => text(id, label, details[id], { max, hint })),
  ]);
}

/** `org` without a name: pick the organisation first; the pick replaces this with the edit form. */
export function pickOrganisationModal(meta: ModalMeta) {
  const view = modal('edit_org_pick', 'Edit organisation', 'Next', meta, [organisationSelect('Organisation', 'organisation_pick_edit')]);
  (view.blocks[0] as unknown as Record<string, unknown>).dispatch_action = true;
  return view;
}

