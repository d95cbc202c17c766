// Notifications queued by the rights service (outbox), rendered for Slack. Each names the person and
// offers the administrator's next step as buttons, in the environment's language.
import type { Translate } from '../../i18n/catalogue.ts';
import type { StoredSlackNotification } from '../../messages/index.ts';
import { context, cut, flatten, section, strong, userText } from './text.ts';
import { renderAccessNotification } from './access-notifications.ts';

/** What the rights service queued (src/messages/slack.ts), as the outbox reads it back. */
export type Notification = StoredSlackNotification;

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function nextSteps(t: Translate, userId: string) {
  return {
    type: 'actions',
    block_id: 'next_steps',
    elements: [
      { type: 'button', action_id: 'notify_add_to_org', text: { type: 'plain_text', text: t('slack.notify.button.addToOrg') }, value: userId, style: 'primary' },
      { type: 'button', action_id: 'notify_make_admin', text: { type: 'plain_text', text: t('slack.notify.button.makeAdmin') }, value: userId },
      {
        type: 'button',
        action_id: 'notify_block',
        text: { type: 'plain_text', text: t('slack.notify.button.block') },
        value: userId,
        style: 'danger',
        confirm: {
          title: { type: 'plain_text', text: t('slack.notify.block.title') },
          text: { type: 'plain_text', text: t('slack.notify.block.text') },
          confirm: { type: 'plain_text', text: t('slack.notify.block.confirm') },
          deny: { type: 'plain_text', text: t('slack.notify.block.deny') },
        },
      },
    ],
  };
}

export function renderNotification(n: Notification, t: Translate): { text: string; blocks: unknown[] } {
  const d = n.data;
  const person = d.userName && d.userName !== d.email ? `${strong(str(d.userName))} (${userText(str(d.email))})` : strong(str(d.email));
  switch (n.kind) {
    case 'user.activated': {
      const where = d.environmentName ? t('slack.notify.activated.where', { environment: userText(str(d.environmentName)) }) : '';
      const text = t('slack.notify.activated', { person, where });
      return { text: flatten(text), blocks: [section(text), ...(d.userId ? [nextSteps(t, str(d.userId))] : [])] };
    }
    case 'user.auto_joined': {
      const text = t('slack.notify.autoJoined', { person, role: t('role.environment.BASIC.lower') });
      return { text: flatten(text), blocks: [section(text), context(t('slack.notify.autoJoined.next')), ...(d.userId ? [nextSteps(t, str(d.userId))] : [])] };
    }
    case 'outbox.failed': {
      // `what` names it in the reader's language; a report queued before `what` existed has an English `description`
      const what = typeof d.what === 'string' ? t('slack.notify.failed.what', { what: d.what }) : userText(str(d.description ?? d.kind ?? d.dedupeKey ?? t('slack.notify.failed.message')));
      const text = t('slack.notify.failed', {
        what,
        recipient: d.recipient ? t('slack.notify.failed.recipient', { recipient: userText(str(d.recipient)) }) : '',
        attempts: userText(str(d.attempts ?? t('slack.notify.failed.several'))),
        error: d.lastError ? t('slack.notify.failed.error', { error: userText(cut(str(d.lastError), 500)) }) : '',
      });
      return { text: flatten(text), blocks: [section(text)] };
    }
    case 'access.reminder':
    case 'access.ended':
      return renderAccessNotification(n);
    default: {
      // A kind added to the rights service before this renderer knows it: still tell the administrators.
      const fields = Object.entries(d).slice(0, 10).map(([k, v]) => `${userText(k)}: ${userText(cut(str(typeof v === 'object' ? JSON.stringify(v) : v), 200))}`);
      const text = `eConnect: ${userText(n.kind)}${fields.length ? `\n${fields.join('\n')}` : ''}`;
      return { text: flatten(text), blocks: [section(text)] };
    }
  }
}
