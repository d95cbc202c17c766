// Runs the Slack surface alone: config -> database -> rights -> Slack app on PORT. For working on
// the Slack app without the rest of the product (the full composition root is src/main.ts).
import path from 'node:path';
import express from 'express';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { defaultOptions } from '../rights/index.ts';
import { createSlackApp } from './app.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
// The same place as src/main.ts keeps the embedded database.
const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dir: path.join(config.dataDir, 'pglite') });
const deps = { prisma: db.prisma, options: { ...defaultOptions, publicUrl: config.publicUrl } };
const slack = createSlackApp({ config, deps, logger, workConcurrency: db.kind === 'pglite' ? 1 : 2 });
const web = express();
if (slack.router) web.use(slack.router);
const server = web.listen(config.port, () => {
  const address = server.address();
  logger.info({ port: typeof address === 'object' && address ? address.port : config.port }, 'Slack app listening');
});
await slack.start();

const shutdown = async () => {
  server.close();
  await slack.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
