// The service clock. Every time a use case stores or compares (expiry, activation, revocation) comes
// from here, so a test or an operator can move time for the whole service at once.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RightsDeps } from './deps.ts';

export const nowOf = (deps: RightsDeps): Date => (deps.now ? deps.now() : new Date());

// The clock of the change running now, for code inside a transaction that is not handed the deps
// (requireActor): transaction() runs each change with its service clock.
const changeClock = new AsyncLocalStorage<() => Date>();

/** Runs `fn` with `deps`'s clock as the clock of the change. */
export const withServiceClock = <T>(deps: RightsDeps, fn: () => T): T => (deps.now ? changeClock.run(deps.now, fn) : fn());

/** The service clock of the change running now; the system clock outside one. */
export const changeNow = (): Date => changeClock.getStore()?.() ?? new Date();
