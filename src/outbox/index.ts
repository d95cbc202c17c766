export { createOutboxWorker, outboxDefaults, type OutboxWorker, type OutboxWorkerOptions } from './worker.ts';
export { retryDelayMs, isPermanent } from './backoff.ts';
