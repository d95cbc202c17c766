// The service clock. Every time a use case stores or compares (expiry, activation, revocation) comes
// from here, so a test or an operator can move time for the whole service at once.
import type { RightsDeps } from './deps.ts';

export const nowOf = (deps: RightsDeps): Date => (deps.now ? deps.now() : new Date());
