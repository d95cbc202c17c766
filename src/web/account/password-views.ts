// The forgotten-password pages: ask for a link, the same answer whoever asks, the new password, and
// a page for each link that does not work with the ways on.
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';
import { sayer } from '../../i18n/sentence.ts';

export function forgotPage(locale: Locale, csrf: string, opts: { email?: string; error?: FieldError } = {}): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.common.forgot'),
    path: '/password/forgot',
    body: html`${errorSummary(s('web.common.errorSummary'), opts.error)}<p>${s('web.password.forgotIntro')}</p>
<form method="post" action="/password/forgot?lang=${locale}" novalidate>${csrfField(csrf)}
${input({ name: 'email', label: s('web.common.email'), type: 'email', autocomplete: 'username', value: opts.email, error: opts.error })}
<button type="submit">${s('web.password.send')}</button></form>
${waysOn([{ href: withLang('/login', locale), label: s('web.password.backToLogin') }])}`,
  });
}

export function forgotSentPage(locale: Locale, email: string): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.password.sentTitle'),
    path: '/password/forgot',
    body: html`<div class="notice" role="status"><p>${s('web.password.sent', { email })}</p></div><p class="hint">${s('web.password.sentHint')}</p>
${waysOn([{ href: withLang('/login', locale), label: s('web.password.backToLogin') }, { href: withLang('/password/forgot', locale), label: s('web.common.newLink') }])}`,
  });
}

export function resetPage(locale: Locale, csrf: string, opts: { token: string; email: string; error?: FieldError }): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.password.resetTitle'),
    path: `/password/reset?token=${encodeURIComponent(opts.token)}`,
    body: html`${errorSummary(s('web.common.errorSummary'), opts.error)}<p>${s('web.password.resetIntro', { email: opts.email })}</p>
<form method="post" action="/password/reset?lang=${locale}" novalidate>${csrfField(csrf)}<input type="hidden" name="token" value="${opts.token}">
<input type="hidden" name="username" autocomplete="username" value="${opts.email}">
${input({ name: 'password', label: s('web.password.newPassword'), type: 'password', autocomplete: 'new-password', hint: s('web.password.passwordHint'), error: opts.error, extra: html`minlength="10" maxlength="256"` })}
${input({ name: 'confirm', label: s('web.password.confirm'), type: 'password', autocomplete: 'new-password', error: opts.error, extra: html`minlength="10" maxlength="256"` })}
<button type="submit">${s('web.password.save')}</button></form>`,
  });
}

export function resetLinkProblemPage(locale: Locale, message: string): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.common.linkTitle'),
    path: '/password/forgot',
    body: html`<div class="error" role="alert"><p>${message}</p></div>
${waysOn([{ href: withLang('/password/forgot', locale), label: s('web.common.newLink') }, { href: withLang('/login', locale), label: s('web.common.logIn') }])}`,
  });
}
