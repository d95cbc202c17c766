// Password strength with zxcvbn-ts (dictionaries, keyboard patterns, the person's own name and email).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from './errors.ts';

let checker: ZxcvbnFactory | null = null;
function load(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return checker;
}

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

/** Throws a weak_password AppError saying how to make it stronger. */
export function checkPasswordStrength(password: string, personal: string[] = []): void {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD) {
    throw new AppError('weak_password', `Choose a password of at least ${MIN_PASSWORD} characters.`, 'password');
  }
  if (password.length > MAX_PASSWORD) {
    throw new AppError('weak_password', `Choose a password of at most ${MAX_PASSWORD} characters.`, 'password');
  }
  const zxcvbn = load();
  const inputs = personal.flatMap((p) => p.toLowerCase().split(/[@.\s_-]+/)).filter((p) => p.length >= 3);
  const result = zxcvbn.check(password, inputs);
  if (result.score < 3) {
    const hint = result.feedback.warning || result.feedback.suggestions[0] || 'Add more words or characters.';
    throw new AppError('weak_password', `This password is too easy to guess. ${hint} Try a longer passphrase of a few unrelated words.`, 'password');
  }
}
