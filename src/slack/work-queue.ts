// Runs the work that follows an ack a few at a time. PGlite executes SQL in this thread and a chain
// of queries resolves in microtasks without letting new HTTP requests in, so twenty commands started
// at once would delay each other's acks past Slack's patience. One job at a time (PGlite) or a few
// (PostgreSQL), each started from a fresh macrotask, keeps acks prompt; the database serialises the
// work anyway.
export class WorkQueue {
  private running = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      // A macrotask boundary lets pending requests be read and acknowledged first.
      await new Promise((resolve) => setImmediate(resolve));
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
