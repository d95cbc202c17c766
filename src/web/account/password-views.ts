// The forgotten-password pages: ask for a link, the same answer whoever asks, the new password, and
// a page for each link that does not work with the ways on.
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';
import { text } from './password-text.ts';
import { fill, text as common } from './text.ts';

export function forgotPage(locale: Locale, csrf: string, opts: { email?: string; error?: FieldError } = {}): string {
  const s = text[locale];
  return page({
    locale,
    title: s.forgotTitle,
    path: '/password/forgot',
    body: html`${errorSummary(common[locale].errorSummary, opts.error)}<p>${s.forgotIntro}</p>
<form method="post" action="/password/forgot?lang=${locale}" novalidate>${csrfField(csrf)}
${input({ name: 'email', label: common[locale].email, type: 'email', autocomplete: 'username', value: opts.email, error: opts.error })}
<button type="submit">${s.send}</button></form>
${waysOn([{ href: withLang('/login', locale), label: s.backToLogin }])}`,
  });
}

export function forgotSentPage(locale: Locale, email: string): string {
  const s = text[locale];
  return page({
    locale,
    title: s.sentTitle,
    path: '/password/forgot',
    body: html`<div class="notice" role="status"><p>${fill(s.sent, { email })}</p></div><p class="hint">${s.sentHint}</p>
${waysOn([{ href: withLang('/login', locale), label: s.backToLogin }, { href: withLang('/password/forgot', locale), label: common[locale].newLink }])}`,
  });
}

export function resetPage(locale: Locale, csrf: string, opts: { token: string; email: string; error?: FieldError }): string {
  const s = text[locale];
  return page({
    locale,
    title: s.resetTitle,
    path: `/password/reset?token=${encodeURIComponent(opts.token)}`,
    body: html`${errorSummary(common[locale].errorSummary, opts.error)}<p>${fill(s.resetIntro, { email: opts.email })}</p>
<form method="post" action="/password/reset?lang=${locale}" novalidate>${csrfField(csrf)}<input type="hidden" name="token" value="${opts.token}">
<input type="hidden" name="username" autocomplete="username" value="${opts.email}">
${input({ name: 'password', label: s.newPassword, type: 'password', autocomplete: 'new-password', hint: s.passwordHint, error: opts.error, extra: html`minlength="10" maxlength="256"` })}
${input({ name: 'confirm', label: s.confirm, type: 'password', autocomplete: 'new-password', error: opts.error, extra: html`minlength="10" maxlength="256"` })}
<button type="submit">${s.save}</button></form>`,
  });
}

export function resetLinkProblemPage(locale: Locale, message: string): string {
  const s = text[locale];
  return page({
    locale,
    title: s.linkTitle,
    path: '/password/forgot',
    body: html`<div class="error" role="alert"><p>${message}</p></div>
${waysOn([{ href: withLang('/password/forgot', locale), label: common[locale].newLink }, { href: withLang('/login', locale), label: common[locale].logIn }])}`,
  });
}
