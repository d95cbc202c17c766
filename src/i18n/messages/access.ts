// The access messages, English and Dutch. Keys start with 'access.'.
// Access that ends by itself: end dates, their refusals, the reminder, the notice at the end.
import { defineMessages } from './define.ts';

export const accessMessages = defineMessages(
  {
    'access.until.malformed': '"{value}" is not a date. Give the last day of access as YYYY-MM-DD, for example 2027-01-31.',
    'access.until.past': '{value} has already passed (today is {today} in Amsterdam). Give today or a later day as the last day of access.',
    'access.until.tooFar': '{value} is more than {years} years ahead. Give a last day of access no later than {latest}.',
    'access.rule8.environmentEnding':
      "You cannot {what}: every other active administrator's role ends on a date, so once those end the environment would have no administrator. Make someone an administrator without an end date first.",
    'access.rule8.organisationEnding':
      "You cannot {what}: every other active administrator of {organisation} has a membership that ends on a date, so once those end it would have no administrator. Make another active member its administrator without an end date first.",
    'access.role.basicEnd': '{name} would be a Basic user before and after that date: an end date needs another role than Basic user.',
    'access.membership.otherRole':
      '{name} is already a member of {organisation} with another role. To give that membership an end date, leave out the role; to change the role, use set-org-role.',
    'access.extend.ended': 'This access has already ended, so it cannot be extended. Give it again if it is still needed.',
    'access.extend.unknown': 'That access no longer exists or no longer has an end date: nothing to extend.',
  },
  {
    'access.until.malformed': '"{value}" is geen datum. Geef de laatste dag van de toegang als JJJJ-MM-DD, bijvoorbeeld 2027-01-31.',
    'access.until.past': '{value} is al voorbij (vandaag is het {today} in Amsterdam). Geef vandaag of een latere dag als laatste dag van de toegang.',
    'access.until.tooFar': '{value} ligt meer dan {years} jaar vooruit. Geef als laatste dag van de toegang uiterlijk {latest}.',
    'access.rule8.environmentEnding':
      'Je kunt niet {what}: de rol van elke andere actieve Beheerder eindigt op een datum, dus daarna zou de omgeving geen Beheerder meer hebben. Maak eerst iemand Beheerder zonder einddatum.',
    'access.rule8.organisationEnding':
      'Je kunt niet {what}: het lidmaatschap van elke andere actieve Organisatiebeheerder van {organisation} eindigt op een datum, dus daarna zou de organisatie geen beheerder meer hebben. Maak eerst een ander actief lid Organisatiebeheerder zonder einddatum.',
    'access.role.basicEnd': '{name} zou voor en na die datum Basisgebruiker zijn: een einddatum vraagt om een andere rol dan Basisgebruiker.',
    'access.membership.otherRole':
      '{name} is al lid van {organisation} met een andere rol. Laat de rol weg om dat lidmaatschap een einddatum te geven; gebruik set-org-role om de rol te wijzigen.',
    'access.extend.ended': 'Deze toegang is al beëindigd en kan dus niet worden verlengd. Geef de toegang opnieuw als die nog nodig is.',
    'access.extend.unknown': 'Die toegang bestaat niet meer of heeft geen einddatum meer: er valt niets te verlengen.',
  },
);
