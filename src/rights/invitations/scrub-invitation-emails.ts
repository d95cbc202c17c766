// A revoked or replaced invitation must not arrive later (rule 6): its emails still waiting in the
// outbox fail, and the link they carry is wiped.
import type { Tx } from '../core/transaction.ts';

/** Pending invitation emails carry the raw link until sent; a revoked link is wiped from them. */
export async function scrubPendingInvitationEmails(tx: Tx, userEmail: string) {
  await tx.$executeRaw`
    UPDATE "OutboxMessage" SET payload = jsonb_set(payload, '{data,link}', 'null'::jsonb), status = 'FAILED',
      "lastError" = 'invitation revoked before delivery'
    WHERE kind = 'EMAIL' AND status = 'PENDING' AND payload->>'template' = 'invitation' AND payload->>'to' = ${userEmail}`;
}
