// The subcommands of the one slash command, by the word that selects them.
import { apiToken } from './api-tokens.ts';
import { addToOrg, createOrg, org } from './organisations.ts';
import { disconnect, notifyHere } from './environment.ts';
import { language } from './language.ts';
import { audit, help, orgs, pending, users, whois } from './reads.ts';
import { blockAsking, removeMemberAsking, removeUserAsking } from './ask-first.ts';
import { setOrgRole } from './org-roles.ts';
import type { Subcommand } from './run.ts';
import { inviteMany } from './bulk-invite.ts';
import { invite, makeAdmin, resend, revoke, setRoleCommand, unblock } from './users.ts';

export const subcommands: Record<string, Subcommand> = {
  invite,
  'invite-many': inviteMany,
  'set-role': setRoleCommand,
  'make-admin': makeAdmin,
  'add-to-org': addToOrg,
  'set-org-role': setOrgRole,
  'remove-member': removeMemberAsking,
  'create-org': createOrg,
  org,
  block: blockAsking,
  unblock,
  'remove-user': removeUserAsking,
  resend,
  revoke,
  users,
  orgs,
  whois,
  pending,
  audit,
  'notify-here': notifyHere,
  disconnect,
  'api-token': apiToken,
  language,
  help,
};

export { help };

/** The forms a subcommand opens when typed without arguments. */
const formsWithoutArguments = new Set(['invite', 'invite-many', 'set-role', 'make-admin', 'add-to-org', 'set-org-role', 'remove-member', 'create-org', 'org']);

/** True when the subcommand opens a modal: it must run within the trigger_id's 3 seconds, right after the ack. */
export function opensModal(name: string, args: string[]): boolean {
  if (args.length === 0) return formsWithoutArguments.has(name);
  return name === 'org' && args[0]!.toLowerCase() === 'edit';
}
export type { Run, Subcommand } from './run.ts';
