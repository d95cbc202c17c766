// The account pages served in-process behind an https PUBLIC_URL: the session cookie is Secure,
// http-only, same-site and __Host- prefixed; what people typed is escaped on the account page.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { completeRegistration, startRegistration } from '../../src/rights/index.ts';
import { accountRouter } from '../../src/web/account/router.ts';
import { createCsrf } from '../../src/web/csrf.ts';
import { createWebApp, type WebContext } from '../../src/web/server.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { strongPassword, uniqueDomain } from '../support/factories.ts';

let t: OpenTestDatabase;
let server: Server;
let base: string;
beforeAll(async () => {
  t = await openTestDatabase({ publicUrl: 'https://rights.example.test' });
  const ctx: WebContext = { db: t.db, deps: t.deps, logger: createLogger('silent'), csrf: createCsrf('a'.repeat(64), true), secureCookies: true, deviceKey: 'd'.repeat(43) };
  const app = createWebApp(ctx, { routers: [accountRouter(ctx)] });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await t?.close();
});

/** Cookies kept like a browser would (ignoring Secure: the test talks to the app directly). */
function jar() {
  const cookies = new Map<string, string>();
  return {
    raw: [] as string[],
    take(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        this.raw.push(c);
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

describe('account pages behind https', () => {
  it('sets a Secure, http-only, same-site __Host- session cookie, escapes names, and clears the cookie at logout', async () => {
    const email = `xss@${uniqueDomain()}`;
    await startRegistration(t.deps, { email });
    const msg = await t.deps.prisma.outboxMessage.findFirstOrThrow({ where: { payload: { path: ['to'], equals: email } } });
    const token = new URL((msg.payload as { data: { link: string } }).data.link).searchParams.get('token')!;
    await completeRegistration(t.deps, { token, name: '<img src=x onerror=alert(1)>', password: strongPassword });

    const cookies = jar();
    const form = await fetch(`${base}/login?lang=en`);
    cookies.take(form);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    expect(cookies.raw.find((c) => c.startsWith('__Host-ec_csrf='))).toMatch(/; Secure/);

    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${base}${path}?lang=en`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.header() },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const login = await post('/login', { email, password: strongPassword });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/account');
    cookies.take(login);
    const session = cookies.raw.find((c) => c.startsWith('__Host-ec_session='))!;
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).not.toMatch(/; Domain=/i);

    const account = await fetch(`${base}/account?lang=en`, { headers: { cookie: cookies.header() } });
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toBe('no-store');
    const body = await account.text();
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toContain('<img src=x');

    const logout = await post('/logout', {});
    expect(logout.status).toBe(303);
    expect(logout.headers.getSetCookie().find((c) => c.startsWith('__Host-ec_session='))).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await fetch(`${base}/account`, { redirect: 'manual', headers: { cookie: cookies.header() } });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/login/);
  });
});
