// The one place where errors become Slack answers: AppError's userMessage (as mrkdwn with every
// character of it escaped and marked as user text, since it echoes what was typed), anything else a calm
// "our side" message with a reference the operator can find in the logs. Every listener goes
// through here: commands, buttons and menus answer with errorText, modals with modalErrors, and the
// places where Slack shows nothing (options menus, the App Home) with unanswerable.
import { t, type Locale } from '../i18n/catalogue.ts';
import { isAppError } from '../rights/index.ts';
import type { Logger } from '../log.ts';
import { userText } from './blocks/text.ts';

/**
 * `locale`: the language of the person who reads the answer (src/slack/identity.ts knows it). A
 * refusal made by Slack's own code before the caller was known carries its reader's language itself.
 */
export function errorText(err: unknown, logger: Logger, reference?: string, locale: Locale = 'en'): string {
  if (isAppError(err)) return `:no_entry: ${userText(err.messageIn(locale))}`;
  const ref = reference ? t(locale, 'slack.error.reference', { reference: reference.slice(0, 40) }) : '';
  logger.error({ err, reference }, 'Slack request failed');
  return t(locale, 'slack.error.ourSide', { reference: ref });
}

/**
 * For a failure Slack gives us no way to show (an options menu can only be empty, an event has no
 * reply): a refusal is routine and logged as such, anything else is logged as the failure it is.
 */
export function unanswerable(err: unknown, logger: Logger, what: string): void {
  if (isAppError(err)) logger.info({ code: err.code }, `${what}: ${err.userMessage}`);
  else logger.error({ err }, what);
}

// Rights fields that are called differently in our modals.
const FIELD_TO_BLOCK: Record<string, string> = { userId: 'user', organisationId: 'organisation' };

/**
 * Field errors for a modal (`response_action: errors`). The error lands on the block named by the
 * AppError's field, or on the first input when the problem is not about one field (a refusal), so
 * the administrator always sees why and keeps what they typed.
 */
export function modalErrors(err: unknown, logger: Logger, blockIds: string[], reference?: string, locale: Locale = 'en'): Record<string, string> {
  // Slack shows field errors as plain text: the message as it is, nothing to escape.
  const text = isAppError(err) ? err.messageIn(locale) : errorText(err, logger, reference, locale).replace(/^:\w+: /, '');
  const field = isAppError(err) && err.field ? err.field.split('.')[0]! : undefined;
  const block = field && (blockIds.includes(field) ? field : FIELD_TO_BLOCK[field]);
  const target = block && blockIds.includes(block) ? block : blockIds[0]!;
  // Slack shows at most a line or two under a field.
  return { [target]: text.length > 300 ? `${text.slice(0, 299)}…` : text };
}
