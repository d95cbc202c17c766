// The registration email (rule 7, step 1). Two kinds, so the web page can answer the same either
// way: `verify` carries the link that proves the address and leads to step 2; `existing` tells an
// address that already has an account to log in (and carries no registration link). Dutch and
// English, text and HTML.
import type { RegistrationVerificationData } from '../../messages/index.ts';
import { escapeHtml, formatDate, htmlFrame, linkHtml, type MailLocale, type RenderedEmail } from './layout.ts';

type Data = RegistrationVerificationData;

const words = {
  en: {
    verifySubject: 'Confirm your email address for eConnect',
    verifyTitle: 'Confirm your email address',
    verifyIntro: 'Someone, probably you, wants to register for eConnect with this email address.',
    verifyAction: 'Open this link to confirm the address and choose your name and password:',
    verifyButton: 'Continue registering',
    verifyExpiry: (when: string) => `The link works once, until ${when}. If it has expired, register again.`,
    ignore: 'Did not register? Then ignore this email: nothing is created until the link is opened.',
    existingSubject: 'You already have an eConnect account',
    existingTitle: 'You already have an account',
    existingIntro: 'Someone, probably you, tried to register for eConnect with this email address, but it already has an account.',
    existing: {
      ACTIVE: 'Log in with your email address and password:',
      INVITED: 'You were invited: activate your account with the link in the invitation email, or ask your administrator to send a new invitation. After that you log in here:',
      BLOCKED: 'Your account is blocked. Ask an administrator of your environment to unblock it; then you can log in here:',
      REMOVED: 'Your account was removed from its environment. Ask an administrator of that environment to invite you again; then you can log in here:',
    } as Record<string, string>,
    existingButton: 'Log in',
    existingIgnore: 'Did not try to register? Then you can ignore this email; nothing has changed.',
  },
  nl: {
    verifySubject: 'Bevestig je e-mailadres voor eConnect',
    verifyTitle: 'Bevestig je e-mailadres',
    verifyIntro: 'Iemand, waarschijnlijk jij, wil zich met dit e-mailadres registreren bij eConnect.',
    verifyAction: 'Open deze link om het adres te bevestigen en je naam en wachtwoord te kiezen:',
    verifyButton: 'Verder met registreren',
    verifyExpiry: (when: string) => `De link werkt één keer, tot ${when}. Is hij verlopen? Registreer dan opnieuw.`,
    ignore: 'Heb je je niet geregistreerd? Negeer deze e-mail dan: er wordt niets aangemaakt zolang de link niet geopend is.',
    existingSubject: 'Je hebt al een eConnect-account',
    existingTitle: 'Je hebt al een account',
    existingIntro: 'Iemand, waarschijnlijk jij, probeerde zich met dit e-mailadres te registreren bij eConnect, maar het heeft al een account.',
    existing: {
      ACTIVE: 'Log in met je e-mailadres en wachtwoord:',
      INVITED: 'Je bent uitgenodigd: activeer je account met de link in de uitnodiging, of vraag je beheerder om een nieuwe uitnodiging. Daarna log je hier in:',
      BLOCKED: 'Je account is geblokkeerd. Vraag een beheerder van je omgeving om het te deblokkeren; daarna kun je hier inloggen:',
      REMOVED: 'Je account is uit de omgeving verwijderd. Vraag een beheerder van die omgeving om je opnieuw uit te nodigen; daarna kun je hier inloggen:',
    } as Record<string, string>,
    existingButton: 'Inloggen',
    existingIgnore: 'Probeerde je niet te registreren? Dan kun je deze e-mail negeren; er is niets veranderd.',
  },
} satisfies Record<MailLocale, unknown>;

export function renderRegistrationVerification(d: Data, locale: MailLocale): RenderedEmail {
  const w = words[locale];
  if (d.kind === 'verify') {
    const expiry = w.verifyExpiry(formatDate(d.expiresAt, locale));
    const paragraphs = [w.verifyIntro, `${w.verifyAction}\n${d.link}`, expiry, w.ignore];
    const text = `${paragraphs.join('\n\n')}\n`;
    const html = htmlFrame({
      locale,
      title: w.verifyTitle,
      paragraphs: [escapeHtml(w.verifyIntro), escapeHtml(w.verifyAction)],
      button: { href: d.link, label: w.verifyButton },
      footer: `${escapeHtml(expiry)}<br><br>${linkHtml(d.link)}<br><br>${escapeHtml(w.ignore)}`,
    });
    return { subject: w.verifySubject, text, html };
  }
  const action = w.existing[d.status]!;
  const paragraphs = [w.existingIntro, `${action}\n${d.loginLink}`, w.existingIgnore];
  const text = `${paragraphs.join('\n\n')}\n`;
  const html = htmlFrame({
    locale,
    title: w.existingTitle,
    paragraphs: [escapeHtml(w.existingIntro), escapeHtml(action)],
    button: { href: d.loginLink, label: w.existingButton },
    footer: escapeHtml(w.existingIgnore),
  });
  return { subject: w.existingSubject, text, html };
}
