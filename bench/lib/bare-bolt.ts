// The baseline the Slack benchmarks compare with: a bare Bolt app (Bolt's ExpressReceiver as it
// comes, every command acked and nothing else), started as its own process by test/support's
// launcher: `startApp({ entry: [bareBoltEntry], env: { SLACK_SIGNING_SECRET, PORT } })`.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';

export const bareBoltEntry = fileURLToPath(import.meta.url);

/** Prints rows as aligned columns under a title. */
export function printTable(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(title);
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

// Run as a script: serve the bare app on PORT.
if (process.argv[1] && path.resolve(process.argv[1]) === bareBoltEntry) {
  const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET!, endpoints: '/slack/events' });
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-test' }), ignoreSelf: false });
  app.command(/.*/, async ({ ack }) => {
    await ack();
  });
  const web = express();
  // answers the launcher's readiness check like the app does
  web.get('/readyz', (_req, res) => void res.json({ ok: true }));
  web.use(receiver.router as express.Router);
  const server = web.listen(Number(process.env.PORT), '127.0.0.1', () => console.error(`bare app on ${(server.address() as AddressInfo).port}`));
}
