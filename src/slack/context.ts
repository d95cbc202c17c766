// What every Slack listener receives: the rights service's dependencies, the caller lookup and a logger.
import type { RightsDeps } from '../rights/index.ts';
import type { Logger } from '../log.ts';
import type { Identity } from './identity.ts';
import type { WorkQueue } from './work-queue.ts';
import type { SlackOAuth } from './oauth.ts';
import type { PrismaInstallationStore } from './installation-store.ts';
import type { HomeRefresher } from './home/refresher.ts';

export interface SlackContext {
  deps: RightsDeps;
  identity: Identity;
  logger: Logger;
  /** the slash command's name as configured, e.g. /econnect (only used in help texts) */
  command: string;
  /** runs the work right after an ack that cannot wait for the work worker (it opens a modal) */
  work: WorkQueue;
  /** work was just recorded (src/slack/work.ts): the work worker looks at once */
  queued(): void;
  /** distribution mode: installs and disconnects workspaces; null with a single workspace */
  oauth?: SlackOAuth | null;
  /** distribution mode: the workspaces' installations (cached briefly; forget one when it changes) */
  installations?: PrismaInstallationStore | null;
  /** re-publishes the App Homes a change shows on (src/slack/home/refresher.ts) */
  homes?: HomeRefresher | null;
  /** resolves once no Slack request waits for its ack (briefly at most; src/slack/in-flight.ts): long work waits for it between its steps */
  quiet?: () => Promise<void>;
}
