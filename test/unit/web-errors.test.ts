import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/rights/index.ts';
import { fieldError, isFormProblem, pageStatus, refusalMessage } from '../../src/web/errors.ts';
import { TooManyAttempts } from '../../src/web/account/rate-limits.ts';
import { tooMany } from '../../src/web/account/respond.ts';

describe('web error translation', () => {
  it('gives each rights error code its HTTP status', () => {
    expect(pageStatus(new AppError('invalid_input', 'rights.input.invalid'))).toBe(400);
    expect(pageStatus(new AppError('not_authenticated', 'rights.login.refused'))).toBe(401);
    expect(pageStatus(new AppError('invitation_invalid', 'rights.activation.invalid'))).toBe(404);
    expect(pageStatus(new AppError('invitation_expired', 'rights.activation.expired'))).toBe(410);
    expect(pageStatus(new AppError('verification_invalid', 'rights.registration.expired'))).toBe(400);
    expect(isFormProblem(new AppError('weak_password', 'rights.password.guessable'))).toBe(true);
    expect(isFormProblem(new AppError('forbidden', 'rights.login.refused'))).toBe(false);
  });

  it('marks the field at fault with the rights service message, in the page language', () => {
    const weak = new AppError('weak_password', 'rights.password.guessable', {}, 'password');
    expect(fieldError('en', weak)).toEqual({ field: 'password', message: 'This password is too easy to guess. Try a longer passphrase of a few unrelated words.' });
    expect(fieldError('nl', weak)).toEqual({ field: 'password', message: 'Dit wachtwoord is te makkelijk te raden. Kies een langere wachtzin van een paar losse woorden.' });
    const short = new AppError('weak_password', 'rights.password.tooShort', { min: 10 });
    expect(fieldError('nl', short)).toEqual({ field: 'password', message: 'Kies een wachtwoord van minstens 10 tekens.' });
    const email = new AppError('invalid_input', 'rights.input.emailGiven', { typed: 'anna@' }, 'email');
    expect(fieldError('nl', email)).toEqual({ field: 'email', message: '"anna@" is geen geldig e-mailadres. Gebruik er een zoals naam@bedrijf.nl.' });
    expect(email.userMessage).toBe('"anna@" is not a valid email address. Use one such as name@company.nl.');
  });

  it('says each registration-link problem as specifically in Dutch as in English', () => {
    const said = (key: 'rights.registration.invalid' | 'rights.registration.used' | 'rights.registration.expired') => {
      const err = new AppError('verification_invalid', key);
      return [refusalMessage('en', err), refusalMessage('nl', err)];
    };
    expect(said('rights.registration.used')).toEqual([
      'This registration link was already used. Log in with your email and password.',
      'Deze registratielink is al gebruikt. Log in met je e-mailadres en wachtwoord.',
    ]);
    expect(said('rights.registration.expired')[1]).toBe('Deze registratielink is verlopen. Registreer opnieuw om een nieuwe te krijgen.');
    expect(said('rights.registration.invalid')[1]).toMatch(/ongeldig.*hele link/);
    // three problems, three different Dutch sentences
    expect(new Set([said('rights.registration.used')[1], said('rights.registration.expired')[1], said('rights.registration.invalid')[1]]).size).toBe(3);
  });
});

describe('too many attempts', () => {
  it('says the minutes to wait with the plural rules of each language', () => {
    expect(tooMany('en', new TooManyAttempts(45))).toBe('Too many attempts. Wait 1 minute and try again.');
    expect(tooMany('en', new TooManyAttempts(150))).toBe('Too many attempts. Wait 3 minutes and try again.');
    expect(tooMany('nl', new TooManyAttempts(60))).toBe('Te veel pogingen. Wacht 1 minuut en probeer het opnieuw.');
    expect(tooMany('nl', new TooManyAttempts(121))).toBe('Te veel pogingen. Wacht 3 minuten en probeer het opnieuw.');
  });
});
