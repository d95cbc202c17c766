// Text for Block Kit: user-typed values escaped (so a name cannot ping @channel or fake a link) and
// cut to Slack's limits.

export const escapeMrkdwn = (s: string | null | undefined): string => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

export const plain = (text: string, max = 2000) => ({ type: 'plain_text' as const, text: cut(text, max), emoji: true });
export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text: cut(text, 3000) });
export const section = (text: string, blockId?: string) => ({ type: 'section' as const, text: mrkdwn(text), ...(blockId ? { block_id: blockId } : {}) });
export const context = (text: string) => ({ type: 'context' as const, elements: [mrkdwn(text)] });

/** "Name <email>" as a person sees it in a list; the Slack account is mentioned when known. */
export function who(u: { name?: string | null; email: string; slackUserId?: string | null }): string {
  const label = u.name ? `${escapeMrkdwn(u.name)} (${escapeMrkdwn(u.email)})` : escapeMrkdwn(u.email);
  return u.slackUserId ? `${label} <@${u.slackUserId}>` : label;
}
