export { createOutboxWorker, outboxDefaults, type Deliver, type OutboxWorker, type OutboxWorkerOptions } from './worker.ts';
export { retryDelayMs, isPermanent } from './backoff.ts';
