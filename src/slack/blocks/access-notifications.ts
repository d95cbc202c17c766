// The notifications of access that ends (src/rights/access): the reminder three days before, with an
// "Extend 30 days" button, and the notice at the end. In the language the rights service chose for
// the reader (data.locale).
import { isLocale, t, type Locale } from '../../i18n/catalogue.ts';
import type { StoredSlackNotification } from '../../messages/index.ts';
import { lastDayOf, personText } from '../access-until.ts';
import { context, escapeMrkdwn, flatten, section } from './text.ts';

export const EXTEND_ACTION = 'access_extend';

/** What the Extend button carries: which access, and the end the reminder was about. */
export interface ExtendValue {
  target: 'role' | 'membership';
  userId: string;
  organisationId?: string;
  from: string;
}

export const encodeExtend = (v: ExtendValue) => JSON.stringify(v);
export function decodeExtend(raw: string | undefined): ExtendValue | null {
  try {
    const v = JSON.parse(raw ?? '');
    if ((v.target === 'role' || v.target === 'membership') && typeof v.userId === 'string' && typeof v.from === 'string') return v as ExtendValue;
  } catch {
    // not ours
  }
  return null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function roleName(locale: Locale, role: string, target: string): string {
  if (target === 'membership') return t(locale, role === 'ADMINISTRATOR' ? 'role.organisation.ADMINISTRATOR.lower' : 'role.organisation.MEMBER.lower');
  return t(locale, `role.environment.${(['BASIC', 'ADVANCED', 'ADMINISTRATOR'].includes(role) ? role : 'BASIC') as 'BASIC'}.lower`);
}

export function renderAccessNotification(n: StoredSlackNotification): { text: string; blocks: unknown[] } {
  const d = n.data;
  const locale: Locale = isLocale(d.locale) ? d.locale : 'en';
  const target = str(d.target);
  const values = {
    person: personText({ userName: str(d.userName) || null, email: str(d.email) }),
    organisation: `*${escapeMrkdwn(str(d.organisationName))}*`,
    role: roleName(locale, str(d.role), target),
    fallback: roleName(locale, str(d.fallbackRole) || 'BASIC', 'role'),
    lastDay: lastDayOf(str(d.until)),
  };
  const membership = target === 'membership';
  if (n.kind === 'access.ended') {
    const text = t(locale, membership ? 'access.ended.membership' : 'access.ended.role', values);
    return { text: flatten(text), blocks: [section(text)] };
  }
  const text = t(locale, membership ? 'access.reminder.membership' : 'access.reminder.role', values);
  const value: ExtendValue = { target: membership ? 'membership' : 'role', userId: str(d.userId), ...(membership ? { organisationId: str(d.organisationId) } : {}), from: str(d.until) };
  return {
    text: flatten(text),
    blocks: [
      section(text),
      context(t(locale, 'access.reminder.help')),
      {
        type: 'actions',
        block_id: 'access_extend',
        elements: [{ type: 'button', action_id: EXTEND_ACTION, style: 'primary', text: { type: 'plain_text', text: t(locale, 'access.reminder.extend') }, value: encodeExtend(value) }],
      },
    ],
  };
}
