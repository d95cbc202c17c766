// When to try a failed message again: exponential back-off with jitter (so a burst that failed
// together does not retry together), or the time the other side asked for (Slack's Retry-After).

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Delay before attempt `attempts + 1`, after `attempts` failed ones (1-based). */
export function retryDelayMs(attempts: number, err: unknown, opts: BackoffOptions, random = Math.random): number {
  const asked = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  // The other side knows best when it can take the message again; only an absurd value is bounded.
  if (typeof asked === 'number' && Number.isFinite(asked) && asked >= 0) return Math.min(Math.ceil(asked), 3_600_000);
  const exp = opts.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(exp, opts.maxDelayMs);
  // +-20 %: spreads retries without changing their order of magnitude.
  return Math.round(capped * (0.8 + 0.4 * random()));
}

/** An error that says retrying cannot help (unknown template, mailbox refused with 5xx). */
export const isPermanent = (err: unknown): boolean => (err as { permanent?: unknown } | null)?.permanent === true;
