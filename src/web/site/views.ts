// The start page, and the pages for an address that leads nowhere (404) and for our own failure (500):
// real pages in the visitor's language, each with a way on.
import { html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { page, waysOn, withLang } from '../page.ts';
import { sayer } from '../../i18n/sentence.ts';

export function startPage(locale: Locale, loggedIn: boolean): string {
  const s = sayer(locale);
  return page({
    locale,
    title: s('web.site.startTitle'),
    body: html`<p>${s('web.site.startIntro')}</p><p>${s('web.site.startSlack')}</p>
${loggedIn
  ? html`<div class="card"><p><a href="${withLang('/account', locale)}">${s('web.site.startAccount')}</a></p></div>`
  : html`<div class="card"><h2>${s('web.register.haveAccount')}</h2><p><a href="${withLang('/login', locale)}">${s('web.common.logIn')}</a></p></div>
<div class="card"><h2>${s('web.site.startNew')}</h2><p><a href="${withLang('/register', locale)}">${s('web.site.startRegister')}</a></p></div>`}`,
  });
}

const ways = (locale: Locale) => {
  const s = sayer(locale);
  return waysOn([
    { href: withLang('/', locale), label: s('web.site.home') },
    { href: withLang('/login', locale), label: s('web.common.logIn') },
    { href: withLang('/register', locale), label: s('web.common.register') },
  ]);
};

export function notFoundPage(locale: Locale): string {
  const s = sayer(locale);
  return page({ locale, title: s('web.site.notFoundTitle'), body: html`<p>${s('web.site.notFound')}</p>${ways(locale)}` });
}

export function errorPage(locale: Locale): string {
  const s = sayer(locale);
  return page({ locale, title: s('web.site.errorTitle'), body: html`<div class="error" role="alert"><p>${s('web.site.error')}</p></div>${ways(locale)}` });
}
