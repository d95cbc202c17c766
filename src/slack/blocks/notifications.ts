// Notifications queued by the rights service (outbox), rendered for Slack. Each names the person and
// offers the administrator's next step as buttons.
import type { StoredSlackNotification } from '../../messages/index.ts';
import { context, cut, flatten, section, strong, userText } from './text.ts';
import { renderAccessNotification } from './access-notifications.ts';

/** What the rights service queued (src/messages/slack.ts), as the outbox reads it back. */
export type Notification = StoredSlackNotification;

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function nextSteps(userId: string) {
  return {
    type: 'actions',
    block_id: 'next_steps',
    elements: [
      { type: 'button', action_id: 'notify_add_to_org', text: { type: 'plain_text', text: 'Add to organisation' }, value: userId, style: 'primary' },
      { type: 'button', action_id: 'notify_make_admin', text: { type: 'plain_text', text: 'Make administrator' }, value: userId },
      {
        type: 'button',
        action_id: 'notify_block',
        text: { type: 'plain_text', text: 'Block' },
        value: userId,
        style: 'danger',
        confirm: {
          title: { type: 'plain_text', text: 'Block this user?' },
          text: { type: 'plain_text', text: 'They lose all rights and cannot log in until unblocked.' },
          confirm: { type: 'plain_text', text: 'Block' },
          deny: { type: 'plain_text', text: 'Cancel' },
        },
      },
    ],
  };
}

export function renderNotification(n: Notification): { text: string; blocks: unknown[] } {
  const d = n.data;
  const person = d.userName && d.userName !== d.email ? `${strong(str(d.userName))} (${userText(str(d.email))})` : strong(str(d.email));
  switch (n.kind) {
    case 'user.activated': {
      const text = `${person} activated their eConnect account${d.environmentName ? ` in ${userText(str(d.environmentName))}` : ''}.`;
      return { text: flatten(text), blocks: [section(text), ...(d.userId ? [nextSteps(str(d.userId))] : [])] };
    }
    case 'user.auto_joined': {
      const text = `${person} joined your environment through its mail domain, as Basic user without organisations.`;
      return { text: flatten(text), blocks: [section(text), context('Add them to an organisation so they can work with its documents, or block them if they should not be here.'), ...(d.userId ? [nextSteps(str(d.userId))] : [])] };
    }
    case 'outbox.failed': {
      const what = userText(str(d.description ?? d.kind ?? d.dedupeKey ?? 'a message'));
      const text = `:warning: eConnect could not deliver ${what}${d.recipient ? ` to ${userText(str(d.recipient))}` : ''} after ${userText(str(d.attempts ?? 'several'))} attempts${d.lastError ? `: ${userText(cut(str(d.lastError), 500))}` : ''}. Check the address, or resend the invitation.`;
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
