// The name a new environment gets when the person registering does not choose one: its mail domain,
// or for a shared mail service (which the environment does not own) the person's own, in the
// environment's language ("Erin Example's environment", "Omgeving van Erin Example").
import { isLocale } from '../../i18n/catalogue.ts';
import { say } from '../../i18n/sentence.ts';

export function defaultEnvironmentName(opts: { domain: string | null; personName: string; locale: string }): string {
  if (opts.domain) return opts.domain;
  return say(isLocale(opts.locale) ? opts.locale : 'en', 'rights.environment.defaultName', { person: opts.personName });
}
