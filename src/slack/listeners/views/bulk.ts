// Submission of the "Invite many" form: read the pasted addresses and the CSV file (downloaded from
// Slack with the workspace's bot token), check every row, and only then record the invitations.
// Problems are shown on the form, per address or line: a pasted list's at once (response_action
// errors); when the check takes longer than a second, and always with a file, the form shows
// "checking" first (Slack waits 3 s for the answer) and is updated (views.update) once the check is
// done: with the problems above the form, or with the invitations started.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, webApi } from '@slack/bolt';
import { readerLocale, t, type Locale } from '../../../i18n/catalogue.ts';
import { isAppError, prepareBulkInvitation } from '../../../rights/index.ts';
import { checkingView, inviteManyModal, startedView } from '../../blocks/bulk.ts';
import { decodeMeta, type ModalMeta } from '../../blocks/modals.ts';
import { queueBulkInvitation } from '../../bulk/job.ts';
import { checkRows, organisationNames, problemList, readCsv, readPasted, type Problem, type RawRow } from '../../bulk/list.ts';
import type { SlackContext } from '../../context.ts';
import { errorText, modalErrors } from '../../errors.ts';
import type { EnvironmentRole } from '../../../i18n/labels.ts';

/**
 * How long the check may take before the form is answered with "checking": Slack gives up at 3 s,
 * and an administrator should see the form react within a second.
 */
export const CHECK_WITHIN_MS = 800;
const MAX_FILE_BYTES = 1_000_000;

type Checked =
  | { started: number; locale: Locale }
  | { problems: Problem[]; onFile: boolean; locale: Locale; pasted: string };

interface StateValue {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  files?: { id: string; name?: string }[];
}

export function inviteManySubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const meta = decodeMeta(view.private_metadata);
    // Slack sends a double-submitted view with the same id and hash: the list is recorded once.
    const requestId = `${view.id}:${view.hash}`;
    const logger = ctx.logger.child({ view: view.callback_id, slackUser: body.user.id, requestId });
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const values = (view.state?.values ?? {}) as Record<string, Record<string, StateValue>>;
    const first = (block: string) => Object.values(values[block] ?? {})[0];
    const pasted = first('addresses')?.value ?? '';

    const check = async (): Promise<Checked> => {
      const caller = await ctx.identity.caller(client, body.user.id, body.team?.id, requestId);
      const me = await prepareBulkInvitation(ctx.deps, caller, []);
      const locale = readerLocale({ locale: me.locale.environment }, { locale: me.locale.user });
      const file = first('file')?.files?.[0];
      let csv = { rows: [] as RawRow[], problems: [] as Problem[] };
      if (file) {
        try {
          csv = readCsv(await download(client, file.id));
        } catch (err) {
          if (!(err instanceof FileProblem)) throw err;
          return { problems: [{ place: null, key: err.key }], onFile: true, locale, pasted };
        }
      }
      const raw = [...readPasted(pasted), ...csv.rows];
      const prepared = await prepareBulkInvitation(ctx.deps, caller, organisationNames(raw));
      const role = (first('role')?.selected_option?.value ?? 'BASIC') as EnvironmentRole;
      const organisations = (first('organisations')?.selected_options ?? []).map((o) => o.value);
      const { rows, problems } = checkRows(raw, { role, organisations }, prepared.organisations);
      const all = [...csv.problems, ...problems];
      if (all.length) return { problems: all, onFile: Boolean(file) && all.some((p) => p.place?.kind !== 'address'), locale, pasted };
      await queueBulkInvitation(ctx, { jobId: requestId, caller, teamId, rows });
      return { started: rows.length, locale };
    };

    const outcome = check().then(
      (checked) => ({ checked }),
      (error: unknown) => ({ error }),
    );
    // A file is downloaded and up to 1,000 rows checked: that is not done reliably within a second,
    // so the form says "checking" at once. A pasted list (about 100 rows) is answered directly.
    const hasFile = Boolean(first('file')?.files?.length);
    const inTime = hasFile ? null : await Promise.race([outcome, new Promise<null>((resolve) => setTimeout(() => resolve(null), CHECK_WITHIN_MS))]);
    if (inTime) {
      if ('error' in inTime) {
        await ack({ response_action: 'errors', errors: modalErrors(inTime.error, logger, ['addresses'], requestId) });
        return;
      }
      const c = inTime.checked;
      if ('started' in c) {
        await ack({ response_action: 'update', view: startedView(c.locale, meta, c.started) as never });
        return;
      }
      const text = `${t(c.locale, 'bulk.errors.form', { count: c.problems.length })}\n${problemList(c.locale, c.problems, 8)}`;
      await ack({ response_action: 'errors', errors: { [c.onFile ? 'file' : 'addresses']: text } });
      return;
    }
    // Slow (a big file, a busy database): say so within Slack's 3 s, then show the outcome.
    const locale = await localeOf(ctx, client, body.user.id, body.team?.id);
    await ack({ response_action: 'update', view: checkingView(locale, meta) as never });
    const done = await outcome;
    await client.views.update({ view_id: view.id, view: afterCheck(done, meta, pasted, logger, requestId) as never }).catch((err) => {
      logger.warn({ err }, 'could not show the outcome of the check');
    });
  };
}

function afterCheck(done: { checked: Checked } | { error: unknown }, meta: ModalMeta, pasted: string, logger: SlackContext['logger'], requestId: string) {
  if ('error' in done) {
    const locale: Locale = 'en';
    const text = isAppError(done.error) ? done.error.userMessage : errorText(done.error, logger, requestId).replace(/^:\w+: /, '');
    return inviteManyModal(locale, meta, { addresses: pasted, problems: `:no_entry: ${text}` });
  }
  const c = done.checked;
  if ('started' in c) return startedView(c.locale, meta, c.started);
  const heading = `:no_entry: ${t(c.locale, 'bulk.modal.problems', { count: c.problems.length })}`;
  // mrkdwn: typed values escaped
  const list = problemList(c.locale, c.problems, 100, (v) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  return inviteManyModal(c.locale, meta, { addresses: c.pasted, problems: `${heading}\n${list}` });
}

/** The reader's language for the "checking" view, without waiting for the check. */
async function localeOf(ctx: SlackContext, client: webApi.WebClient, slackUserId: string, teamId: string | undefined): Promise<Locale> {
  try {
    const caller = await ctx.identity.caller(client, slackUserId, teamId, undefined);
    const prepared = await prepareBulkInvitation(ctx.deps, caller, []);
    return readerLocale({ locale: prepared.locale.environment }, { locale: prepared.locale.user });
  } catch {
    return 'en';
  }
}

/** A file that cannot be used: what to tell the administrator. */
class FileProblem extends Error {
  constructor(readonly key: 'bulk.error.download' | 'bulk.error.fileType' | 'bulk.error.fileTooBig') {
    super(key);
  }
}

/** Downloads the uploaded CSV from Slack with the bot token (files:read), at most 1 MB. */
async function download(client: webApi.WebClient, fileId: string): Promise<string> {
  let info: { url_private_download?: string; url_private?: string; size?: number; name?: string; filetype?: string } | undefined;
  try {
    info = (await client.files.info({ file: fileId })).file as typeof info;
  } catch {
    throw new FileProblem('bulk.error.download');
  }
  const url = info?.url_private_download ?? info?.url_private;
  if (!url) throw new FileProblem('bulk.error.download');
  if (!/\.(csv|txt)$/i.test(info?.name ?? '') && !['csv', 'text'].includes(info?.filetype ?? '')) throw new FileProblem('bulk.error.fileType');
  if ((info?.size ?? 0) > MAX_FILE_BYTES) throw new FileProblem('bulk.error.fileTooBig');
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${client.token}` }, signal: AbortSignal.timeout(20_000) });
  } catch {
    throw new FileProblem('bulk.error.download');
  }
  if (!res.ok) throw new FileProblem('bulk.error.download');
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > MAX_FILE_BYTES) throw new FileProblem('bulk.error.fileTooBig');
  return bytes.toString('utf8');
}
