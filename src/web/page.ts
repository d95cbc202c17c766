// The page shell every web page uses: plain, accessible HTML that reads well on a phone. A banner with
// the product's name (to the start page) and the language switch, one main landmark with the page's
// single h1, in the page's language.
import { html, raw, type Html } from './html.ts';
import { t } from '../i18n/catalogue.ts';
import type { Locale } from './i18n.ts';

const css = `
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9;line-height:1.5}
header{max-width:40rem;margin:0 auto;padding:.75rem 1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;font-size:.95rem}
header .brand{font-weight:700;color:#1b1b1b;text-decoration:none}header nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
main{max-width:40rem;margin:0 auto;padding:.5rem 1rem 2rem}h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:0 0 .75rem}
a{color:#1a55a4}form,.card{background:#fff;border:1px solid #d9dce1;border-radius:8px;padding:1.25rem;margin:0 0 1.25rem}
.card form{border:0;padding:0;margin:1rem 0 0;background:none}
label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}input,select{width:100%;font:inherit;padding:.6rem;border:1px solid #8a9099;border-radius:6px}
input[type=radio]{width:auto;margin:0 .5rem 0 0}fieldset{border:0;margin:0;padding:0}.choice{display:flex;align-items:center;font-weight:400;margin:.4rem 0}
input:focus,button:focus,a:focus{outline:3px solid #1d70b8;outline-offset:2px}
button{font:inherit;margin-top:1rem;padding:.65rem 1.2rem;border:1px solid #1d5fb8;border-radius:6px;background:#1d5fb8;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1a55a4}.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}.actions form{margin:0}.actions button{margin-top:.5rem}
.error{background:#fdecea;border-left:4px solid #c62828;padding:.75rem 1rem;margin:0 0 1rem}
.field-error{color:#b00020;margin:.25rem 0 0}.notice{background:#e8f4fd;border-left:4px solid #1d70b8;padding:.75rem 1rem;margin:0 0 1rem}
.hint{color:#505a64;font-size:.9rem;margin:.25rem 0 0}table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #e3e5e8}
dl.facts{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.4rem 1rem;margin:0}dl.facts dt{color:#505a64;font-weight:400}dl.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
@media (max-width:30rem){dl.facts{grid-template-columns:1fr;gap:0}dl.facts dd{margin-bottom:.6rem}}
ol.steps{padding-left:1.25rem}ol.steps li{margin:0 0 .75rem}.status{display:inline-block;font-size:.85rem;padding:0 .4rem;border-radius:4px;border:1px solid #505a64;margin-left:.25rem}
.status.done{border-color:#256029;color:#256029}.ways{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;padding:0;list-style:none}code{background:#eef0f3;padding:0 .25rem;border-radius:4px}`;


/** A path with `lang` set (any earlier lang dropped), for links that keep or change the language. */
export function withLang(path: string, locale: Locale): string {
  const [base, query = ''] = path.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.set('lang', locale);
  return `${base}?${params.toString()}`;
}

export interface PageOptions {
  locale: Locale;
  title: string;
  body: Html;
  /** where the language switch leads: this page's own address (a link's token kept); default the start page */
  path?: string;
  /** more of the banner, before the language switch (e.g. who is logged in) */
  banner?: Html;
}

export function page(opts: PageOptions): string {
  const other: Locale = opts.locale === 'nl' ? 'en' : 'nl';
  const switchTo = withLang(opts.path ?? '/', other);
  return `<!doctype html>${html`<html lang="${opts.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · eConnect</title><style>${raw(css)}</style></head>
<body><header><a class="brand" href="${withLang('/', opts.locale)}">eConnect</a>
<nav aria-label="${t(opts.locale, 'web.page.languageSwitch')}">${opts.banner ?? ''}<a href="${switchTo}" lang="${other}" hreflang="${other}">${t(other, 'web.page.languageName')}</a></nav></header>
<main><h1>${opts.title}</h1>${opts.body}</main></body></html>`.value}`;
}

/** Ways on from a page that cannot do what the person came for: links, in a list. */
export const waysOn = (links: { href: string; label: string }[]): Html =>
  html`<ul class="ways">${links.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul>`;
