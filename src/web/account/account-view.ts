// The account page: who you are (a definition list whose labels and values look different), your
// name, password and language, your organisations, where you are logged in; for an environment
// Administrator also the environment and, while something is left to do, the next steps.
import Bowser from 'bowser';
import { labels, type EnvironmentRole, type OrganisationRole } from '../../i18n/labels.ts';
import { formatExpiry } from '../activation/text.ts';
import { csrfField, errorSummary, input, type FieldError } from '../form.ts';
import { html, type Html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page } from '../page.ts';
import { languageNames, text } from './account-text.ts';
import { nextStepsPanel } from './next-steps.ts';
import { slackConnectionSection } from './slack-connection.ts';
import { fill, text as common } from './text.ts';

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

const languageName = (l: string) => languageNames[l === 'nl' ? 'nl' : 'en'];

function browserName(locale: Locale, userAgent: string | null): string {
  if (!userAgent) return text[locale].unknownBrowser;
  const { browser, os } = Bowser.parse(userAgent);
  if (!browser.name) return text[locale].unknownBrowser;
  return os.name ? `${browser.name} · ${os.name}` : browser.name;
}

const post = (action: string, locale: Locale, csrf: string, body: Html, className?: string) =>
  html`<form method="post" action="${action}?lang=${locale}" novalidate ${className ? html`class="${className}"` : ''}>${csrfField(csrf)}${body}</form>`;

export function accountPage(locale: Locale, o: AccountPageOptions): string {
  const s = text[locale];
  const words = labels[locale];
  const a = o.account;
  const err = (form: AccountForm) => (o.problem?.form === form ? o.problem.error : undefined);
  const language = a.locale ? languageName(a.locale) : fill(s.languageOfEnvironment, { language: languageName(a.environmentLocale) });
  const choice = (value: string, label: string, checked: boolean) =>
    html`<label class="choice"><input type="radio" name="locale" value="${value}" ${checked ? html`checked` : ''}>${label}</label>`;

  const about = html`<section class="card" aria-labelledby="about"><h2 id="about">${s.aboutYou}</h2>
<dl class="facts">
<dt>${s.name}</dt><dd>${a.name ?? ''}</dd>
<dt>${s.email}</dt><dd>${a.email}</dd>
<dt>${s.environment}</dt><dd>${a.environmentName}</dd>
<dt>${s.role}</dt><dd>${words.environmentRole[a.role]}</dd>
<dt>${s.yourLanguage}</dt><dd>${language}</dd>
</dl>
${post('/account/name', locale, o.csrf, html`${input({ name: 'name', label: s.changeName, type: 'text', autocomplete: 'name', value: o.problem?.form === 'name' ? o.problem.typed : (a.name ?? ''), error: err('name'), extra: html`maxlength="100"` })}
<button type="submit">${s.save}</button>`)}
</section>`;

  const password = html`<section class="card" aria-labelledby="password-title"><h2 id="password-title">${s.password}</h2>
${post('/account/password', locale, o.csrf, html`<input type="hidden" name="username" autocomplete="username" value="${a.email}">
${input({ name: 'current', label: s.current, type: 'password', autocomplete: 'current-password', error: err('password') })}
${input({ name: 'password', label: s.newPassword, type: 'password', autocomplete: 'new-password', hint: s.passwordHint, error: err('password'), extra: html`minlength="10" maxlength="256"` })}
${input({ name: 'confirm', label: s.confirm, type: 'password', autocomplete: 'new-password', error: err('password'), extra: html`minlength="10" maxlength="256"` })}
<button type="submit">${s.changePassword}</button>`)}
</section>`;

  const languageForm = html`<section class="card" aria-labelledby="language-title"><h2 id="language-title">${s.languageTitle}</h2>
${post('/account/language', locale, o.csrf, html`<fieldset><legend>${s.languageLegend}</legend>
${choice('', fill(s.useEnvironment, { language: languageName(a.environmentLocale) }), a.locale === null)}
${choice('en', languageNames.en, a.locale === 'en')}
${choice('nl', languageNames.nl, a.locale === 'nl')}
</fieldset><button type="submit">${s.saveLanguage}</button>`)}
</section>`;

  const organisations = html`<section class="card" aria-labelledby="organisations-title"><h2 id="organisations-title">${s.organisations}</h2>
${a.organisations.length
  ? html`<table><thead><tr><th scope="col">${s.organisation}</th><th scope="col">${s.roleInOrg}</th></tr></thead><tbody>
${a.organisations.map((org) => html`<tr><td>${org.name}</td><td>${words.organisationRole[org.role]}</td></tr>`)}</tbody></table>`
  : html`<p>${s.noOrganisations}</p>`}
</section>`;

  const sessions = html`<section class="card" aria-labelledby="sessions-title"><h2 id="sessions-title">${s.sessions}</h2>
<p class="hint">${s.sessionsIntro}</p>
<ul class="sessions">${o.sessions.map((x) => html`<li>${browserName(locale, x.userAgent)}, ${fill(s.since, { when: formatExpiry(x.createdAt, locale) })}${x.current ? html` <strong>(${s.thisBrowser})</strong>` : ''}</li>`)}</ul>
<div class="actions">
${post('/logout', locale, o.csrf, html`<button type="submit">${s.logOut}</button>`)}
${o.sessions.some((x) => !x.current) ? post('/account/sessions/end-others', locale, o.csrf, html`<button type="submit" class="secondary">${s.logOutElsewhere}</button>`) : ''}
</div>
</section>`;

  const env = o.environment;
  const environment = env
    ? html`<section class="card" aria-labelledby="environment-title"><h2 id="environment-title">${s.environmentTitle}</h2>
<dl class="facts">
<dt>${s.environmentName}</dt><dd>${env.name}</dd>
<dt>${s.environmentLanguage}</dt><dd>${languageName(env.locale)}</dd>
<dt>${s.domains}</dt><dd>${env.domains.length ? env.domains.join(', ') : s.noDomains}</dd>
<dt>${s.slack}</dt><dd>${slackConnectionSection(locale, env, o.csrf)}</dd>
<dt>${s.channel}</dt><dd>${env.notificationChannelId ? fill(s.channelSet, { channel: env.notificationChannelId }) : s.noChannel}</dd>
</dl>
${post('/account/environment/name', locale, o.csrf, html`${input({ name: 'environmentName', label: s.rename, type: 'text', autocomplete: 'organization', value: o.problem?.form === 'environment-name' ? o.problem.typed : env.name, error: err('environment-name'), extra: html`maxlength="100"` })}
<button type="submit">${s.save}</button>`)}
${post('/account/environment/language', locale, o.csrf, html`<label for="environmentLocale">${s.setLanguage}</label>
<p class="hint" id="environmentLocale-hint">${s.environmentLanguageHint}</p>
<select id="environmentLocale" name="locale" aria-describedby="environmentLocale-hint">
<option value="en" ${env.locale === 'en' ? html`selected` : ''}>${languageNames.en}</option>
<option value="nl" ${env.locale === 'nl' ? html`selected` : ''}>${languageNames.nl}</option>
</select><button type="submit">${s.save}</button>`)}
</section>`
    : '';

  return page({
    locale,
    title: s.title,
    path: '/account',
    banner: html`<span>${fill(s.loggedInAs, { email: a.email })}</span>`,
    body: html`${o.notice ? html`<div class="notice" role="status">${o.notice}</div>` : ''}${errorSummary(common[locale].errorSummary, o.problem?.error)}
${env ? nextStepsPanel(locale, env) : ''}
${about}${organisations}${password}${languageForm}${sessions}${environment}`,
  });
}
