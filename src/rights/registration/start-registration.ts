// Rule 7, step 1: someone types their email on the registration page. Nothing is created yet: they
// first prove the address is theirs with the link we mail them. The answer is the same whether or not
// the address already has an account (the page must not tell strangers who is registered); an
// existing account gets a "you already have an account, log in" email instead of a link.
import { readerLocale } from '../../i18n/catalogue.ts';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { enqueue } from '../core/outbox.ts';
import { transaction } from '../core/transaction.ts';
import { emailSchema } from '../email.ts';
import { parseInput } from '../input.ts';
import { hashToken, newToken } from '../secrets.ts';

const input = z.object({
  email: emailSchema,
  locale: z.enum(['en', 'nl']).default('en'),
});

export type StartRegistrationInput = z.input<typeof input>;

export async function startRegistration(deps: RightsDeps, raw: StartRegistrationInput): Promise<{ email: string }> {
  const data = parseInput(input, raw);
  const token = newToken();
  const now = nowOf(deps);
  const expiresAt = new Date(now.getTime() + deps.options.verificationTtlMs);
  await transaction(deps, async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: data.email },
      select: { environmentId: true, status: true, locale: true, environment: { select: { locale: true } } },
    });
    if (existing) {
      // Each request is its own event: a fresh key, so a second request later still gets an answer.
      await enqueue(tx, existing.environmentId, `registration-existing:${randomUUID()}:email`, {
        email: {
          to: data.email,
          template: 'registration-verification',
          // to someone who has an account: in their language, else their environment's
          locale: readerLocale(existing.environment, existing),
          data: { kind: 'existing', status: existing.status, loginLink: `${deps.options.publicUrl}/login` },
        },
      });
      return;
    }
    const verification = await tx.emailVerification.create({
      data: { email: data.email, tokenHash: hashToken(token), locale: data.locale, expiresAt },
      select: { id: true },
    });
    await enqueue(tx, null, `registration:${verification.id}:email`, {
      email: {
        to: data.email,
        template: 'registration-verification',
        locale: data.locale,
        data: {
          kind: 'verify',
          link: `${deps.options.publicUrl}/register/verify?token=${token}`,
          expiresAt: expiresAt.toISOString(),
        },
      },
    });
  });
  return { email: data.email };
}
