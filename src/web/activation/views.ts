// The activation page, its result and its problem pages: visible labels, hints and errors tied to
// their fields (aria-describedby), an error summary announced to screen readers, big touch targets.
import { environmentRoleLabel } from '../../i18n/labels.ts';
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';
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
  return page({
    locale,
    title: s.title,
    path: `/activate?token=${encodeURIComponent(opts.token)}`,
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
    path: '/login',
    body: html`<p role="status">${s.done(r.name, r.environmentName, environmentRoleLabel(locale, r.role))}</p>
${r.organisations.length ? html`<p>${s.joined(r.organisations.join(', '))}</p>` : ''}
<p>${s.logIn(r.email)}</p><p><a href="${withLang('/login', locale)}">${s.logInLink}</a></p>`,
  });
}

/** The ways on from a link that does not work: a new link (the forgotten-password page sends an invited person a fresh one), logging in, registering. */
function ways(locale: Locale, problem: LinkProblem | 'form') {
  const w = text[locale].ways;
  const newLink = { href: withLang('/password/forgot', locale), label: w.newLink };
  const logIn = { href: withLang('/login', locale), label: w.logIn };
  const register = { href: withLang('/register', locale), label: w.register };
  return waysOn(problem === 'invitation_used' ? [logIn, { ...newLink, label: w.forgot }] : [newLink, logIn, register]);
}

export function problemPage(locale: Locale, problem: LinkProblem): string {
  const [title, body] = text[locale].problems[problem];
  return page({ locale, title, path: '/password/forgot', body: html`<p class="error" role="alert">${body}</p>${ways(locale, problem)}` });
}

export function messagePage(locale: Locale, title: string, body: string): string {
  return page({ locale, title, path: '/password/forgot', body: html`<p class="error" role="alert">${body}</p>${ways(locale, 'form')}` });
}
