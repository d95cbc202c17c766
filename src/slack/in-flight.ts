// Slack's requests in flight: the ack of each must leave within 3 s, and the app's work after the
// ack (the outbox workers, on the same thread) gives way to them. Work starts only once no request
// is in flight and none arrived or was answered for QUIET_GAP_MS (commands come in bursts: the rest of
// a burst is usually a few milliseconds behind its first), and never waits longer than QUIET_WAIT_MS,
// so under steady traffic work still goes on promptly.
import type { RequestHandler } from 'express';

const QUIET_GAP_MS = 25;
const QUIET_WAIT_MS = 500;

export class InFlight {
  private count = 0;
  private lastActivity = 0;

  constructor(
    private readonly gapMs = QUIET_GAP_MS,
    private readonly maxWaitMs = QUIET_WAIT_MS,
  ) {}

  /** counts a request from its arrival until its response is written (or its connection gone) */
  readonly track: RequestHandler = (_req, res, next) => {
    this.count++;
    this.lastActivity = performance.now();
    let done = false;
    const leave = () => {
      if (done) return;
      done = true;
      this.count--;
      this.lastActivity = performance.now();
    };
    res.once('finish', leave);
    res.once('close', leave);
    next();
  };

  /** how many requests wait for their answer now */
  get pending(): number {
    return this.count;
  }

  /** resolves once no request was in flight for the quiet gap, or after the longest wait */
  quiet = (): Promise<void> => {
    const since = () => performance.now() - this.lastActivity;
    if (this.count === 0 && since() >= this.gapMs) return Promise.resolve();
    const deadline = performance.now() + this.maxWaitMs;
    return new Promise<void>((resolve) => {
      const look = () => {
        const now = performance.now();
        if (now >= deadline) return resolve();
        const left = this.count === 0 ? this.gapMs - since() : this.gapMs;
        if (left <= 0) return resolve();
        setTimeout(look, Math.min(left, deadline - now));
      };
      look();
    });
  };
}
