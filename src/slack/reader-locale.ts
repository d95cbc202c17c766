// Whose language a Slack answer is in (see readerLocale): an answer to one person in theirs, a
// channel message in the environment's.
import { readerLocale, type Locale } from '../i18n/catalogue.ts';
import { describeAccount } from '../rights/index.ts';
import type { SlackContext } from './context.ts';

export interface Readers {
  /** the caller's own language: ephemeral answers, their forms */
  person: Locale;
  /** the environment's language: what the channel reads */
  channel: Locale;
}

export async function readersOf(ctx: SlackContext, caller: { userId: string }): Promise<Readers> {
  const account = caller.userId ? await describeAccount(ctx.deps, caller.userId) : null;
  const environment = account ? { locale: account.environmentLocale } : null;
  return { person: readerLocale(environment, account), channel: readerLocale(environment) };
}
