// Slack work that runs after Slack got its HTTP 200 (src/slack/work.ts), as the outbox stores it: it
// is recorded before the ack, so a crash after the ack loses nothing. `responseUrl` is the request's
// response_url (valid 30 minutes from `receivedAt`, five uses), wiped from the row once the work is done.
import { z } from 'zod';

const slackId = z.string().min(1).max(40);

export const slackWork = z.discriminatedUnion('type', [
  /** a slash command whose work does not open a modal */
  z.object({
    type: z.literal('command'),
    receivedAt: z.iso.datetime({ offset: true }),
    responseUrl: z.string().url().nullable(),
    command: z.object({
      command: z.string().min(1).max(100),
      text: z.string().max(4000),
      user_id: slackId,
      team_id: z.string().max(40),
      channel_id: z.string().max(40),
      trigger_id: z.string().min(1).max(200),
    }),
  }),
  /**
   * a button whose work does not open a modal: under a notification (make administrator, block) or on
   * the App Home (resend, revoke, make administrator, block; no channel, no response_url)
   */
  z.object({
    type: z.literal('button'),
    receivedAt: z.iso.datetime({ offset: true }),
    responseUrl: z.string().url().nullable(),
    action: z.enum(['notify_make_admin', 'notify_block', 'home_resend', 'home_revoke', 'home_make_admin', 'home_block']),
    /** the user the notification (or the home's line) is about */
    value: z.string().max(100),
    /** the App Home's request id (from the view's id and hash: the same for a double click); else the trigger_id is */
    requestId: z.string().min(1).max(200).optional(),
    user_id: slackId,
    team_id: z.string().max(40),
    channel_id: z.string().max(40),
    trigger_id: z.string().min(1).max(200),
  }),
  /** the channel confirmation of a form whose change was made before its ack */
  z.object({
    type: z.literal('confirm'),
    receivedAt: z.iso.datetime({ offset: true }),
    responseUrl: z.null(),
    channel: z.string().max(40),
    user_id: slackId,
    team_id: z.string().max(40),
    text: z.string().min(1).max(3000),
    requestId: z.string().min(1).max(300),
    /** the language of the person who submitted the form, for an answer to them (the text is the channel's, written already) */
    locale: z.enum(['en', 'nl']).optional(),
  }),
  /** a part of a list of invitations (src/slack/bulk/job.ts): its rows still to do, what was done so far */
  z.object({
    type: z.literal('bulk'),
    receivedAt: z.iso.datetime({ offset: true }),
    /** none: the progress message is a direct message (and a sent row has this key removed) */
    responseUrl: z.null().default(null),
    /** the list's request id (a command's trigger_id, a form's view id and hash): each row's request id starts with it */
    jobId: z.string().min(1).max(300),
    /** which part of the list this is: 0, 1, 2 ... */
    part: z.number().int().min(0),
    user_id: slackId,
    team_id: z.string().max(40),
    /** the inviting administrator's eConnect user id */
    actorUserId: z.string().min(1).max(100),
    total: z.number().int().min(1).max(1000),
    rows: z
      .array(
        z.object({
          line: z.number().int().min(1),
          email: z.string().min(3).max(320),
          role: z.enum(['BASIC', 'ADVANCED', 'ADMINISTRATOR']),
          organisations: z.array(z.object({ organisationId: z.string().min(1).max(100), role: z.enum(['MEMBER', 'ADMINISTRATOR']) })).max(50),
        }),
      )
      .max(1000),
    tally: z.object({
      invited: z.number().int().min(0),
      reinvited: z.number().int().min(0),
      existing: z.array(z.string().max(320)).max(1000),
      refused: z.array(z.object({ email: z.string().max(320), reason: z.string().max(600) })).max(1000),
    }),
    /** the one progress message, once posted; updatedAt: its last update */
    progress: z.object({ channel: z.string().min(1).max(40), ts: z.string().min(1).max(40), updatedAt: z.iso.datetime({ offset: true }) }).nullable(),
  }),
]);

export type SlackWork = z.input<typeof slackWork>;
