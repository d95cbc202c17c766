// Organisation roles (`set-org-role` and its form) and the confirmations destructive typed commands
// ask for first (block, remove-user, removing yourself from an organisation), English and Dutch.
// Keys start with 'orgRole.' and 'confirm.'. Values come escaped for Slack mrkdwn.
import { defineMessages } from './define.ts';

export const confirmationsMessages = defineMessages(
  {
    'orgRole.syntax': '{command} set-org-role <user> <organisation> member|administrator',
    'orgRole.usage': 'Usage: `{syntax}` (without arguments it opens a form).',
    'orgRole.badRole':
      'I do not know the organisation role {word}. Say `member` or `administrator` at the end: `{syntax}`. For an environment role (basic, advanced, administrator) use `{command} set-role`.',
    'orgRole.changed': '{by} made {user} {role} of {organisation} (was {previous}).',
    'orgRole.unchanged': '{user} already is {role} of {organisation}; nothing changed.',
    'orgRole.unchangedInChannel': '{by} checked {user}: already {role} of {organisation}, nothing changed.',
    'orgRole.notEnvironmentRole':
      '{word} is a role in an organisation, not in the environment. Use `{syntax}`; `{command} set-role` changes the environment role (basic, advanced or administrator).',
    'orgRole.modal.title': 'Organisation role',
    'orgRole.modal.submit': 'Save role',
    'orgRole.modal.close': 'Cancel',
    'orgRole.modal.user': 'Member',
    'orgRole.modal.userPlaceholder': 'Type a name or email',
    'orgRole.modal.organisation': 'Organisation',
    'orgRole.modal.organisationPlaceholder': 'Type an organisation name',
    'orgRole.modal.role': 'Role in the organisation',
    'orgRole.modal.member': 'Member (works with the documents)',
    'orgRole.modal.administrator': 'Organisation administrator (also manages members)',
    'orgRole.modal.about':
      'An organisation administrator manages the members of that organisation. This is apart from the environment role, which `set-role` changes.',
    'confirm.ask.block':
      'Block {user}? They can no longer log in or use eConnect, and lose all their rights until an administrator unblocks them. Their organisations stay as they are.',
    'confirm.ask.removeUser':
      'Remove {user} from the environment? They can no longer log in, leave every organisation they are in, and their pending invitation stops working. This cannot be undone; they can only be invited again.',
    'confirm.ask.leaveOrganisation':
      'Remove yourself from {organisation}? You lose its documents and, if you administer it, its members at once. You stay in the environment; only an administrator can add you again.',
    'confirm.expiresNote': 'This question stays open for {minutes} minutes. Nothing changes until you confirm.',
    'confirm.button.confirm': 'Confirm',
    'confirm.button.cancel': 'Cancel',
    'confirm.done.block': 'Done: {user} is blocked.',
    'confirm.done.removeUser': 'Done: {user} is removed from the environment.',
    'confirm.done.leaveOrganisation': 'Done: you are no longer a member of {organisation}.',
    'confirm.refused': 'Nothing changed: {reason}',
    'confirm.cancelled': 'Nothing changed: you cancelled.',
    'confirm.stale': 'Nothing changed: this confirmation is older than {minutes} minutes. Type the command again if you still want it.',
    'confirm.notYours': 'Only the person who typed this command can confirm or cancel it. Nothing changed.',
    'confirm.invalid': 'Nothing changed: I cannot read this confirmation. Type the command again.',
  },
  {
    'orgRole.syntax': '{command} set-org-role <gebruiker> <organisatie> lid|beheerder',
    'orgRole.usage': 'Gebruik: `{syntax}` (zonder argumenten opent een formulier).',
    'orgRole.badRole':
      'De organisatierol {word} ken ik niet. Zet `lid` of `beheerder` aan het eind: `{syntax}`. Voor een rol in de omgeving (basic, advanced, administrator) gebruik je `{command} set-role`.',
    'orgRole.changed': '{by} heeft {user} {role} van {organisation} gemaakt (was {previous}).',
    'orgRole.unchanged': '{user} is al {role} van {organisation}; er is niets veranderd.',
    'orgRole.unchangedInChannel': '{by} heeft {user} bekeken: al {role} van {organisation}, er is niets veranderd.',
    'orgRole.notEnvironmentRole':
      '{word} is een rol in een organisatie, niet in de omgeving. Gebruik `{syntax}`; `{command} set-role` verandert de rol in de omgeving (basic, advanced of administrator).',
    'orgRole.modal.title': 'Organisatierol',
    'orgRole.modal.submit': 'Rol opslaan',
    'orgRole.modal.close': 'Annuleren',
    'orgRole.modal.user': 'Lid',
    'orgRole.modal.userPlaceholder': 'Typ een naam of e-mailadres',
    'orgRole.modal.organisation': 'Organisatie',
    'orgRole.modal.organisationPlaceholder': 'Typ de naam van een organisatie',
    'orgRole.modal.role': 'Rol in de organisatie',
    'orgRole.modal.member': 'Lid (werkt met de documenten)',
    'orgRole.modal.administrator': 'Organisatiebeheerder (beheert ook de leden)',
    'orgRole.modal.about':
      'Een organisatiebeheerder beheert de leden van die organisatie. Dat staat los van de rol in de omgeving, die je met `set-role` verandert.',
    'confirm.ask.block':
      '{user} blokkeren? Diegene kan dan niet meer inloggen of eConnect gebruiken en verliest alle rechten tot een beheerder de blokkade opheft. De organisaties blijven zoals ze zijn.',
    'confirm.ask.removeUser':
      '{user} uit de omgeving verwijderen? Diegene kan dan niet meer inloggen, verlaat elke organisatie en een openstaande uitnodiging werkt niet meer. Dit kan niet ongedaan worden gemaakt; alleen een nieuwe uitnodiging is mogelijk.',
    'confirm.ask.leaveOrganisation':
      'Jezelf uit {organisation} verwijderen? Je verliest meteen de documenten en, als je de organisatie beheert, ook het beheer van de leden. Je blijft in de omgeving; alleen een beheerder kan je weer toevoegen.',
    'confirm.expiresNote': 'Deze vraag blijft {minutes} minuten open. Er verandert niets tot je bevestigt.',
    'confirm.button.confirm': 'Bevestigen',
    'confirm.button.cancel': 'Annuleren',
    'confirm.done.block': 'Gedaan: {user} is geblokkeerd.',
    'confirm.done.removeUser': 'Gedaan: {user} is uit de omgeving verwijderd.',
    'confirm.done.leaveOrganisation': 'Gedaan: je bent geen lid meer van {organisation}.',
    'confirm.refused': 'Er is niets veranderd: {reason}',
    'confirm.cancelled': 'Er is niets veranderd: je hebt geannuleerd.',
    'confirm.stale': 'Er is niets veranderd: deze bevestiging is ouder dan {minutes} minuten. Typ de opdracht opnieuw als je het nog steeds wilt.',
    'confirm.notYours': 'Alleen wie deze opdracht typte, kan hem bevestigen of annuleren. Er is niets veranderd.',
    'confirm.invalid': 'Er is niets veranderd: deze bevestiging kan ik niet lezen. Typ de opdracht opnieuw.',
  },
);
