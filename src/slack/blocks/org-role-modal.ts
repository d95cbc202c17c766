// The "Organisation role" form of `set-org-role` without arguments: who, which organisation, which
// role. The pickers are the same external selects as the other forms (listeners/options); block ids
// are the rights service's field names (user, organisation, role), so a refusal lands on its field.
import type { types } from '@slack/bolt';
import { translator, type Locale } from '../../i18n/catalogue.ts';
import { encodeMeta, type ModalMeta } from './modals.ts';
import { MIN_QUERY_LENGTH, option } from './options.ts';
import { context, plain } from './text.ts';

export const ORG_ROLE_CALLBACK = 'set_org_role';

export function orgRoleModal(locale: Locale, meta: ModalMeta) {
  const t = translator(locale);
  const roles = [option(t('orgRole.modal.member'), 'MEMBER'), option(t('orgRole.modal.administrator'), 'ADMINISTRATOR')];
  const picker = (blockId: string, label: string, actionId: string, placeholder: string) => ({
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: { type: 'external_select', action_id: actionId, min_query_length: MIN_QUERY_LENGTH, placeholder: plain(placeholder) },
  });
  return {
    type: 'modal',
    callback_id: ORG_ROLE_CALLBACK,
    title: plain(t('orgRole.modal.title'), 24),
    submit: plain(t('orgRole.modal.submit'), 24),
    close: plain(t('orgRole.modal.close'), 24),
    private_metadata: encodeMeta(meta),
    blocks: [
      context(t('orgRole.modal.about')),
      picker('user', t('orgRole.modal.user'), 'user_search', t('orgRole.modal.userPlaceholder')),
      picker('organisation', t('orgRole.modal.organisation'), 'organisation_search', t('orgRole.modal.organisationPlaceholder')),
      { type: 'input', block_id: 'role', label: plain(t('orgRole.modal.role')), element: { type: 'static_select', action_id: 'value', options: roles, initial_option: roles[1] } },
    ],
  } as unknown as types.ModalView & { blocks: unknown[] };
}
