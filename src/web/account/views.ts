// The pages' HTML: plain forms with visible labels, hints and errors tied to their fields
// (aria-describedby), an error summary announced to screen readers, and a language switch.
import { labels, type EnvironmentRole, type OrganisationRole } from '../../i18n/labels.ts';
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html, type Html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page } from '../page.ts';
import { fill, text } from './text.ts';

/** `path` may carry a query (the verification token) to keep when switching language. */
function nav(locale: Locale, path: string, extra?: Html): Html {
  const other: Locale = locale === 'nl' ? 'en' : 'nl';
  const href = `${path}${path.includes('?') ? '&' : '?'}lang=${other}`;
  return html`<nav aria-label="${text[locale].language}">${extra ?? ''}<a href="${href}" lang="${other}" hreflang="${other}">${other === 'nl' ? 'Nederlands' : 'English'}</a></nav>`;
}

const errorBox = (locale: Locale, error?: FieldError) => errorSummary(text[locale].errorSummary, error);

export function registerPage(locale: Locale, csrf: string, opts: { email?: string; error?: FieldError } = {}): string {
  const s = text[locale];
  return page({
    locale,
    title: s.registerTitle,
    nav: nav(locale, '/register'),
    body: html`${errorBox(locale, opts.error)}<p>${s.registerIntro}</p>
<form method="post" action="/register?lang=${locale}" novalidate>${csrfField(csrf)}
${input({ name: 'email', label: s.email, type: 'email', autocomplete: 'email', value: opts.email, hint: s.emailHint, error: opts.error })}
<button type="submit">${s.sendLink}</button></form>
<p>${s.haveAccount} <a href="/login?lang=${locale}">${s.logIn}</a></p>`,
  });
}

export function checkEmailPage(locale: Locale, email: string): string {
  const s = text[locale];
  return page({
    locale,
    title: s.checkTitle,
    nav: nav(locale, '/register'),
    body: html`<div class="notice" role="status"><p>${fill(s.checkBody, { email })}</p></div><p class="hint">${s.checkHint}</p>
<p><a href="/register?lang=${locale}">${s.startAgain}</a> · <a href="/login?lang=${locale}">${s.logIn}</a></p>`,
  });
}

export function completePage(locale: Locale, csrf: string, opts: { token: string; email: string; name?: string; error?: FieldError }): string {
  const s = text[locale];
  return page({
    locale,
    title: s.step2Title,
    nav: nav(locale, `/register/verify?token=${encodeURIComponent(opts.token)}`),
    body: html`${errorBox(locale, opts.error)}<p>${fill(s.step2Intro, { email: opts.email })}</p>
<form method="post" action="/register/verify?lang=${locale}" novalidate>${csrfField(csrf)}<input type="hidden" name="token" value="${opts.token}">
<input type="hidden" name="username" autocomplete="username" value="${opts.email}">
${input({ name: 'name', label: s.name, type: 'text', autocomplete: 'name', value: opts.name, error: opts.error })}
${input({ name: 'password', label: s.password, type: 'password', autocomplete: 'new-password', hint: s.passwordHint, error: opts.error })}
<button type="submit">${s.createAccount}</button></form>`,
  });
}

export function linkProblemPage(locale: Locale, message: string): string {
  const s = text[locale];
  return page({
    locale,
    title: s.linkTitle,
    nav: nav(locale, '/register'),
    body: html`<div class="error" role="alert"><p>${message}</p></div>
<p><a href="/register?lang=${locale}">${s.registerAgain}</a> · <a href="/login?lang=${locale}">${s.logIn}</a></p>`,
  });
}

export function loginPage(locale: Locale, csrf: string, opts: { email?: string; error?: FieldError; notice?: string } = {}): string {
  const s = text[locale];
  return page({
    locale,
    title: s.loginTitle,
    nav: nav(locale, '/login'),
    body: html`${opts.notice ? html`<div class="notice" role="status">${opts.notice}</div>` : ''}${errorBox(locale, opts.error)}
<form method="post" action="/login?lang=${locale}" novalidate>${csrfField(csrf)}
${input({ name: 'email', label: s.email, type: 'email', autocomplete: 'username', value: opts.email, error: opts.error })}
${input({ name: 'password', label: s.password, type: 'password', autocomplete: 'current-password', error: opts.error })}
<button type="submit">${s.logIn}</button></form>
<p>${s.noAccount} <a href="/register?lang=${locale}">${s.register}</a></p>`,
  });
}

export interface AccountView {
  email: string;
  name: string | null;
  role: EnvironmentRole;
  environmentName: string;
  organisations: { name: string; role: OrganisationRole }[];
}

export function accountPage(locale: Locale, csrf: string, account: AccountView, welcome?: string): string {
  const s = text[locale];
  const words = labels[locale];
  const logout = html`<form method="post" action="/logout?lang=${locale}" class="inline">${csrfField(csrf)}<button type="submit">${s.logOut}</button></form>`;
  return page({
    locale,
    title: s.accountTitle,
    nav: nav(locale, '/account', html`<span>${fill(s.loggedInAs, { email: account.email })}</span>`),
    body: html`${welcome ? html`<div class="notice" role="status">${fill(welcome, { environment: account.environmentName })}</div>` : ''}
<dl>
<dt>${s.name}</dt><dd>${account.name ?? ''}</dd>
<dt>${s.email}</dt><dd>${account.email}</dd>
<dt>${s.environment}</dt><dd>${account.environmentName}</dd>
<dt>${s.yourRole}</dt><dd>${words.environmentRole[account.role]}</dd>
</dl>
<h2>${s.organisations}</h2>
${account.organisations.length
  ? html`<table><caption class="hint">${s.organisations}</caption><thead><tr><th scope="col">${s.organisation}</th><th scope="col">${s.roleInOrg}</th></tr></thead><tbody>
${account.organisations.map((o) => html`<tr><td>${o.name}</td><td>${words.organisationRole[o.role]}</td></tr>`)}</tbody></table>`
  : html`<p>${s.noOrganisations}</p>`}
${logout}`,
  });
}

export function problemPage(locale: Locale, title: string, message: string, back: { href: string; label: string }): string {
  return page({
    locale,
    title,
    nav: nav(locale, back.href),
    body: html`<div class="error" role="alert"><p>${message}</p></div><p><a href="${back.href}?lang=${locale}">${back.label}</a></p>`,
  });
}
