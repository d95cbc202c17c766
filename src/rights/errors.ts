// One error type for the rights service: a stable code for programs, a message for people.
// The message is a key of the catalogue (src/i18n/messages/rights.ts) with its values, so each
// surface says it in its reader's language at its edge (`messageIn`); `userMessage` is the English
// text, for the rights API's JSON and the logs.
import type { Locale, MessageKey, MessageValues } from '../i18n/catalogue.ts';
import { say } from '../i18n/sentence.ts';

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'not_authenticated'
  | 'conflict'
  | 'already_exists'
  | 'last_administrator'
  | 'last_organisation_administrator'
  | 'invitation_invalid'
  | 'invitation_expired'
  | 'invitation_used'
  | 'invitation_revoked'
  | 'verification_invalid'
  | 'password_reset_invalid'
  | 'password_reset_expired'
  | 'password_reset_used'
  | 'password_reset_revoked'
  | 'weak_password'
  | 'rate_limited'
  | 'unavailable';

/** The rights service's messages: its own, and those of time-bound access (src/rights/access). */
export type RightsKey = Extract<MessageKey, `rights.${string}` | `access.${string}`>;

/** A message inside a message's values: a word that itself depends on the language (a role, a verb). */
export interface Phrase {
  key: MessageKey;
  values?: MessageValues;
}
export type ErrorValues = Record<string, string | number | Date | null | undefined | Phrase>;
export const phrase = (key: MessageKey, values?: MessageValues): Phrase => ({ key, values });

function render(locale: Locale, key: MessageKey, values: ErrorValues): string {
  const plain: MessageValues = {};
  for (const [name, v] of Object.entries(values)) {
    plain[name] = v !== null && typeof v === 'object' && !(v instanceof Date) ? say(locale, v.key, v.values) : v;
  }
  return say(locale, key, plain);
}

export class AppError extends Error {
  /** the English message: for the rights API and the logs */
  readonly userMessage: string;

  constructor(
    readonly code: ErrorCode,
    /** what to tell the person: says what went wrong and what to do */
    readonly key: RightsKey,
    readonly values: ErrorValues = {},
    /** for a form: which field was wrong */
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    const english = render('en', key, values);
    super(`${code}: ${english}`, options);
    this.name = 'AppError';
    this.userMessage = english;
  }

  /** The message in `locale`. */
  messageIn(locale: Locale): string {
    return render(locale, this.key, this.values);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
