// The name a new environment gets when the person registering does not choose one: its mail domain,
// or for a shared mail service (which the environment does not own) the person's own, in their language.
import type { Locale } from '../../i18n/labels.ts';

export function defaultEnvironmentName(opts: { domain: string | null; personName: string; locale: string }): string {
  if (opts.domain) return opts.domain;
  const locale: Locale = opts.locale === 'nl' ? 'nl' : 'en';
  return locale === 'nl' ? `Omgeving van ${opts.personName}` : `${opts.personName}'s environment`;
}
