import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/rights/index.ts';
import { fieldError, isFormProblem, pageStatus, refusalMessage } from '../../src/web/errors.ts';

const words = { nl: { weakPassword: 'zwak', missingPassword: 'leeg', badName: 'naam' } };

describe('web error translation', () => {
  it('gives each rights error code its HTTP status', () => {
    expect(pageStatus(new AppError('invalid_input', 'x'))).toBe(400);
    expect(pageStatus(new AppError('not_authenticated', 'x'))).toBe(401);
    expect(pageStatus(new AppError('invitation_invalid', 'x'))).toBe(404);
    expect(pageStatus(new AppError('invitation_expired', 'x'))).toBe(410);
    expect(pageStatus(new AppError('verification_invalid', 'x'))).toBe(400);
    expect(isFormProblem(new AppError('weak_password', 'x'))).toBe(true);
    expect(isFormProblem(new AppError('forbidden', 'x'))).toBe(false);
  });

  it('marks the field at fault, in the page language when the page has words for it', () => {
    const weak = new AppError('weak_password', 'This password is too easy to guess.', 'password');
    expect(fieldError('en', weak, words)).toEqual({ field: 'password', message: 'This password is too easy to guess.' });
    expect(fieldError('nl', weak, words)).toEqual({ field: 'password', message: 'zwak' });
    expect(fieldError('nl', new AppError('invalid_input', 'Choose a password.', 'password'), words)).toEqual({ field: 'password', message: 'leeg' });
    expect(fieldError('nl', new AppError('invalid_input', 'Enter your name.', 'name'), words)).toEqual({ field: 'name', message: 'naam' });
    // no Dutch words for the email field here: the specific English message rather than nothing
    expect(fieldError('nl', new AppError('invalid_input', 'Enter your email address.', 'email'), words)).toEqual({ field: 'email', message: 'Enter your email address.' });
  });

  it('words a refusal by its code, or the page default, or the rights service message', () => {
    const taken = new AppError('already_exists', 'This email address already has an account.');
    const dead = new AppError('verification_invalid', 'This registration link has expired.');
    const refusals = { nl: { already_exists: 'bestaat al', otherwise: 'werkt niet' } };
    expect(refusalMessage('nl', taken, refusals)).toBe('bestaat al');
    expect(refusalMessage('nl', dead, refusals)).toBe('werkt niet');
    expect(refusalMessage('en', dead, refusals)).toBe('This registration link has expired.');
  });
});
