// The glossary: the one name of each role, status and thing, per language. Every surface takes these
// words from here, so "Advanced user" is "Gevorderde gebruiker" on every page, message and email.
// Each label as it stands alone (a table cell, a menu option), so it starts with a capital; the
// `.lower` forms are for the middle of a sentence (English keeps the capital of an environment role,
// as its glossary name: "as Advanced user"; Dutch writes it in lower case: "als gevorderde gebruiker").
import { defineMessages } from './define.ts';

export const glossary = defineMessages(
  {
    'role.environment.BASIC': 'Basic user',
    'role.environment.ADVANCED': 'Advanced user',
    'role.environment.ADMINISTRATOR': 'Administrator',
    'role.organisation.MEMBER': 'Member',
    'role.organisation.ADMINISTRATOR': 'Organisation administrator',
    'role.environment.BASIC.lower': 'Basic user',
    'role.environment.ADVANCED.lower': 'Advanced user',
    'role.environment.ADMINISTRATOR.lower': 'Administrator',
    'role.organisation.MEMBER.lower': 'member',
    'role.organisation.ADMINISTRATOR.lower': 'organisation administrator',
    'status.INVITED': 'Invited',
    'status.ACTIVE': 'Active',
    'status.BLOCKED': 'Blocked',
    'status.REMOVED': 'Removed',
    'status.INVITED.lower': 'invited',
    'status.ACTIVE.lower': 'active',
    'status.BLOCKED.lower': 'blocked',
    'status.REMOVED.lower': 'removed',
    'language.en': 'English',
    'language.nl': 'Dutch',
  },
  {
    'role.environment.BASIC': 'Basisgebruiker',
    'role.environment.ADVANCED': 'Gevorderde gebruiker',
    'role.environment.ADMINISTRATOR': 'Beheerder',
    'role.organisation.MEMBER': 'Lid',
    'role.organisation.ADMINISTRATOR': 'Organisatiebeheerder',
    'role.environment.BASIC.lower': 'basisgebruiker',
    'role.environment.ADVANCED.lower': 'gevorderde gebruiker',
    'role.environment.ADMINISTRATOR.lower': 'beheerder',
    'role.organisation.MEMBER.lower': 'lid',
    'role.organisation.ADMINISTRATOR.lower': 'organisatiebeheerder',
    'status.INVITED': 'Uitgenodigd',
    'status.ACTIVE': 'Actief',
    'status.BLOCKED': 'Geblokkeerd',
    'status.REMOVED': 'Verwijderd',
    'status.INVITED.lower': 'uitgenodigd',
    'status.ACTIVE.lower': 'actief',
    'status.BLOCKED.lower': 'geblokkeerd',
    'status.REMOVED.lower': 'verwijderd',
    'language.en': 'Engels',
    'language.nl': 'Nederlands',
  },
);
