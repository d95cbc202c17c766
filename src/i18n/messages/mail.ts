// The mail messages, English and Dutch. Keys start with 'mail.'.
import { defineMessages } from './define.ts';

export const mailMessages = defineMessages(
  {
    'mail.date': '{when, date, long}, {when, time, short}',

    // The invitation
    'mail.invitation.subject': '{inviter} invited you to {environment} on eConnect',
    'mail.invitation.title': 'Activate your eConnect account',
    'mail.invitation.intro': '{inviter} ({inviterEmail}) invited you to the eConnect environment "{environment}" as {role, select, BASIC {a Basic user} ADVANCED {an Advanced user} ADMINISTRATOR {an Administrator} other {a user}}.',
    'mail.invitation.organisations': 'When you activate your account you join: {organisations}.',
    'mail.invitation.action': 'Activate your account and choose a password:',
    'mail.invitation.button': 'Activate account',
    'mail.invitation.linkIntro': 'Does the button not work? Copy this link into your browser:',
    'mail.invitation.expiry': 'This link works once, until {when}. If it has expired, ask {inviter} for a new invitation.',
    'mail.invitation.ignore': 'Did not expect this invitation? Then you can ignore this email; nothing happens until the link is used.',

    // A forgotten password
    'mail.reset.subject': 'Choose a new eConnect password',
    'mail.reset.title': 'Choose a new password',
    'mail.reset.intro': 'Someone, probably you, asked for a new password for the eConnect account of this email address.',
    'mail.reset.action': 'Open this link to choose a new password:',
    'mail.reset.button': 'Choose a new password',
    'mail.reset.expiry': 'The link works once, until {when}. After the change you are logged out everywhere else.',
    'mail.reset.ignore': 'Did not ask for this? Then ignore this email: your password stays as it is.',

    // Registration
    'mail.registration.verifySubject': 'Confirm your email address for eConnect',
    'mail.registration.verifyTitle': 'Confirm your email address',
    'mail.registration.verifyIntro': 'Someone, probably you, wants to register for eConnect with this email address.',
    'mail.registration.verifyAction': 'Open this link to confirm the address and choose your name and password:',
    'mail.registration.verifyButton': 'Continue registering',
    'mail.registration.verifyExpiry': 'The link works once, until {when}. If it has expired, register again.',
    'mail.registration.ignore': 'Did not register? Then ignore this email: nothing is created until the link is opened.',
    'mail.registration.existingSubject': 'You already have an eConnect account',
    'mail.registration.existingTitle': 'You already have an account',
    'mail.registration.existingIntro': 'Someone, probably you, tried to register for eConnect with this email address, but it already has an account.',
    'mail.registration.existing': '{status, select, INVITED {You were invited: activate your account with the link in the invitation email, or ask your administrator to send a new invitation. After that you log in here:} BLOCKED {Your account is blocked. Ask an administrator of your environment to unblock it; then you can log in here:} REMOVED {Your account was removed from its environment. Ask an administrator of that environment to invite you again; then you can log in here:} other {Log in with your email address and password:}}',
    'mail.registration.existingButton': 'Log in',
    'mail.registration.existingIgnore': 'Did not try to register? Then you can ignore this email; nothing has changed.',

    // Told to administrators by email
    'mail.notice.activatedSubject': '{person} activated their eConnect account',
    'mail.notice.joinedSubject': '{person} joined {environment} in eConnect',
    'mail.notice.joined': '{person} joined the environment {environment} through its mail domain, as a Basic user without organisations.',
    'mail.notice.activated': '{person} activated their eConnect account in {environment}, as {role, select, BASIC {a Basic user} ADVANCED {an Advanced user} ADMINISTRATOR {an Administrator} other {a user}}.',
    'mail.notice.activatedOrganisations': '{person} activated their eConnect account in {environment}, as {role, select, BASIC {a Basic user} ADVANCED {an Advanced user} ADMINISTRATOR {an Administrator} other {a user}}. They joined {organisations}.',
    'mail.notice.next': 'Decide what they may do: in Slack, /econnect add-to-org, /econnect make-admin or /econnect block with their email address.',
    'mail.notice.why': 'You get this by email because eConnect does not know the Slack account of any administrator yet. Run any /econnect command in Slack once, or choose a channel for these messages with /econnect notify-here.',

    // A message that could not be delivered
    'mail.failed.subject': 'eConnect could not deliver {what, select, invitation {the invitation email} slack {a Slack notification} other {an email}}',
    'mail.failed.body': 'eConnect could not deliver {what, select, invitation {the invitation email} slack {a Slack notification} other {an email}} after {attempts, plural, one {# attempt} other {# attempts}}.',
    'mail.failed.bodyTo': 'eConnect could not deliver {what, select, invitation {the invitation email} slack {a Slack notification} other {an email}} to {recipient} after {attempts, plural, one {# attempt} other {# attempts}}.',
    'mail.failed.error': 'Last error: {error}',
    'mail.failed.todo': 'Check the address and the mail settings, then resend the invitation (in Slack: /econnect resend).',

    // Slack disconnected
    'mail.slackGone.subject': 'Slack is disconnected from {environment}',
    'mail.slackGone.body': 'eConnect no longer works in the Slack workspace {team} of {environment}: {reason, select, app_uninstalled {the app was removed from the workspace in Slack} tokens_revoked {its access was revoked in Slack} other {an administrator disconnected it}}. Its tokens are deleted.',
    'mail.slackGone.wait': 'Slack notifications for your environment wait until a workspace is connected again; nothing is lost.',
    'mail.slackGone.todo': 'To connect it again, log in and choose "Add to Slack" on your account page: {link}',
  },
  {
    'mail.date': '{when, date, long} om {when, time, short}',

    'mail.invitation.subject': '{inviter} heeft je uitgenodigd voor {environment} in eConnect',
    'mail.invitation.title': 'Activeer je eConnect-account',
    'mail.invitation.intro': '{inviter} ({inviterEmail}) heeft je uitgenodigd voor de eConnect-omgeving "{environment}" als {role, select, BASIC {basisgebruiker} ADVANCED {gevorderde gebruiker} ADMINISTRATOR {beheerder} other {gebruiker}}.',
    'mail.invitation.organisations': 'Als je je account activeert, word je lid van: {organisations}.',
    'mail.invitation.action': 'Activeer je account en kies een wachtwoord:',
    'mail.invitation.button': 'Account activeren',
    'mail.invitation.linkIntro': 'Werkt de knop niet? Kopieer deze link naar je browser:',
    'mail.invitation.expiry': 'Deze link werkt één keer, tot {when}. Is hij verlopen? Vraag {inviter} dan om een nieuwe uitnodiging.',
    'mail.invitation.ignore': 'Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren; er gebeurt niets zolang de link niet gebruikt wordt.',

    'mail.reset.subject': 'Kies een nieuw eConnect-wachtwoord',
    'mail.reset.title': 'Kies een nieuw wachtwoord',
    'mail.reset.intro': 'Iemand, waarschijnlijk jij, heeft een nieuw wachtwoord aangevraagd voor het eConnect-account van dit e-mailadres.',
    'mail.reset.action': 'Open deze link om een nieuw wachtwoord te kiezen:',
    'mail.reset.button': 'Nieuw wachtwoord kiezen',
    'mail.reset.expiry': 'De link werkt één keer, tot {when}. Na de wijziging ben je overal elders uitgelogd.',
    'mail.reset.ignore': 'Niet aangevraagd? Negeer deze e-mail dan: je wachtwoord blijft zoals het is.',

    'mail.registration.verifySubject': 'Bevestig je e-mailadres voor eConnect',
    'mail.registration.verifyTitle': 'Bevestig je e-mailadres',
    'mail.registration.verifyIntro': 'Iemand, waarschijnlijk jij, wil zich met dit e-mailadres registreren bij eConnect.',
    'mail.registration.verifyAction': 'Open deze link om het adres te bevestigen en je naam en wachtwoord te kiezen:',
    'mail.registration.verifyButton': 'Verder met registreren',
    'mail.registration.verifyExpiry': 'De link werkt één keer, tot {when}. Is hij verlopen? Registreer dan opnieuw.',
    'mail.registration.ignore': 'Heb je je niet geregistreerd? Negeer deze e-mail dan: er wordt niets aangemaakt zolang de link niet geopend is.',
    'mail.registration.existingSubject': 'Je hebt al een eConnect-account',
    'mail.registration.existingTitle': 'Je hebt al een account',
    'mail.registration.existingIntro': 'Iemand, waarschijnlijk jij, probeerde zich met dit e-mailadres te registreren bij eConnect, maar het heeft al een account.',
    'mail.registration.existing': '{status, select, INVITED {Je bent uitgenodigd: activeer je account met de link in de uitnodiging, of vraag je beheerder om een nieuwe uitnodiging. Daarna log je hier in:} BLOCKED {Je account is geblokkeerd. Vraag een beheerder van je omgeving om het te deblokkeren; daarna kun je hier inloggen:} REMOVED {Je account is uit de omgeving verwijderd. Vraag een beheerder van die omgeving om je opnieuw uit te nodigen; daarna kun je hier inloggen:} other {Log in met je e-mailadres en wachtwoord:}}',
    'mail.registration.existingButton': 'Inloggen',
    'mail.registration.existingIgnore': 'Probeerde je niet te registreren? Dan kun je deze e-mail negeren; er is niets veranderd.',

    'mail.notice.activatedSubject': '{person} heeft het eConnect-account geactiveerd',
    'mail.notice.joinedSubject': '{person} is in eConnect bij {environment} gekomen',
    'mail.notice.joined': '{person} is via het domein van het e-mailadres in de omgeving {environment} gekomen, als basisgebruiker zonder organisaties.',
    'mail.notice.activated': '{person} heeft het eConnect-account in {environment} geactiveerd, als {role, select, BASIC {basisgebruiker} ADVANCED {gevorderde gebruiker} ADMINISTRATOR {beheerder} other {gebruiker}}.',
    'mail.notice.activatedOrganisations': '{person} heeft het eConnect-account in {environment} geactiveerd, als {role, select, BASIC {basisgebruiker} ADVANCED {gevorderde gebruiker} ADMINISTRATOR {beheerder} other {gebruiker}}. Lid van: {organisations}.',
    'mail.notice.next': 'Bepaal wat deze persoon mag: in Slack met /econnect add-to-org, /econnect make-admin of /econnect block en het e-mailadres.',
    'mail.notice.why': 'Je krijgt dit per e-mail omdat eConnect nog van geen enkele beheerder het Slack-account kent. Gebruik één keer een /econnect-opdracht in Slack, of kies een kanaal voor deze berichten met /econnect notify-here.',

    'mail.failed.subject': 'eConnect kon {what, select, invitation {de uitnodigingsmail} slack {een Slack-melding} other {een e-mail}} niet bezorgen',
    'mail.failed.body': 'eConnect kon {what, select, invitation {de uitnodigingsmail} slack {een Slack-melding} other {een e-mail}} na {attempts, plural, one {# poging} other {# pogingen}} niet bezorgen.',
    'mail.failed.bodyTo': 'eConnect kon {what, select, invitation {de uitnodigingsmail} slack {een Slack-melding} other {een e-mail}} aan {recipient} na {attempts, plural, one {# poging} other {# pogingen}} niet bezorgen.',
    'mail.failed.error': 'Laatste foutmelding: {error}',
    'mail.failed.todo': 'Controleer het adres en de e-mailinstellingen en stuur de uitnodiging opnieuw (in Slack: /econnect resend).',

    'mail.slackGone.subject': 'Slack is losgekoppeld van {environment}',
    'mail.slackGone.body': 'eConnect werkt niet meer in de Slack-werkruimte {team} van {environment}: {reason, select, app_uninstalled {de app is in Slack uit de werkruimte verwijderd} tokens_revoked {de toegang is in Slack ingetrokken} other {een beheerder heeft de koppeling verbroken}}. De tokens zijn gewist.',
    'mail.slackGone.wait': 'Slack-meldingen voor je omgeving wachten tot er weer een werkruimte gekoppeld is; er gaat niets verloren.',
    'mail.slackGone.todo': 'Koppel opnieuw door in te loggen en op je accountpagina "Toevoegen aan Slack" te kiezen: {link}',
  },
);
