// The page shell every web page uses: plain, accessible HTML that reads well on a phone.
import { html, raw, type Html } from "./html.ts";
import type { Locale } from './i18n.ts';

const css = `
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9;line-height:1.5}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.6rem;margin:.5rem 0 1rem}
form{background:#fff;border:1px solid #d9dce1;border-radius:8px;padding:1.25rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}input,select{width:100%;font:inherit;padding:.6rem;border:1px solid #8a9099;border-radius:6px}
input:focus,button:focus,a:focus{outline:3px solid #1d70b8;outline-offset:2px}
button{font:inherit;margin-top:1rem;padding:.65rem 1.2rem;border:0;border-radius:6px;background:#1d5fb8;color:#fff;cursor:pointer}
.error{background:#fdecea;border-left:4px solid #c62828;padding:.75rem 1rem;margin:0 0 1rem}
.field-error{color:#b00020;margin:.25rem 0 0}.notice{background:#e8f4fd;border-left:4px solid #1d70b8;padding:.75rem 1rem;margin:0 0 1rem}
.hint{color:#505a64;font-size:.9rem;margin:.25rem 0 0}table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #e3e5e8}
nav{display:flex;gap:1rem;justify-content:flex-end;font-size:.9rem}`;

export function page(opts: { locale: Locale; title: string; body: Html; nav?: Html }): string {
  return `<!doctype html>${html`<html lang="${opts.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · eConnect</title><style>${raw(css)}</style></head>
<body><main>${opts.nav ?? ''}<h1>${opts.title}</h1>${opts.body}</main></body></html>`.value}`;
}
