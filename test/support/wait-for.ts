// Waiting for an event instead of sleeping: polls a condition until it holds, and fails at its
// deadline with what was awaited and what was last seen, so a slow machine only makes tests slower.

export interface WaitOptions {
  /** what the test waits for, in words: it names the failure at the deadline */
  what: string;
  /** ms until the test fails; generous, because the machine may be busy with other suites */
  timeout?: number;
  /** ms between two looks */
  interval?: number;
}

/**
 * Resolves with the condition's first truthy value. A condition that throws (e.g. an `expect` that
 * does not hold yet) counts as "not yet"; its last error is part of the failure at the deadline.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, { what, timeout = 15_000, interval = 50 }: WaitOptions): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`waited ${timeout} ms for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
