// The subcommands of the one slash command, by the word that selects them.
import { apiToken } from './api-tokens.ts';
import { addToOrg, createOrg, org, removeMemberCommand } from './organisations.ts';
import { disconnect, notifyHere } from './environment.ts';
import { audit, help, orgs, pending, users, whois } from './reads.ts';
import type { Subcommand } from './run.ts';
import { block, invite, makeAdmin, removeUserCommand, resend, revoke, setRoleCommand, unblock } from './users.ts';

export const subcommands: Record<string, Subcommand> = {
  invite,
  'set-role': setRoleCommand,
  'make-admin': makeAdmin,
  'add-to-org': addToOrg,
  'remove-member': removeMemberCommand,
  'create-org': createOrg,
  org,
  block,
  unblock,
  'remove-user': removeUserCommand,
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
  help,
};

export { help };
export type { Run, Subcommand } from './run.ts';
