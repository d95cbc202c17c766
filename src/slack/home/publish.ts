// Publishes one person's App Home: who they are (the same caller check as a command), what their
// role lets them see (describeHome), in their language, on the page they were on. Used when they open
// the tab, after each of their clicks, and by the refresher after a change that shows on it.
import type { webApi } from '@slack/bolt';
import { readerLocale, translator } from '../../i18n/catalogue.ts';
import { describeHome, describeHomeStranger, isAppError, markHomePublished, rememberHomeView, setHomePage, type HomeData } from '../../rights/index.ts';
import type { SlackContext } from '../context.ts';
import type { Caller } from '../identity.ts';
import { homePages, renderHome, renderNoAccount, type HomeView, type NoAccount, type Notice } from './render.ts';

export interface HomeViewerRef {
  teamId: string;
  slackUserId: string;
}

export interface PublishOptions {
  /** what a click did, shown at the top */
  notice?: Notice | ((tr: ReturnType<typeof translator>) => Notice);
  /** turn to this page */
  page?: number;
  /** the refresher claimed this publication already (claimHomePublish) */
  claimed?: boolean;
  /** the caller, when the click already identified them */
  caller?: Caller;
}

/** Why eConnect does not act for this Slack user, read from the caller check's refusal. */
async function strangerView(ctx: SlackContext, client: webApi.WebClient, v: HomeViewerRef, err: unknown, remember: boolean): Promise<HomeView> {
  const email = await ctx.identity.emailOf(client, v.slackUserId, v.teamId).catch(() => null);
  const found = await describeHomeStranger(ctx.deps, { teamId: v.teamId, email });
  // an invited or blocked person's home follows their activation or unblocking
  if (remember) await rememberHomeView(ctx.deps, { ...v, userId: found.account?.userId ?? null, environmentId: found.account?.environmentId ?? null });
  const message = isAppError(err) ? err.userMessage : '';
  let why: NoAccount;
  if (!email) why = 'noEmail';
  else if (/not connected to an eConnect environment/.test(message)) why = 'unbound';
  else if (found.status === 'BLOCKED') why = 'blocked';
  else if (found.status === 'INVITED') why = 'invited';
  else if (found.status === 'ACTIVE') why = 'otherEnvironment';
  else why = 'noAccount';
  const tr = translator(readerLocale(found.environment, found.person));
  return renderNoAccount(tr, why, { email, url: `${ctx.deps.options.publicUrl}/register` });
}

/** Computes and publishes the home of `v`; refusals of the caller check become the "no account" home. */
export async function publishHome(ctx: SlackContext, client: webApi.WebClient, v: HomeViewerRef, options: PublishOptions = {}): Promise<void> {
  let caller: Caller;
  try {
    caller = options.caller ?? (await ctx.identity.caller(client, v.slackUserId, v.teamId, undefined));
  } catch (err) {
    if (!isAppError(err)) throw err;
    await client.views.publish({ user_id: v.slackUserId, view: (await strangerView(ctx, client, v, err, !options.claimed)) as never });
    return;
  }
  let page: number;
  if (options.claimed) {
    page = options.page ?? 0;
  } else {
    const remembered = await rememberHomeView(ctx.deps, { ...v, userId: caller.userId, environmentId: caller.environmentId });
    page = options.page ?? remembered.page;
    if (options.page !== undefined && options.page !== remembered.page) await setHomePage(ctx.deps, v, options.page);
    // computed from here on: a change heard before now is in it, one heard later publishes again
    await markHomePublished(ctx.deps, v);
  }
  let data: HomeData = await describeHome(ctx.deps, caller, { page });
  const pages = homePages(data);
  if (page >= pages) {
    // the list got shorter than the page they were on: show its last page
    page = pages - 1;
    await setHomePage(ctx.deps, v, page);
    data = await describeHome(ctx.deps, caller, { page });
  }
  const tr = translator(readerLocale(data.environment, data.me));
  const notice = typeof options.notice === 'function' ? options.notice(tr) : options.notice;
  await client.views.publish({ user_id: v.slackUserId, view: renderHome(tr, data, ctx.command, notice) as never });
}
