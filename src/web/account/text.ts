// Every string of the registration, login and account pages, in English and Dutch.
import type { FieldWords, RefusalWords } from '../errors.ts';
import type { Dict, Locale } from '../i18n.ts';

type Key =
  | 'registerTitle' | 'registerIntro' | 'email' | 'emailHint' | 'sendLink' | 'haveAccount' | 'logIn'
  | 'checkTitle' | 'checkBody' | 'checkHint' | 'startAgain'
  | 'step2Title' | 'step2Intro' | 'name' | 'password' | 'passwordHint' | 'createAccount'
  | 'linkTitle' | 'registerAgain'
  | 'loginTitle' | 'noAccount' | 'register' | 'loggedOut'
  | 'accountTitle' | 'environment' | 'yourRole' | 'organisations' | 'organisation' | 'roleInOrg' | 'noOrganisations'
  | 'logOut' | 'welcomeJoined' | 'welcomeJoinedByEmail' | 'welcomeNew' | 'welcomePublic' | 'loggedInAs'
  | 'tooMany' | 'forgedTitle' | 'forged' | 'loginRefused' | 'badEmail' | 'errorSummary' | 'language'
  | 'companyName' | 'companyNameHint' | 'companyNameHintPublic' | 'confirm' | 'mismatch' | 'forgot' | 'openAgain'
  | 'newLink' | 'forbiddenTitle' | 'forbidden';

export const text: Dict<Key> = {
  en: {
    registerTitle: 'Register',
    registerIntro: 'Enter your work email address. We send you a link to prove it is yours; nothing is created before you open it.',
    email: 'Email address',
    emailHint: 'If your organisation already uses eConnect, you join its environment through your email domain.',
    sendLink: 'Send me a link',
    haveAccount: 'Already have an account?',
    logIn: 'Log in',
    checkTitle: 'Check your email',
    checkBody: 'We sent an email to {email}. Open the link in it to continue registering.',
    checkHint: 'The link works for 24 hours. No email after a few minutes? Check your spam folder, or register again.',
    startAgain: 'Use another address',
    step2Title: 'Create your account',
    step2Intro: 'Your email address {email} is confirmed. Choose your name and a password.',
    name: 'Your name',
    password: 'Password',
    passwordHint: 'At least 10 characters. A few unrelated words make a strong password that is easy to remember.',
    createAccount: 'Create account',
    linkTitle: 'This link does not work',
    registerAgain: 'Register again',
    loginTitle: 'Log in',
    noAccount: 'No account yet?',
    register: 'Register',
    loggedOut: 'You are logged out.',
    accountTitle: 'Your account',
    environment: 'Environment',
    yourRole: 'Your role in the environment',
    organisations: 'Your organisations',
    organisation: 'Organisation',
    roleInOrg: 'Your role',
    noOrganisations: 'You are not a member of any organisation yet. An administrator of your environment can add you to one.',
    logOut: 'Log out',
    welcomeJoined: 'Welcome! You joined the environment {environment} through your email domain, as Basic user without organisations. Its administrators have been told in Slack and decide what you may do.',
    welcomeJoinedByEmail: 'Welcome! You joined the environment {environment} through your email domain, as Basic user without organisations. Its administrators have been told by email and decide what you may do.',
    welcomeNew: 'Welcome! You created the environment {environment} for your email domain and are its administrator.',
    welcomePublic: 'Welcome! You created the environment {environment} and are its administrator. Your email domain is a shared mail service, so colleagues join by invitation.',
    loggedInAs: 'Logged in as {email}',
    tooMany: 'Too many attempts. Wait {minutes} minute(s) and try again.',
    forgedTitle: 'This form has expired',
    forged: 'This form could not be accepted: it was opened too long ago or did not come from this site. Open the page again and send it once more.',
    loginRefused: 'That email address and password do not match an active account. Check both and try again, or register.',
    badEmail: 'Enter a valid email address, such as name@company.nl.',
    errorSummary: 'There is a problem',
    language: 'Language',
    companyName: 'Company name',
    companyNameHint: 'The name of your environment, as the colleagues you invite will see it. You can change it later on your account page.',
    companyNameHintPublic: 'The name of your environment, as the colleagues you invite will see it. Left empty, it is named after you (“{example}”).',
    confirm: 'Type the password again',
    mismatch: 'The two passwords are not the same. Type the same password in both fields.',
    forgot: 'Forgot your password?',
    openAgain: 'Open the page again',
    newLink: 'Ask for a new link',
    forbiddenTitle: 'Not allowed',
    forbidden: 'You may not do this. Ask an administrator of your environment.',
  },
  nl: {
    registerTitle: 'Registreren',
    registerIntro: 'Vul je zakelijke e-mailadres in. We sturen je een link om te bewijzen dat het van jou is; er wordt niets aangemaakt voordat je die opent.',
    email: 'E-mailadres',
    emailHint: 'Gebruikt je organisatie eConnect al, dan kom je via het domein van je e-mailadres in haar omgeving.',
    sendLink: 'Stuur mij een link',
    haveAccount: 'Heb je al een account?',
    logIn: 'Inloggen',
    checkTitle: 'Kijk in je e-mail',
    checkBody: 'We hebben een e-mail gestuurd naar {email}. Open de link daarin om verder te gaan met registreren.',
    checkHint: 'De link werkt 24 uur. Na een paar minuten nog niets? Kijk in je spammap, of registreer opnieuw.',
    startAgain: 'Een ander adres gebruiken',
    step2Title: 'Maak je account aan',
    step2Intro: 'Je e-mailadres {email} is bevestigd. Kies je naam en een wachtwoord.',
    name: 'Je naam',
    password: 'Wachtwoord',
    passwordHint: 'Minstens 10 tekens. Een paar losse woorden maken een sterk wachtwoord dat makkelijk te onthouden is.',
    createAccount: 'Account aanmaken',
    linkTitle: 'Deze link werkt niet',
    registerAgain: 'Opnieuw registreren',
    loginTitle: 'Inloggen',
    noAccount: 'Nog geen account?',
    register: 'Registreren',
    loggedOut: 'Je bent uitgelogd.',
    accountTitle: 'Je account',
    environment: 'Omgeving',
    yourRole: 'Je rol in de omgeving',
    organisations: 'Je organisaties',
    organisation: 'Organisatie',
    roleInOrg: 'Je rol',
    noOrganisations: 'Je bent nog geen lid van een organisatie. Een beheerder van je omgeving kan je toevoegen.',
    logOut: 'Uitloggen',
    welcomeJoined: 'Welkom! Je bent via het domein van je e-mailadres in de omgeving {environment} gekomen, als basisgebruiker zonder organisaties. De beheerders zijn via Slack ingelicht en bepalen wat je mag.',
    welcomeJoinedByEmail: 'Welkom! Je bent via het domein van je e-mailadres in de omgeving {environment} gekomen, als basisgebruiker zonder organisaties. De beheerders zijn per e-mail ingelicht en bepalen wat je mag.',
    welcomeNew: 'Welkom! Je hebt de omgeving {environment} voor het domein van je e-mailadres aangemaakt en bent de beheerder.',
    welcomePublic: 'Welkom! Je hebt de omgeving {environment} aangemaakt en bent de beheerder. Je e-maildomein is een gedeelde maildienst, dus collega\'s komen erbij via een uitnodiging.',
    loggedInAs: 'Ingelogd als {email}',
    tooMany: 'Te veel pogingen. Wacht {minutes} minuut/minuten en probeer het opnieuw.',
    forgedTitle: 'Dit formulier is verlopen',
    forged: 'Dit formulier kon niet worden aangenomen: het is te lang geleden geopend of kwam niet van deze site. Open de pagina opnieuw en verstuur het nog eens.',
    loginRefused: 'Dit e-mailadres en wachtwoord horen niet bij een actief account. Controleer ze en probeer het opnieuw, of registreer.',
    badEmail: 'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.',
    errorSummary: 'Er is een probleem',
    language: 'Taal',
    companyName: 'Bedrijfsnaam',
    companyNameHint: 'De naam van je omgeving, zoals de collega\'s die je uitnodigt hem zien. Je kunt hem later wijzigen op je accountpagina.',
    companyNameHintPublic: 'De naam van je omgeving, zoals de collega\'s die je uitnodigt hem zien. Laat je hem leeg, dan krijgt hij jouw naam („{example}”).',
    confirm: 'Typ het wachtwoord nog een keer',
    mismatch: 'De twee wachtwoorden zijn niet gelijk. Typ in beide velden hetzelfde wachtwoord.',
    forgot: 'Wachtwoord vergeten?',
    openAgain: 'Open de pagina opnieuw',
    newLink: 'Vraag een nieuwe link aan',
    forbiddenTitle: 'Niet toegestaan',
    forbidden: 'Dit mag je niet doen. Vraag een beheerder van je omgeving.',
  },
};

/**
 * Form problems and refusals in Dutch; English pages show the rights service's own messages, which
 * say exactly what is wrong.
 */
export const fieldWords: Partial<Record<Locale, FieldWords>> = {
  nl: {
    weakPassword: 'Dit wachtwoord is te makkelijk te raden. Kies een langere wachtzin van een paar losse woorden.',
    missingPassword: 'Vul je wachtwoord in.',
    badName: 'Vul je naam in, zonder stuur- of onzichtbare tekens (hoogstens 100 tekens).',
    badEmail: text.nl.badEmail,
    badEnvironmentName: 'Vul een bedrijfsnaam in van hoogstens 100 tekens, zonder stuur- of onzichtbare tekens.',
    wrongCurrentPassword: 'Dit is niet je huidige wachtwoord. Typ het opnieuw; ben je het vergeten, log dan uit en kies „Wachtwoord vergeten?”.',
  },
};
export const registrationRefusals: Partial<Record<Locale, RefusalWords>> = {
  nl: {
    already_exists: 'Dit e-mailadres heeft al een account. Log in, of kies „Wachtwoord vergeten?” op de inlogpagina.',
    otherwise: 'Deze registratielink is ongeldig, verlopen of al gebruikt. Registreer opnieuw, of log in als je de registratie al hebt afgerond.',
  },
};

/** Fills {name} placeholders. */
export const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
