// The words of the forgotten-password pages, in English and Dutch. Link problems are explained by
// their error code (the rights service's messages are English only).
import type { RefusalWords } from '../errors.ts';
import type { Dict, Locale } from '../i18n.ts';

type Key =
  | 'forgotTitle' | 'forgotIntro' | 'send' | 'sentTitle' | 'sent' | 'sentHint' | 'backToLogin'
  | 'resetTitle' | 'resetIntro' | 'newPassword' | 'passwordHint' | 'confirm' | 'save' | 'linkTitle';

export const text: Dict<Key> = {
  en: {
    forgotTitle: 'Forgot your password?',
    forgotIntro: 'Enter the email address of your account. We send you a link to choose a new password. If you were invited and never activated your account, you get a new activation link instead.',
    send: 'Send me a link',
    sentTitle: 'Check your email',
    sent: 'If {email} belongs to an eConnect account, an email with a link is on its way. The link works for one hour, once.',
    sentHint: 'No email after a few minutes? Check your spam folder and the address you typed, or ask again.',
    backToLogin: 'Back to log in',
    resetTitle: 'Choose a new password',
    resetIntro: 'For the account {email}. After the change you are logged in here and logged out everywhere else.',
    newPassword: 'New password',
    passwordHint: 'At least 10 characters, not made from your name or email address. A few unrelated words make a strong password that is easy to remember.',
    confirm: 'Type the new password again',
    save: 'Save the new password',
    linkTitle: 'This link does not work',
  },
  nl: {
    forgotTitle: 'Wachtwoord vergeten?',
    forgotIntro: 'Vul het e-mailadres van je account in. We sturen je een link om een nieuw wachtwoord te kiezen. Ben je uitgenodigd en heb je je account nooit geactiveerd, dan krijg je een nieuwe activeringslink.',
    send: 'Stuur mij een link',
    sentTitle: 'Kijk in je e-mail',
    sent: 'Hoort {email} bij een eConnect-account, dan is er een e-mail met een link onderweg. De link werkt één uur, één keer.',
    sentHint: 'Na een paar minuten nog niets? Kijk in je spammap en controleer het adres, of vraag het opnieuw aan.',
    backToLogin: 'Terug naar inloggen',
    resetTitle: 'Kies een nieuw wachtwoord',
    resetIntro: 'Voor het account {email}. Na de wijziging ben je hier ingelogd en overal elders uitgelogd.',
    newPassword: 'Nieuw wachtwoord',
    passwordHint: 'Minstens 10 tekens, niet gemaakt van je naam of e-mailadres. Een paar losse woorden maken een sterk wachtwoord dat makkelijk te onthouden is.',
    confirm: 'Typ het nieuwe wachtwoord nog een keer',
    save: 'Nieuw wachtwoord opslaan',
    linkTitle: 'Deze link werkt niet',
  },
};

/** Why a forgotten-password link does not work, by error code, in both languages. */
export const linkProblems: Record<Locale, RefusalWords> = {
  en: {
    password_reset_invalid: 'This link is incomplete or not valid. Open the whole link from the email (if it was split over two lines, copy all of it), or ask for a new link.',
    password_reset_expired: 'This link has expired: it works for one hour. Ask for a new link.',
    password_reset_used: 'This link was already used to choose a new password. Log in with that password, or ask for a new link.',
    password_reset_revoked: 'This link no longer works: a newer link was sent, or the password was changed since. Use the newest email, or ask for a new link.',
    otherwise: 'This link does not work. Ask for a new link.',
  },
  nl: {
    password_reset_invalid: 'Deze link is onvolledig of ongeldig. Open de hele link uit de e-mail (kopieer hem helemaal als hij over twee regels staat), of vraag een nieuwe link aan.',
    password_reset_expired: 'Deze link is verlopen: hij werkt één uur. Vraag een nieuwe link aan.',
    password_reset_used: 'Met deze link is al een nieuw wachtwoord gekozen. Log in met dat wachtwoord, of vraag een nieuwe link aan.',
    password_reset_revoked: 'Deze link werkt niet meer: er is een nieuwere link verstuurd, of het wachtwoord is sindsdien gewijzigd. Gebruik de nieuwste e-mail, of vraag een nieuwe link aan.',
    otherwise: 'Deze link werkt niet. Vraag een nieuwe link aan.',
  },
};
