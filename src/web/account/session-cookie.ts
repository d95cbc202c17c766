// The session cookie: http-only (scripts never see it), same-site lax (sent when a person follows a
// link to the account page, never on cross-site form posts), Secure with an https PUBLIC_URL. The
// __Host- prefix pins it to this host and path / when secure.
import type { Request, Response } from 'express';

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-ec_session' : 'ec_session');

export function setSessionCookie(res: Response, secure: boolean, token: string, expiresAt: Date) {
  res.cookie(sessionCookieName(secure), token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(res: Response, secure: boolean) {
  res.clearCookie(sessionCookieName(secure), { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

export const sessionToken = (req: Request, secure: boolean): string | undefined =>
  (req.cookies as Record<string, string> | undefined)?.[sessionCookieName(secure)];
