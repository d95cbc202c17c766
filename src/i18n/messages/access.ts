// The access messages, English and Dutch. Keys start with 'access.'.
// Access that ends by itself: end dates, their refusals, the reminder, the notice at the end.
import { defineMessages } from './define.ts';

export const accessMessages = defineMessages(
  {
    'access.until.malformed': '"{value}" is not a date. Give the last day of access as YYYY-MM-DD, for example 2027-01-31.',
    'access.until.past': '{value} has already passed (today is {today} in Amsterdam). Give today or a later day as the last day of access.',
    'access.until.tooFar': '{value} is more than {years} years ahead. Give a last day of access no later than {latest}.',
    'access.rule8.environmentEnding':
      "You cannot {deed}: every other active administrator's role ends on a date, so once those end the environment would have no administrator. Make someone an administrator without an end date first.",
    'access.rule8.organisationEnding':
      "You cannot {deed}: every other active administrator of {organisation} has a membership that ends on a date, so once those end it would have no administrator. Make another active member its administrator without an end date first.",
    'access.extend.whichOrganisation': 'Say which organisation the membership to extend is in.',
    'access.extend.badInstant': 'This reminder does not name a valid end. Extend the access with add-to-org or set-role and --until instead.',
    'access.role.basicEnd': '{name} would be a Basic user before and after that date: an end date needs another role than Basic user.',
    'access.membership.otherRole':
      '{name} is already a member of {organisation} with another role. To give that membership an end date, leave out the role; to change the role, use set-org-role.',
    'access.extend.ended': 'This access has already ended, so it cannot be extended. Give it again if it is still needed.',
    'access.extend.unknown': 'That access no longer exists or no longer has an end date: nothing to extend.',
    'access.command.untilMissing': 'Say the last day after --until, as YYYY-MM-DD, for example --until 2027-01-31.',
    'access.confirm.roleUntil': 'The role lasts through {lastDay, date, long} (Amsterdam time), then falls back to {fallback}.',
    'access.confirm.membershipUntil': 'The membership lasts through {lastDay, date, long} (Amsterdam time), then ends by itself.',
    'access.confirm.membershipEndSet':
      '<@{by}> gave the membership of {person} in {organisation} an end: it lasts through {lastDay, date, long} (Amsterdam time), then ends by itself.',
    'access.picker.label': 'Until (optional)',
    'access.picker.placeholder': 'No end date',
    'access.picker.hint': 'Access lasts through the end of this day (Amsterdam time), then ends by itself.',
    'access.reminder.role':
      ':hourglass_flowing_sand: The {role} role of {person} ends after {lastDay, date, full} (Amsterdam time); they then become {fallback}.',
    'access.reminder.membership':
      ':hourglass_flowing_sand: The membership of {person} in {organisation} ({role}) ends after {lastDay, date, full} (Amsterdam time).',
    'access.reminder.help': 'Extend it by 30 days with the button, or let it end.',
    'access.reminder.extend': 'Extend 30 days',
    'access.ended.role': 'The {role} role of {person} ended at the end of {lastDay, date, long} (Amsterdam time): they are now {fallback}.',
    'access.ended.membership': 'The membership of {person} in {organisation} ({role}) ended at the end of {lastDay, date, long} (Amsterdam time).',
    'access.extended': '<@{by}> extended the access of {person}{organisation}: it now lasts through {lastDay, date, long} (Amsterdam time).',
    'access.extended.already': 'Already extended: the access of {person} lasts through {lastDay, date, long} (Amsterdam time). Nothing changed.',
    'access.extended.in': ' in {organisation}',
  },
  {
    'access.until.malformed': '"{value}" is geen datum. Geef de laatste dag van de toegang als JJJJ-MM-DD, bijvoorbeeld 2027-01-31.',
    'access.until.past': '{value} is al voorbij (vandaag is het {today} in Amsterdam). Geef vandaag of een latere dag als laatste dag van de toegang.',
    'access.until.tooFar': '{value} ligt meer dan {years} jaar vooruit. Geef als laatste dag van de toegang uiterlijk {latest}.',
    'access.rule8.environmentEnding':
      '{deed} kan niet: de rol van elke andere actieve beheerder eindigt op een datum, dus daarna zou de omgeving geen beheerder meer hebben. Maak eerst iemand beheerder zonder einddatum.',
    'access.rule8.organisationEnding':
      '{deed} kan niet: het lidmaatschap van elke andere actieve organisatiebeheerder van {organisation} eindigt op een datum, dus daarna zou de organisatie geen beheerder meer hebben. Maak eerst een ander actief lid organisatiebeheerder zonder einddatum.',
    'access.extend.whichOrganisation': 'Zeg bij welke organisatie het lidmaatschap hoort dat je wilt verlengen.',
    'access.extend.badInstant': 'Deze herinnering noemt geen geldig einde. Verleng de toegang met add-to-org of set-role en --until.',
    'access.role.basicEnd': '{name} zou voor en na die datum basisgebruiker zijn: een einddatum vraagt om een andere rol dan basisgebruiker.',
    'access.membership.otherRole':
      '{name} is al lid van {organisation} met een andere rol. Laat de rol weg om dat lidmaatschap een einddatum te geven; gebruik set-org-role om de rol te wijzigen.',
    'access.extend.ended': 'Deze toegang is al beëindigd en kan dus niet worden verlengd. Geef de toegang opnieuw als die nog nodig is.',
    'access.extend.unknown': 'Die toegang bestaat niet meer of heeft geen einddatum meer: er valt niets te verlengen.',
    'access.command.untilMissing': 'Geef na --until de laatste dag als JJJJ-MM-DD, bijvoorbeeld --until 2027-01-31.',
    'access.confirm.roleUntil': 'De rol geldt tot en met {lastDay, date, long} (Amsterdamse tijd) en valt daarna terug naar {fallback}.',
    'access.confirm.membershipUntil': 'Het lidmaatschap geldt tot en met {lastDay, date, long} (Amsterdamse tijd) en eindigt daarna vanzelf.',
    'access.confirm.membershipEndSet':
      '<@{by}> gaf het lidmaatschap van {person} bij {organisation} een einddatum: het geldt tot en met {lastDay, date, long} (Amsterdamse tijd) en eindigt daarna vanzelf.',
    'access.picker.label': 'Tot en met (optioneel)',
    'access.picker.placeholder': 'Geen einddatum',
    'access.picker.hint': 'De toegang geldt tot het einde van deze dag (Amsterdamse tijd) en eindigt daarna vanzelf.',
    'access.reminder.role':
      ':hourglass_flowing_sand: De rol {role} van {person} eindigt na {lastDay, date, full} (Amsterdamse tijd); daarna is die persoon {fallback}.',
    'access.reminder.membership':
      ':hourglass_flowing_sand: Het lidmaatschap van {person} bij {organisation} ({role}) eindigt na {lastDay, date, full} (Amsterdamse tijd).',
    'access.reminder.help': 'Verleng het met 30 dagen via de knop, of laat het aflopen.',
    'access.reminder.extend': '30 dagen verlengen',
    'access.ended.role': 'De rol {role} van {person} is geëindigd na {lastDay, date, long} (Amsterdamse tijd): die persoon is nu {fallback}.',
    'access.ended.membership': 'Het lidmaatschap van {person} bij {organisation} ({role}) is geëindigd na {lastDay, date, long} (Amsterdamse tijd).',
    'access.extended': '<@{by}> verlengde de toegang van {person}{organisation}: die geldt nu tot en met {lastDay, date, long} (Amsterdamse tijd).',
    'access.extended.already': 'Al verlengd: de toegang van {person} geldt tot en met {lastDay, date, long} (Amsterdamse tijd). Er is niets gewijzigd.',
    'access.extended.in': ' bij {organisation}',
  },
);
