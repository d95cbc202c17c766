// The activation page's words, Dutch and English. Link problems are explained by their error code
// here (the rights service's messages are English only).
import type { FieldWords } from '../errors.ts';
import type { Locale } from '../i18n.ts';

export type LinkProblem = 'invitation_invalid' | 'invitation_expired' | 'invitation_used' | 'invitation_revoked';

export const text = {
  en: {
    title: 'Activate your account',
    invited: (inviter: string | null, env: string, role: string) =>
      `${inviter ?? 'An administrator'} invited you to the eConnect environment “${env}” as ${role}.`,
    account: 'Your account',
    until: (when: string) => `This link works until ${when}.`,
    name: 'Your name',
    nameHint: 'As your colleagues know you, for example Anna de Vries.',
    password: 'Choose a password',
    passwordHint: 'At least 10 characters. A few unrelated words make a strong password that is easy to remember; names, dates and common words are easy to guess.',
    confirm: 'Type the password again',
    submit: 'Activate account',
    errorSummary: 'Please fix this',
    mismatch: 'The two passwords are not the same. Type the same password in both fields.',
    doneTitle: 'Your account is active',
    done: (name: string, env: string, role: string) => `Welcome, ${name}. You are now ${role} in ${env}.`,
    joined: (orgs: string) => `You are a member of: ${orgs}.`,
    logIn: (email: string) => `Log in with ${email} and the password you just chose.`,
    logInLink: 'Go to the login page',
    language: 'Language',
    problems: {
      invitation_invalid: ['This link does not work', 'The activation link is incomplete or not valid. Open the whole link from the invitation email (if it was split over two lines, copy all of it). If that does not help, ask an administrator of your environment for a new invitation.'],
      invitation_expired: ['This link has expired', 'Activation links work for a limited time. Ask for a new activation link with your email address below, or ask the person who invited you to send a new invitation.'],
      invitation_used: ['This link was already used', 'Your account was activated with this link. Log in with your email address and password. If you cannot log in, ask an administrator of your environment.'],
      invitation_revoked: ['This link no longer works', 'A newer invitation was sent, or the invitation was withdrawn. Use the link in the newest invitation email, or ask an administrator of your environment for a new invitation.'],
    } satisfies Record<LinkProblem, [string, string]>,
    tooManyTitle: 'Too many attempts',
    tooMany: (minutes: number) => `Too many activation links that do not work were opened from your network. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then open the link from your email again.`,
    formExpiredTitle: 'This form has expired',
    formExpired: 'The form could not be checked (it was open too long, or it was not sent from this page). Nothing was changed. Open the activation link from your email again.',
    ways: { newLink: 'Ask for a new activation link', logIn: 'Log in', register: 'Register', forgot: 'Forgot your password?' },
  },
  nl: {
    title: 'Activeer je account',
    invited: (inviter: string | null, env: string, role: string) =>
      `${inviter ?? 'Een beheerder'} heeft je uitgenodigd voor de eConnect-omgeving “${env}” als ${role}.`,
    account: 'Je account',
    until: (when: string) => `Deze link werkt tot ${when}.`,
    name: 'Je naam',
    nameHint: 'Zoals je collega’s je kennen, bijvoorbeeld Anna de Vries.',
    password: 'Kies een wachtwoord',
    passwordHint: 'Minstens 10 tekens. Een paar losse woorden vormen een sterk wachtwoord dat je makkelijk onthoudt; namen, datums en gewone woorden zijn makkelijk te raden.',
    confirm: 'Typ het wachtwoord nog een keer',
    submit: 'Account activeren',
    errorSummary: 'Pas dit aan',
    mismatch: 'De twee wachtwoorden zijn niet gelijk. Typ in beide velden hetzelfde wachtwoord.',
    doneTitle: 'Je account is actief',
    done: (name: string, env: string, role: string) => `Welkom, ${name}. Je bent nu ${role} in ${env}.`,
    joined: (orgs: string) => `Je bent lid van: ${orgs}.`,
    logIn: (email: string) => `Log in met ${email} en het wachtwoord dat je net hebt gekozen.`,
    logInLink: 'Naar de inlogpagina',
    language: 'Taal',
    problems: {
      invitation_invalid: ['Deze link werkt niet', 'De activeringslink is onvolledig of ongeldig. Open de hele link uit de uitnodigingsmail (kopieer hem helemaal als hij over twee regels staat). Helpt dat niet, vraag dan een beheerder van je omgeving om een nieuwe uitnodiging.'],
      invitation_expired: ['Deze link is verlopen', 'Activeringslinks werken een beperkte tijd. Vraag hieronder met je e-mailadres een nieuwe activeringslink aan, of vraag degene die je heeft uitgenodigd om een nieuwe uitnodiging.'],
      invitation_used: ['Deze link is al gebruikt', 'Je account is met deze link geactiveerd. Log in met je e-mailadres en wachtwoord. Lukt inloggen niet, vraag dan een beheerder van je omgeving.'],
      invitation_revoked: ['Deze link werkt niet meer', 'Er is een nieuwere uitnodiging verstuurd, of de uitnodiging is ingetrokken. Gebruik de link uit de nieuwste uitnodigingsmail, of vraag een beheerder van je omgeving om een nieuwe uitnodiging.'],
    } satisfies Record<LinkProblem, [string, string]>,
    tooManyTitle: 'Te veel pogingen',
    tooMany: (minutes: number) => `Vanaf je netwerk zijn te veel activeringslinks geopend die niet werken. Wacht ${minutes} minu${minutes === 1 ? 'ut' : 'ten'} en open dan de link uit je e-mail opnieuw.`,
    formExpiredTitle: 'Dit formulier is verlopen',
    formExpired: 'Het formulier kon niet worden gecontroleerd (het stond te lang open, of het is niet vanaf deze pagina verstuurd). Er is niets veranderd. Open de activeringslink uit je e-mail opnieuw.',
    ways: { newLink: 'Vraag een nieuwe activeringslink aan', logIn: 'Inloggen', register: 'Registreren', forgot: 'Wachtwoord vergeten?' },
  },
} satisfies Record<Locale, unknown>;

const weakPassword = 'Dit wachtwoord is te makkelijk te raden of te kort. Kies minstens 10 tekens, bij voorkeur een paar losse woorden die niet bij elkaar horen.';

/** Field problems in Dutch; English pages show the rights service's own message, which says exactly what is wrong. */
export const fieldWords: Partial<Record<Locale, FieldWords>> = {
  nl: { weakPassword, missingPassword: weakPassword, badName: 'Vul je naam in: hoogstens 100 tekens, zonder onzichtbare tekens.' },
};

export function formatExpiry(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam', timeZoneName: 'short',
  }).format(new Date(iso));
}
