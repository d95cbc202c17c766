// The words of the start page and of the pages for an unknown address and for our own failures.
import type { Dict } from '../i18n.ts';

type Key =
  | 'startTitle' | 'startIntro' | 'startSlack' | 'startRegister' | 'startLogIn' | 'startHave' | 'startNew' | 'startAccount'
  | 'notFoundTitle' | 'notFound' | 'errorTitle' | 'error' | 'home' | 'logIn' | 'register';

export const text: Dict<Key> = {
  en: {
    startTitle: 'eConnect rights',
    startIntro: 'Run the users and rights of your e-invoicing environment: invite colleagues, choose who administers what, and decide who may view, create and send the documents of each organisation.',
    startSlack: 'Your administrators do this from Slack, with the /econnect command. Here you register, log in, and see and change your own account.',
    startHave: 'Already have an account?',
    startLogIn: 'Log in',
    startNew: 'New to eConnect?',
    startRegister: 'Register with your work email address',
    startAccount: 'Go to your account',
    notFoundTitle: 'Page not found',
    notFound: 'There is no page at this address. Check it for typing mistakes, or go on from here:',
    errorTitle: 'Something went wrong',
    error: 'Something went wrong on our side, and nothing was changed. Try again in a moment; if it keeps happening, tell your administrator the time it happened.',
    home: 'Start page',
    logIn: 'Log in',
    register: 'Register',
  },
  nl: {
    startTitle: 'eConnect-rechten',
    startIntro: 'Beheer de gebruikers en rechten van je e-factuuromgeving: nodig collega\'s uit, kies wie wat beheert en bepaal wie de documenten van elke organisatie mag bekijken, maken en versturen.',
    startSlack: 'Je beheerders doen dat vanuit Slack, met het commando /econnect. Hier registreer je, log je in, en bekijk en wijzig je je eigen account.',
    startHave: 'Heb je al een account?',
    startLogIn: 'Inloggen',
    startNew: 'Nieuw bij eConnect?',
    startRegister: 'Registreer met je zakelijke e-mailadres',
    startAccount: 'Naar je account',
    notFoundTitle: 'Pagina niet gevonden',
    notFound: 'Op dit adres staat geen pagina. Controleer het op typefouten, of ga hier verder:',
    errorTitle: 'Er ging iets mis',
    error: 'Er ging bij ons iets mis, en er is niets veranderd. Probeer het zo nog eens; blijft het gebeuren, geef dan het tijdstip door aan je beheerder.',
    home: 'Startpagina',
    logIn: 'Inloggen',
    register: 'Registreren',
  },
};
