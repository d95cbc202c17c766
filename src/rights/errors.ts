// One error type for the rights service: a stable code for programs, a message for people.
// Transports (Slack, web, API) translate it once at their edge.

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

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** shown to the person: says what went wrong and what to do */
    readonly userMessage: string,
    /** for a form: which field was wrong */
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
