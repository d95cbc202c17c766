// Password strength with zxcvbn-ts (dictionaries, keyboard patterns, the person's own name and email),
// plus one rule of our own: a password built from the person's address or name, whatever digits and
// signs are added around it, is refused even when zxcvbn would count the additions as strength.
// zxcvbn's dictionaries take about 35 MB of memory: they are loaded at the first password checked,
// not at start-up (a process that only answers Slack and the rights API never needs them).
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError } from './errors.ts';

let checker: Promise<ZxcvbnFactory> | null = null;
function load(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return checker;
}

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

/**
 * What someone who knows the person's address and name would try first: the whole address, its local
 * part, the domain and each of its labels, the name, each part of it and the name run together.
 */
export function personalWords(personal: string[]): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    const v = w.trim().toLowerCase();
    if (v.length >= 3) words.add(v);
  };
  for (const p of personal) {
    const text = p.trim().toLowerCase();
    add(text);
    const at = text.lastIndexOf('@');
    if (at > 0) {
      const local = text.slice(0, at);
      const domain = text.slice(at + 1);
      add(local);
      add(domain);
      for (const label of domain.split('.')) add(label);
      for (const part of local.split(/[._+-]+/)) add(part);
    } else {
      for (const part of text.split(/[\s._-]+/)) add(part);
      add(text.replace(/[\s._-]+/g, ''));
    }
  }
  return [...words];
}

/** True when nothing of substance is left once the personal words, digits and signs are taken out. */
function madeFromPersonalWords(password: string, words: string[]): boolean {
  let rest = password.toLowerCase();
  for (const w of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
  return rest.replace(/[^\p{L}]/gu, '').length < 4;
}

/** Throws a weak_password AppError saying how to make it stronger. `personal`: the address and name. */
export async function checkPasswordStrength(password: string, personal: string[] = []): Promise<void> {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD) {
    throw new AppError('weak_password', 'rights.password.tooShort', { min: MIN_PASSWORD }, 'password');
  }
  if (password.length > MAX_PASSWORD) {
    throw new AppError('weak_password', 'rights.password.tooLong', { max: MAX_PASSWORD }, 'password');
  }
  const words = personalWords(personal);
  if (madeFromPersonalWords(password, words)) {
    throw new AppError('weak_password', 'rights.password.personal', {}, 'password');
  }
  const result = (await load()).check(password, words);
  if (result.score < 3) {
    throw new AppError('weak_password', 'rights.password.guessable', {}, 'password');
  }
}
