// A message that could not be delivered after every retry, as its environment's administrators are
// told: by email (template `delivery-failed`) or in Slack (notification `outbox.failed`).
import { z } from 'zod';

export const deliveryFailure = z.object({
  /** what failed, named in the reader's language by the email and the Slack message */
  what: z.enum(['invitation', 'email', 'slack']).default('email'),
  /** what failed, in English: only in reports queued before `what` was named in the reader's language */
  description: z.string().optional(),
  recipient: z.string().nullish(),
  attempts: z.number().int(),
  lastError: z.string().nullish(),
  /** the failed outbox message */
  messageId: z.string().optional(),
});

/** as queued */
export type DeliveryFailure = z.input<typeof deliveryFailure>;
/** as a template renders it, defaults applied */
export type DeliveryFailureData = z.output<typeof deliveryFailure>;
