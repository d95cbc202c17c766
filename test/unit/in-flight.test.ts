// Work after Slack's acks gives way to the requests in flight (src/slack/in-flight.ts): quiet()
// resolves only once no request was in flight for a short gap, and never later than its longest wait.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { InFlight } from '../../src/slack/in-flight.ts';
import { waitFor } from '../support/wait-for.ts';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** a server whose one route, counted by `inFlight`, answers when the test says so */
async function serve(inFlight: InFlight) {
  const held: (() => void)[] = [];
  const app = express();
  app.post('/slack/events', inFlight.track, (_req, res) => {
    held.push(() => res.send('ok'));
  });
  const server = app.listen(0);
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return { url, answer: () => held.shift()?.(), held: () => held.length };
}

describe('InFlight.quiet', () => {
  it('resolves at once when no request came', async () => {
    const inFlight = new InFlight(30, 2_000);
    const t0 = performance.now();
    await inFlight.quiet();
    expect(performance.now() - t0).toBeLessThan(20);
  });

  it('waits until the request in flight was answered and the gap passed', async () => {
    const inFlight = new InFlight(40, 5_000);
    const s = await serve(inFlight);
    const request = fetch(s.url, { method: 'POST' });
    await waitFor(() => s.held() === 1, { what: 'the request to arrive' });
    expect(inFlight.pending).toBe(1);
    let resolvedAt = 0;
    const quiet = inFlight.quiet().then(() => {
      resolvedAt = performance.now();
    });
    let answeredAt = 0;
    setTimeout(() => {
      answeredAt = performance.now();
      s.answer();
      // not yet: the answer just left
      expect(resolvedAt).toBe(0);
    }, 100);
    await (await request).text();
    await quiet;
    expect(inFlight.pending).toBe(0);
    // the gap is counted from the answer
    expect(resolvedAt - answeredAt).toBeGreaterThanOrEqual(25);
  });

  it('gives up waiting after its longest wait while requests keep it busy', async () => {
    const inFlight = new InFlight(30, 200);
    const s = await serve(inFlight);
    const request = fetch(s.url, { method: 'POST' });
    await waitFor(() => s.held() === 1, { what: 'the request to arrive' });
    const t0 = performance.now();
    await inFlight.quiet();
    const waited = performance.now() - t0;
    expect(inFlight.pending).toBe(1);
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(1_000);
    s.answer();
    await (await request).text();
  });
});
