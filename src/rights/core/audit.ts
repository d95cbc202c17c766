// The audit trail: one event per change of rights, written in the change's transaction (rule 10).
import type { Prisma as PrismaNS } from '../../generated/prisma/client.ts';
import type { Actor } from './actor.ts';
import type { Tx } from './transaction.ts';

export interface AuditInput {
  environmentId: string;
  actor?: Actor | null;
  action: string;
  targetType: 'user' | 'organisation' | 'membership' | 'invitation' | 'environment' | 'api_token';
  targetId: string;
  details?: Record<string, unknown>;
}

export async function audit(tx: Tx, input: AuditInput) {
  return tx.auditEvent.create({
    data: {
      environmentId: input.environmentId,
      actorUserId: input.actor?.userId ?? null,
      actorSlackId: input.actor?.slackUserId ?? null,
      requestId: input.actor?.requestId ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      details: (input.details ?? {}) as PrismaNS.InputJsonValue,
    },
    select: { id: true },
  });
}
