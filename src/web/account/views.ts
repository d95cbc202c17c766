// The registration and login pages: plain forms with visible labels, hints and errors tied to their
// fields (aria-describedby), an error summary announced to screen readers; every page has the
// language switch (page.ts), and every page that cannot go on offers the ways that can.
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html, type Html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';
import { sayer } from '../../i18n/sentence.ts';
import { defaultEnvironmentName } from '../../rights/environments/default-name.ts';

const errorBox = (locale: Locale, error?: FieldError) => errorSummary(sayer(locale)('web.common.errorSummary'), error);

export function registerPage(locale: Locale, csrf: string, opts: { email?: string; error?: FieldError } = {}): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.register.title'),
    path: '/register',
    body: html`${errorBox(locale, opts.error)}<p>${s('web.register.intro')}</p>
<form method="post" action="/register?lang=${locale}" novalidate>${csrfField(csrf)}
${input({ name: 'email', label: s('web.common.email'), type: 'email', autocomplete: 'email', value: opts.email, hint: s('web.register.emailHint'), error: opts.error })}
<button type="submit">${s('web.register.sendLink')}</button></form>
<p>${s('web.register.haveAccount')} <a href="${withLang('/login', locale)}">${s('web.common.logIn')}</a></p>`,
  });
}

export function checkEmailPage(locale: Locale, email: string): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.register.checkTitle'),
    path: '/register',
    body: html`<div class="notice" role="status"><p>${s('web.register.checkBody', { email })}</p></div><p class="hint">${s('web.register.checkHint')}</p>
${waysOn([{ href: withLang('/register', locale), label: s('web.register.startAgain') }, { href: withLang('/login', locale), label: s('web.common.logIn') }])}`,
  });
}

export interface CompleteForm {
  token: string;
  email: string;
  /** set when finishing creates a new environment: the page asks for the company name */
  newEnvironment: { domain: string | null } | null;
  name?: string;
  environmentName?: string;
  error?: FieldError;
}

export function completePage(locale: Locale, csrf: string, opts: CompleteForm): string {
  const s = sayer(locale);
  const env = opts.newEnvironment;
  const example = defaultEnvironmentName({ domain: null, personName: s('web.register.examplePerson'), locale });
  return page({
    locale,
    title: s('web.register.step2Title'),
    path: `/register/verify?token=${encodeURIComponent(opts.token)}`,
    body: html`${errorBox(locale, opts.error)}<p>${s('web.register.step2Intro', { email: opts.email })}</p>
<form method="post" action="/register/verify?lang=${locale}" novalidate>${csrfField(csrf)}<input type="hidden" name="token" value="${opts.token}">
<input type="hidden" name="username" autocomplete="username" value="${opts.email}">
${input({ name: 'name', label: s('web.register.name'), type: 'text', autocomplete: 'name', value: opts.name, error: opts.error, extra: html`maxlength="100"` })}
${env
  ? input({
      name: 'environmentName', label: s('web.register.companyName'), type: 'text', autocomplete: 'organization', required: env.domain !== null,
      value: opts.environmentName ?? env.domain ?? undefined,
      hint: env.domain ? s('web.register.companyNameHint') : s('web.register.companyNameHintPublic', { example }), error: opts.error, extra: html`maxlength="100"`,
    })
  : ''}
${input({ name: 'password', label: s('web.common.password'), type: 'password', autocomplete: 'new-password', hint: s('web.register.passwordHint'), error: opts.error, extra: html`minlength="10" maxlength="256"` })}
${input({ name: 'confirm', label: s('web.register.confirm'), type: 'password', autocomplete: 'new-password', error: opts.error, extra: html`minlength="10" maxlength="256"` })}
<button type="submit">${s('web.register.createAccount')}</button></form>`,
  });
}

export function linkProblemPage(locale: Locale, message: string): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.common.linkTitle'),
    path: '/register',
    body: html`<div class="error" role="alert"><p>${message}</p></div>
${waysOn([{ href: withLang('/register', locale), label: s('web.register.again') }, { href: withLang('/login', locale), label: s('web.common.logIn') }])}`,
  });
}

export function loginPage(locale: Locale, csrf: string, opts: { email?: string; error?: FieldError; notice?: string } = {}): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.login.title'),
    path: '/login',
    body: html`${opts.notice ? html`<div class="notice" role="status">${opts.notice}</div>` : ''}${errorBox(locale, opts.error)}
<form method="post" action="/login?lang=${locale}" novalidate>${csrfField(csrf)}
${input({ name: 'email', label: s('web.common.email'), type: 'email', autocomplete: 'username', value: opts.email, error: opts.error })}
${input({ name: 'password', label: s('web.common.password'), type: 'password', autocomplete: 'current-password', error: opts.error })}
<button type="submit">${s('web.common.logIn')}</button></form>
${waysOn([{ href: withLang('/password/forgot', locale), label: s('web.common.forgot') }, { href: withLang('/register', locale), label: s('web.login.noAccount') }])}`,
  });
}

/** A page that cannot do what was asked (a stale form, a refusal): what happened, and the ways on. */
export function problemPage(locale: Locale, title: string, message: string, ways: { href: string; label: string }[], path = ways[0]?.href ?? '/'): string {
  return page({
    locale,
    title,
    path,
    body: html`<div class="error" role="alert"><p>${message}</p></div>${waysOn(ways.map((w) => ({ ...w, href: withLang(w.href, locale) })))}`,
  });
}

export type { Html };
