// Slack's requests in flight: the ack of each must leave within 3 s, and the app's work after the
// ack (the outbox workers, on the same thread) waits until the requests that arrived together were
// answered. It never waits long: under steady traffic work goes on after QUIET_WAIT_MS.
import type { RequestHandler } from 'express';

const QUIET_WAIT_MS = 250;

export class InFlight {
  private count = 0;
  private waiting: (() => void)[] = [];

  /** counts a request from its arrival until its response is written (or its connection gone) */
  readonly track: RequestHandler = (_req, res, next) => {
    this.count++;
    let done = false;
    const leave = () => {
      if (done) return;
      done = true;
      if (--this.count === 0) {
        const waiting = this.waiting;
        this.waiting = [];
        for (const w of waiting) w();
      }
    };
    res.once('finish', leave);
    res.once('close', leave);
    next();
  };

  /** resolves once no request is in flight, or after QUIET_WAIT_MS */
  quiet = (): Promise<void> => {
    if (this.count === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve();
      }, QUIET_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiting.push(done);
    });
  };
}
