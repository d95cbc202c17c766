// The account page: who you are (a definition list whose labels and values look different), your
// name, password and language, your organisations, where you are logged in; for an environment
// Administrator also the environment and, while something is left to do, the next steps.
import Bowser from 'bowser';
import { t } from '../../i18n/catalogue.ts';
import { labels, type EnvironmentRole, type OrganisationRole } from '../../i18n/labels.ts';
import { sayer } from '../../i18n/sentence.ts';
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html, type Html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page } from '../page.ts';
import { nextStepsPanel } from './next-steps.ts';
import { slackConnectionSection } from './slack-connection.ts';

export interface AccountView {
  email: string;
  name: string | null;
  role: EnvironmentRole;
  /** the language the person chose; null: the environment's */
  locale: string | null;
  environmentName: string;
  environmentLocale: string;
  organisations: { name: string; role: OrganisationRole }[];
}

export interface SessionView {
  userAgent: string | null;
  createdAt: string;
  current: boolean;
}

export interface EnvironmentView {
  name: string;
  locale: string;
  domains: string[];
  slackTeamId: string | null;
  slackTeamName?: string | null;
  /** distribution mode: the environment's workspace is connected with "Add to Slack" */
  slackInstall?: boolean;
  notificationChannelId: string | null;
  people: number;
}

/** Which form a problem belongs to; its fields are marked, and what was typed is shown again. */
export type AccountForm = 'name' | 'password' | 'environment-name';

export interface AccountPageOptions {
  account: AccountView;
  sessions: SessionView[];
  environment: EnvironmentView | null;
  csrf: string;
  notice?: string;
  problem?: { form: AccountForm; error: FieldError; typed?: string };
}

/** A language by its own name, as a person looks for theirs. */
const languageName = (l: string) => (l === 'nl' ? t('nl', 'web.page.languageName') : t('en', 'web.page.languageName'));

function browserName(locale: Locale, userAgent: string | null): string {
  if (!userAgent) return t(locale, 'web.account.unknownBrowser');
  const { browser, os } = Bowser.parse(userAgent);
  if (!browser.name) return t(locale, 'web.account.unknownBrowser');
  return os.name ? `${browser.name} · ${os.name}` : browser.name;
}

const post = (action: string, locale: Locale, csrf: string, body: Html, className?: string) =>
  html`<form method="post" action="${action}?lang=${locale}" novalidate ${className ? html`class="${className}"` : ''}>${csrfField(csrf)}${body}</form>`;

export function accountPage(locale: Locale, o: AccountPageOptions): string {
  const s = sayer(locale);
  const words = labels[locale];
  const a = o.account;
  const err = (form: AccountForm) => (o.problem?.form === form ? o.problem.error : undefined);
  const language = a.locale ? languageName(a.locale) : s('web.account.languageOfEnvironment', { language: languageName(a.environmentLocale) });
  const choice = (value: string, label: string, checked: boolean) =>
    html`<label class="choice"><input type="radio" name="locale" value="${value}" ${checked ? html`checked` : ''}>${label}</label>`;

  const about = html`<section class="card" aria-labelledby="about"><h2 id="about">${s('web.account.aboutYou')}</h2>
<dl class="facts">
<dt>${s('web.account.name')}</dt><dd>${a.name ?? ''}</dd>
<dt>${s('web.common.email')}</dt><dd>${a.email}</dd>
<dt>${s('web.account.environment')}</dt><dd>${a.environmentName}</dd>
<dt>${s('web.account.role')}</dt><dd>${words.environmentRole[a.role]}</dd>
<dt>${s('web.account.yourLanguage')}</dt><dd>${language}</dd>
</dl>
${post('/account/name', locale, o.csrf, html`${input({ name: 'name', label: s('web.account.changeName'), type: 'text', autocomplete: 'name', value: o.problem?.form === 'name' ? o.problem.typed : (a.name ?? ''), error: err('name'), extra: html`maxlength="100"` })}
<button type="submit">${s('web.account.save')}</button>`)}
</section>`;

  const password = html`<section class="card" aria-labelledby="password-title"><h2 id="password-title">${s('web.common.password')}</h2>
${post('/account/password', locale, o.csrf, html`<input type="hidden" name="username" autocomplete="username" value="${a.email}">
${input({ name: 'current', label: s('web.account.current'), type: 'password', autocomplete: 'current-password', error: err('password') })}
${input({ name: 'password', label: s('web.account.newPassword'), type: 'password', autocomplete: 'new-password', hint: s('web.account.passwordHint'), error: err('password'), extra: html`minlength="10" maxlength="256"` })}
${input({ name: 'confirm', label: s('web.account.confirm'), type: 'password', autocomplete: 'new-password', error: err('password'), extra: html`minlength="10" maxlength="256"` })}
<button type="submit">${s('web.account.changePassword')}</button>`)}
</section>`;

  const languageForm = html`<section class="card" aria-labelledby="language-title"><h2 id="language-title">${s('web.account.languageTitle')}</h2>
${post('/account/language', locale, o.csrf, html`<fieldset><legend>${s('web.account.languageLegend')}</legend>
${choice('', s('web.account.useEnvironment', { language: languageName(a.environmentLocale) }), a.locale === null)}
${choice('en', languageName('en'), a.locale === 'en')}
${choice('nl', languageName('nl'), a.locale === 'nl')}
</fieldset><button type="submit">${s('web.account.saveLanguage')}</button>`)}
</section>`;

  const organisations = html`<section class="card" aria-labelledby="organisations-title"><h2 id="organisations-title">${s('web.account.organisations')}</h2>
${a.organisations.length
  ? html`<table><thead><tr><th scope="col">${s('web.account.organisation')}</th><th scope="col">${s('web.account.roleInOrg')}</th></tr></thead><tbody>
${a.organisations.map((org) => html`<tr><td>${org.name}</td><td>${words.organisationRole[org.role]}</td></tr>`)}</tbody></table>`
  : html`<p>${s('web.account.noOrganisations')}</p>`}
</section>`;

  const sessions = html`<section class="card" aria-labelledby="sessions-title"><h2 id="sessions-title">${s('web.account.sessions')}</h2>
<p class="hint">${s('web.account.sessionsIntro')}</p>
<ul class="sessions">${o.sessions.map((x) => html`<li>${browserName(locale, x.userAgent)}, ${s('web.account.since', { when: new Date(x.createdAt) })}${x.current ? html` <strong>(${s('web.account.thisBrowser')})</strong>` : ''}</li>`)}</ul>
<div class="actions">
${post('/logout', locale, o.csrf, html`<button type="submit">${s('web.common.logOut')}</button>`)}
${o.sessions.some((x) => !x.current) ? post('/account/sessions/end-others', locale, o.csrf, html`<button type="submit" class="secondary">${s('web.account.logOutElsewhere')}</button>`) : ''}
</div>
</section>`;

  const env = o.environment;
  const environment = env
    ? html`<section class="card" aria-labelledby="environment-title"><h2 id="environment-title">${s('web.account.environmentTitle')}</h2>
<dl class="facts">
<dt>${s('web.account.environmentName')}</dt><dd>${env.name}</dd>
<dt>${s('web.account.environmentLanguage')}</dt><dd>${languageName(env.locale)}</dd>
<dt>${s('web.account.domains')}</dt><dd>${env.domains.length ? env.domains.join(', ') : s('web.account.noDomains')}</dd>
<dt>${s('web.account.slack')}</dt><dd>${slackConnectionSection(locale, env, o.csrf)}</dd>
<dt>${s('web.account.channel')}</dt><dd>${env.notificationChannelId ? s('web.account.channelSet', { channel: env.notificationChannelId }) : s('web.account.noChannel')}</dd>
</dl>
${post('/account/environment/name', locale, o.csrf, html`${input({ name: 'environmentName', label: s('web.account.rename'), type: 'text', autocomplete: 'organization', value: o.problem?.form === 'environment-name' ? o.problem.typed : env.name, error: err('environment-name'), extra: html`maxlength="100"` })}
<button type="submit">${s('web.account.save')}</button>`)}
${post('/account/environment/language', locale, o.csrf, html`<label for="environmentLocale">${s('web.account.setLanguage')}</label>
<p class="hint" id="environmentLocale-hint">${s('web.account.environmentLanguageHint')}</p>
<select id="environmentLocale" name="locale" aria-describedby="environmentLocale-hint">
<option value="en" ${env.locale === 'en' ? html`selected` : ''}>${languageName('en')}</option>
<option value="nl" ${env.locale === 'nl' ? html`selected` : ''}>${languageName('nl')}</option>
</select><button type="submit">${s('web.account.save')}</button>`)}
</section>`
    : '';

  return page({
    locale,
    title: s('web.account.title'),
    path: '/account',
    banner: html`<span>${s('web.common.loggedInAs', { email: a.email })}</span>`,
    body: html`${o.notice ? html`<div class="notice" role="status">${o.notice}</div>` : ''}${errorSummary(s('web.common.errorSummary'), o.problem?.error)}
${env ? nextStepsPanel(locale, env) : ''}
${about}${organisations}${password}${languageForm}${sessions}${environment}`,
  });
}
