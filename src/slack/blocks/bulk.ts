// Block Kit for inviting many people: the "Invite many" form and the views it shows while it checks
// and once it started, and the one progress message (updated in place) with its final summary.
import type { types } from '@slack/bolt';
import { t, type Locale } from '../../i18n/catalogue.ts';
import { encodeMeta, type ModalMeta } from './modals.ts';
import { MIN_QUERY_LENGTH, option } from './options.ts';
import { cut, flatten, plain, section, userText } from './text.ts';

export const INVITE_MANY = 'invite_many';
/** What the pasted list holds at most: one plain_text_input. */
export const PASTE_MAX = 3000;

type View = types.ModalView & { blocks: unknown[] };

const roles = ['BASIC', 'ADVANCED', 'ADMINISTRATOR'] as const;

function modal(locale: Locale, blocks: unknown[], meta: ModalMeta, submit: boolean): View {
  return {
    type: 'modal',
    callback_id: INVITE_MANY,
    title: plain(t(locale, 'bulk.modal.title'), 24),
    ...(submit ? { submit: plain(t(locale, 'bulk.modal.submit'), 24) } : {}),
    close: plain(t(locale, submit ? 'bulk.modal.close' : 'bulk.modal.done'), 24),
    private_metadata: encodeMeta(meta),
    blocks,
  } as unknown as View;
}

/** The form: a pasted list with its role and organisations, and/or a CSV file. `problems`: shown above it after a slow check. */
export function inviteManyModal(locale: Locale, meta: ModalMeta, again: { addresses?: string; problems?: string } = {}): View {
  const roleOptions = roles.map((r) => option(t(locale, `role.environment.${r}`), r));
  const blocks: unknown[] = [];
  if (again.problems) blocks.push(...textSections(again.problems, 'problems', 20));
  blocks.push(
    section(t(locale, 'bulk.modal.intro'), 'intro'),
    {
      type: 'input',
      block_id: 'addresses',
      optional: true,
      label: plain(t(locale, 'bulk.modal.addresses')),
      hint: plain(t(locale, 'bulk.modal.addressesHint')),
      element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: PASTE_MAX, ...(again.addresses ? { initial_value: again.addresses.slice(0, PASTE_MAX) } : {}) },
    },
    {
      type: 'input',
      block_id: 'role',
      label: plain(t(locale, 'bulk.modal.role')),
      element: { type: 'static_select', action_id: 'value', options: roleOptions, initial_option: roleOptions[0] },
    },
    {
      type: 'input',
      block_id: 'organisations',
      optional: true,
      label: plain(t(locale, 'bulk.modal.organisations')),
      element: { type: 'multi_external_select', action_id: 'organisation_search', min_query_length: MIN_QUERY_LENGTH, max_selected_items: 50 },
    },
    {
      type: 'input',
      block_id: 'file',
      optional: true,
      label: plain(t(locale, 'bulk.modal.file')),
      hint: plain(t(locale, 'bulk.modal.fileHint')),
      element: { type: 'file_input', action_id: 'value', filetypes: ['csv', 'txt'], max_files: 1 },
    },
  );
  return modal(locale, blocks, meta, true);
}

/** Shown while a list that took longer than Slack's 3 s is checked. */
export const checkingView = (locale: Locale, meta: ModalMeta) => modal(locale, [section(t(locale, 'bulk.modal.checkingNoCount'), 'checking')], meta, false);

/** Shown once the list is checked and its invitations are on their way. */
export const startedView = (locale: Locale, meta: ModalMeta, count: number) => modal(locale, [section(t(locale, 'bulk.modal.started', { count }), 'started')], meta, false);

/** Long text as sections of at most 3,000 characters, cut at line ends. */
function textSections(text: string, blockId: string, max: number): unknown[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length + 1 > 2900) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) parts.push(current);
  return parts.slice(0, max).map((p, i) => ({ type: 'section', block_id: `${blockId}-${i}`, text: { type: 'mrkdwn', text: cut(p, 3000) } }));
}

export interface Tally {
  invited: number;
  reinvited: number;
  existing: string[];
  refused: { email: string; reason: string }[];
}

const doneOf = (t: Tally) => t.invited + t.reinvited + t.existing.length + t.refused.length;

/** The progress message while the invitations go out. */
export function progressMessage(locale: Locale, total: number, tally: Tally) {
  const counts = { invited: tally.invited, reinvited: tally.reinvited, existing: tally.existing.length, refused: tally.refused.length };
  const title = `:hourglass_flowing_sand: *${t(locale, 'bulk.progress.title', { total })}*`;
  const running = t(locale, 'bulk.progress.running', { done: doneOf(tally), total });
  const text = `${title}\n${running}\n${t(locale, 'bulk.progress.counts', counts)}`;
  return { text: flatten(text), blocks: [section(text, 'progress')] };
}

/** The final summary: invited, invited again, already a user, refused with the reason. */
export function summaryMessage(locale: Locale, total: number, tally: Tally) {
  const lines = [
    `:white_check_mark: *${t(locale, 'bulk.summary.title', { done: doneOf(tally), total })}*`,
    t(locale, 'bulk.summary.invited', { count: tally.invited }),
    t(locale, 'bulk.summary.reinvited', { count: tally.reinvited }),
    t(locale, 'bulk.summary.existing', { count: tally.existing.length }),
    t(locale, 'bulk.summary.refused', { count: tally.refused.length }),
  ];
  const blocks: unknown[] = [section(lines.join('\n'), 'summary')];
  if (tally.existing.length) {
    const shown = tally.existing.slice(0, 40).map((e) => userText(e)).join(', ');
    const more = tally.existing.length > 40 ? ` ${t(locale, 'bulk.error.more', { count: tally.existing.length - 40 })}` : '';
    blocks.push(section(cut(t(locale, 'bulk.summary.existingList', { list: shown }) + more, 2900), 'existing'));
  }
  const SHOWN = 40;
  const refused = tally.refused.slice(0, SHOWN).map((r) => t(locale, 'bulk.summary.refusedLine', { email: userText(r.email), reason: userText(r.reason) }));
  for (let i = 0; i < refused.length; i += 10) blocks.push(section(refused.slice(i, i + 10).join('\n'), `refused-${i / 10}`));
  if (tally.refused.length > SHOWN) blocks.push(section(t(locale, 'bulk.summary.moreRefused', { count: tally.refused.length - SHOWN }), 'refused-more'));
  return { text: flatten(lines.join('\n')), blocks };
}
