// What a Confirm / Cancel button carries: the change that was asked for, who asked, where, under
// which request id and when, sealed with an HMAC whose key lives in the database (app-secret.ts), so
// a click can be trusted to carry exactly what the app put there, and nothing else.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { appSecret } from '../../db/app-secret.ts';
import { nowOf, type RightsDeps } from '../../rights/index.ts';

/** How long a question stays open. */
export const CONFIRMATION_TTL_MS = 10 * 60_000;

const asked = z.object({
  /** what will happen */
  k: z.enum(['block', 'remove-user', 'leave-organisation']),
  /** the user it happens to */
  u: z.string().min(1).max(100),
  /** the organisation, for leave-organisation */
  o: z.string().max(100).optional(),
  /** the Slack user who asked: only they may answer */
  s: z.string().min(1).max(40),
  /** the channel the command ran in: the change is confirmed there */
  c: z.string().max(40),
  /** the request id of the change: the command's trigger_id, so a second click changes nothing */
  r: z.string().min(1).max(200),
  /** when it was asked, ms since the epoch */
  t: z.number().int(),
});

export type Asked = z.infer<typeof asked>;

const keys = new WeakMap<object, Promise<string>>();
const keyOf = (deps: RightsDeps) => {
  let key = keys.get(deps.prisma);
  if (!key) {
    key = appSecret(deps.prisma, 'slack-confirmations');
    // a failed read is tried again next time
    key.catch(() => keys.delete(deps.prisma));
    keys.set(deps.prisma, key);
  }
  return key;
};

const mac = (key: string, body: string) => createHmac('sha256', key).update(body, 'utf8').digest('base64url');

/** The button value for a question asked now. */
export async function sealConfirmation(deps: RightsDeps, what: Omit<Asked, 't'> & { t?: number }): Promise<string> {
  const body = Buffer.from(JSON.stringify({ ...what, t: what.t ?? nowOf(deps).getTime() }), 'utf8').toString('base64url');
  return `${body}.${mac(await keyOf(deps), body)}`;
}

/** What a button carries, when the app sealed it; null for anything else. */
export async function openConfirmation(deps: RightsDeps, value: string): Promise<Asked | null> {
  const [body, sig, extra] = value.split('.');
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(mac(await keyOf(deps), body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = asked.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const isStale = (deps: RightsDeps, a: Asked): boolean => {
  const age = nowOf(deps).getTime() - a.t;
  return age > CONFIRMATION_TTL_MS || age < -60_000;
};
