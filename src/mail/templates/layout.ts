// Shared pieces of every email: escaping, the HTML frame (tables and inline styles, because mail
// clients such as Outlook ignore style sheets and modern layout), dates per language.
import escapeHtmlString from 'escape-html';
import { type Locale, t } from '../../i18n/catalogue.ts';

export type MailLocale = Locale;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** where replies go (the invitation: the inviter); unset: the sender */
  replyTo?: { name: string; address: string };
}

export const mailLocale = (locale: unknown): MailLocale => (locale === 'nl' ? 'nl' : 'en');

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (value: unknown): string => escapeHtmlString(String(value ?? ''));

/** A date and time in the reader's language, in Dutch time (the platform is Dutch), with the zone named. */
export const formatDate = (iso: string, locale: MailLocale): string => t(locale, 'mail.date', { when: new Date(iso) });

const BUTTON = '#1d5fb8';

/** A link written out in full, for readers whose client does not show the button. */
export const linkHtml = (href: string): string =>
  `<a href="${escapeHtml(href)}" style="color:${BUTTON};word-break:break-all;">${escapeHtml(href)}</a>`;

/** Paragraphs (already escaped HTML) and an optional button, in a frame most mail clients render. */
export function htmlFrame(opts: { locale: MailLocale; title: string; paragraphs: string[]; button?: { href: string; label: string }; footer?: string }): string {
  const p = (inner: string) => `<p style="margin:0 0 16px 0;font-size:16px;line-height:24px;color:#1b1b1b;">${inner}</p>`;
  // A "bulletproof" button: the colour is on the cell and on the link itself, so a client that drops
  // one of them (Outlook ignores padding on links, others drop cell colours) still shows white text
  // on blue, and spam filters see text on a background that contrasts.
  const button = opts.button
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;"><tr><td align="center" bgcolor="${BUTTON}" style="border-radius:6px;background-color:${BUTTON};">` +
      `<a href="${escapeHtml(opts.button.href)}" target="_blank" style="display:inline-block;padding:12px 24px;border:1px solid ${BUTTON};border-radius:6px;background-color:${BUTTON};color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:20px;font-weight:bold;text-decoration:none;">` +
      `<span style="color:#ffffff;">${escapeHtml(opts.button.label)}</span></a></td></tr></table>`
    : '';
  return `<!doctype html>
<html lang="${opts.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(opts.title)}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f6f7f9"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #d9dce1;border-radius:8px;">
<tr><td style="padding:24px;font-family:Arial,Helvetica,sans-serif;">
<h1 style="margin:0 0 16px 0;font-size:22px;line-height:28px;color:#1b1b1b;">${escapeHtml(opts.title)}</h1>
${opts.paragraphs.map(p).join('\n')}
${button}
${opts.footer ? `<p style="margin:0;font-size:13px;line-height:20px;color:#505a64;">${opts.footer}</p>` : ''}
</td></tr></table></td></tr></table></body></html>`;
}
