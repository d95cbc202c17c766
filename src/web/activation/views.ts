// The activation page, its result and its problem pages: visible labels, hints and errors tied to
// their fields (aria-describedby), an error summary announced to screen readers, big touch targets.
import type { MessageKey } from '../../i18n/catalogue.ts';
import { sayer } from '../../i18n/sentence.ts';
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';

export type LinkProblem = 'invitation_invalid' | 'invitation_expired' | 'invitation_used' | 'invitation_revoked';

/** Each problem of an activation link: its title and what to do. */
const PROBLEMS: Record<LinkProblem, [MessageKey, MessageKey]> = {
  invitation_invalid: ['web.activation.invalidTitle', 'web.activation.invalid'],
  invitation_expired: ['web.activation.expiredTitle', 'web.activation.expired'],
  invitation_used: ['web.activation.usedTitle', 'web.activation.used'],
  invitation_revoked: ['web.activation.revokedTitle', 'web.activation.revoked'],
};

export interface Invitation {
  email: string;
  role: string;
  environmentName: string;
  inviterName: string | null;
  expiresAt: string;
}

export function activationForm(locale: Locale, inv: Invitation, opts: { token: string; csrf: string; name?: string; error?: FieldError }): string {
  const s = sayer(locale);
  const invited = inv.inviterName
    ? s('web.activation.invited', { inviter: inv.inviterName, environment: inv.environmentName, role: inv.role })
    : s('web.activation.invitedByAdministrator', { environment: inv.environmentName, role: inv.role });
  return page({
    locale,
    title: s('web.activation.title'),
    path: `/activate?token=${encodeURIComponent(opts.token)}`,
    body: html`${errorSummary(s('web.activation.errorSummary'), opts.error)}
<p>${invited}</p>
<p class="notice">${s('web.activation.until', { when: new Date(inv.expiresAt) })}</p>
<form method="post" action="/activate?lang=${locale}" novalidate>
${csrfField(opts.csrf)}<input type="hidden" name="token" value="${opts.token}">
<label for="email">${s('web.activation.account')}</label>
<input id="email" name="username" type="email" autocomplete="username" value="${inv.email}" readonly>
${input({ name: 'name', label: s('web.activation.name'), type: 'text', autocomplete: 'name', value: opts.name, hint: s('web.activation.nameHint'), error: opts.error, extra: html`maxlength="100"` })}
${input({ name: 'password', label: s('web.activation.password'), type: 'password', autocomplete: 'new-password', hint: s('web.activation.passwordHint'), error: opts.error, extra: html`minlength="10" maxlength="256"` })}
${input({ name: 'confirm', label: s('web.activation.confirm'), type: 'password', autocomplete: 'new-password', error: opts.error, extra: html`minlength="10" maxlength="256"` })}
<button type="submit">${s('web.activation.submit')}</button></form>`,
  });
}

export function activatedPage(locale: Locale, r: { name: string; email: string; role: string; environmentName: string; organisations: string[] }): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.activation.doneTitle'),
    path: '/login',
    body: html`<p role="status">${s('web.activation.done', { name: r.name, environment: r.environmentName, role: r.role })}</p>
${r.organisations.length ? html`<p>${s('web.activation.joined', { organisations: r.organisations.join(', ') })}</p>` : ''}
<p>${s('web.activation.logIn', { email: r.email })}</p><p><a href="${withLang('/login', locale)}">${s('web.activation.logInLink')}</a></p>`,
  });
}

/** The ways on from a link that does not work: a new link (the forgotten-password page sends an invited person a fresh one), logging in, registering. */
function ways(locale: Locale, problem: LinkProblem | 'form') {
  const s = sayer(locale);
  const newLink = { href: withLang('/password/forgot', locale), label: s('web.activation.newLink') };
  const logIn = { href: withLang('/login', locale), label: s('web.common.logIn') };
  const register = { href: withLang('/register', locale), label: s('web.common.register') };
  return waysOn(problem === 'invitation_used' ? [logIn, { ...newLink, label: s('web.common.forgot') }] : [newLink, logIn, register]);
}

export function problemPage(locale: Locale, problem: LinkProblem): string {
  const s = sayer(locale);
  const [title, body] = PROBLEMS[problem];
  return page({ locale, title: s(title), path: '/password/forgot', body: html`<p class="error" role="alert">${s(body)}</p>${ways(locale, problem)}` });
}

export function messagePage(locale: Locale, title: string, body: string): string {
  return page({ locale, title, path: '/password/forgot', body: html`<p class="error" role="alert">${body}</p>${ways(locale, 'form')}` });
}
