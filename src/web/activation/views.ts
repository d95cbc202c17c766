// The activation page, its result and its problem pages: visible labels, hints and errors tied to
// their fields (aria-describedby), an error summary announced to screen readers, big touch targets.
import { environmentRoleLabel } from '../../i18n/labels.ts';
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page } from '../page.ts';
import { formatExpiry, text, type LinkProblem } from './text.ts';

export interface Invitation {
  email: string;
  role: string;
  environmentName: string;
  inviterName: string | null;
  expiresAt: string;
}

export function activationForm(locale: Locale, inv: Invitation, opts: { token: string; csrf: string; name?: string; error?: FieldError }): string {
  const s = text[locale];
  const role = environmentRoleLabel(locale, inv.role);
  const other: Locale = locale === 'nl' ? 'en' : 'nl';
  const nav = html`<nav aria-label="${s.language}"><a href="/activate?token=${encodeURIComponent(opts.token)}&amp;lang=${other}" lang="${other}" hreflang="${other}">${other === 'nl' ? 'Nederlands' : 'English'}</a></nav>`;
  return page({
    locale,
    title: s.title,
    nav,
    body: html`${errorSummary(s.errorSummary, opts.error)}
<p>${s.invited(inv.inviterName, inv.environmentName, role)}</p>
<p class="notice">${s.until(formatExpiry(inv.expiresAt, locale))}</p>
<form method="post" action="/activate?lang=${locale}" novalidate>
${csrfField(opts.csrf)}<input type="hidden" name="token" value="${opts.token}">
<label for="email">${s.account}</label>
<input id="email" name="username" type="email" autocomplete="username" value="${inv.email}" readonly>
${input({ name: 'name', label: s.name, type: 'text', autocomplete: 'name', value: opts.name, hint: s.nameHint, error: opts.error, extra: html`maxlength="100"` })}
${input({ name: 'password', label: s.password, type: 'password', autocomplete: 'new-password', hint: s.passwordHint, error: opts.error, extra: html`minlength="10" maxlength="256"` })}
${input({ name: 'confirm', label: s.confirm, type: 'password', autocomplete: 'new-password', error: opts.error, extra: html`minlength="10" maxlength="256"` })}
<button type="submit">${s.submit}</button></form>`,
  });
}

export function activatedPage(locale: Locale, r: { name: string; email: string; role: string; environmentName: string; organisations: string[] }): string {
  const s = text[locale];
  return page({
    locale,
    title: s.doneTitle,
    body: html`<p role="status">${s.done(r.name, r.environmentName, environmentRoleLabel(locale, r.role))}</p>
${r.organisations.length ? html`<p>${s.joined(r.organisations.join(', '))}</p>` : ''}
<p>${s.logIn(r.email)}</p><p><a href="/login?lang=${locale}">${s.logInLink}</a></p>`,
  });
}

export function problemPage(locale: Locale, problem: LinkProblem): string {
  const [title, body] = text[locale].problems[problem];
  return page({ locale, title, body: html`<p class="error" role="alert">${body}</p>` });
}

export function messagePage(locale: Locale, title: string, body: string): string {
  return page({ locale, title, body: html`<p class="error" role="alert">${body}</p>` });
}
