// The start page, and the pages for an address that leads nowhere (404) and for our own failure (500):
// real pages in the visitor's language, each with a way on.
import { html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';
import { text } from './text.ts';

export function startPage(locale: Locale, loggedIn: boolean): string {
  const s = text[locale];
  return page({
    locale,
    title: s.startTitle,
    body: html`<p>${s.startIntro}</p><p>${s.startSlack}</p>
${loggedIn
  ? html`<div class="card"><p><a href="${withLang('/account', locale)}">${s.startAccount}</a></p></div>`
  : html`<div class="card"><h2>${s.startHave}</h2><p><a href="${withLang('/login', locale)}">${s.startLogIn}</a></p></div>
<div class="card"><h2>${s.startNew}</h2><p><a href="${withLang('/register', locale)}">${s.startRegister}</a></p></div>`}`,
  });
}

const ways = (locale: Locale) => {
  const s = text[locale];
  return waysOn([
    { href: withLang('/', locale), label: s.home },
    { href: withLang('/login', locale), label: s.logIn },
    { href: withLang('/register', locale), label: s.register },
  ]);
};

export function notFoundPage(locale: Locale): string {
  const s = text[locale];
  return page({ locale, title: s.notFoundTitle, body: html`<p>${s.notFound}</p>${ways(locale)}` });
}

export function errorPage(locale: Locale): string {
  const s = text[locale];
  return page({ locale, title: s.errorTitle, body: html`<div class="error" role="alert"><p>${s.error}</p></div>${ways(locale)}` });
}
