// The whole permission matrix: every environment role x status x organisation role x action, checked
// against a table written from rules 1-3, 5 and 9 of docs/rules.md, not from policy.ts.
import { describe, expect, it } from 'vitest';
import { allActions, decide, type Action } from '../../src/rights/policy.ts';

type EnvRole = 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR';
type Status = 'INVITED' | 'ACTIVE' | 'BLOCKED' | 'REMOVED';
type OrgRole = 'MEMBER' | 'ADMINISTRATOR' | null;

const envRoles: EnvRole[] = ['BASIC', 'ADVANCED', 'ADMINISTRATOR'];
const statuses: Status[] = ['INVITED', 'ACTIVE', 'BLOCKED', 'REMOVED'];
const orgRoles: OrgRole[] = [null, 'MEMBER', 'ADMINISTRATOR'];

/** Rule 1: only an active environment Administrator; the organisation role changes nothing. */
const environmentAdministratorOnly = (env: EnvRole) => env === 'ADMINISTRATOR';
/** Rule 2: an organisation administrator of O, or an environment Administrator. */
const organisationOrEnvironmentAdministrator = (env: EnvRole, org: OrgRole) => env === 'ADMINISTRATOR' || org === 'ADMINISTRATOR';
/** Rule 3: members of O (either organisation role) and nobody else, environment Administrators included. */
const membersOnly = (_env: EnvRole, org: OrgRole) => org === 'MEMBER' || org === 'ADMINISTRATOR';
/** BASIC has no rights (docs/rules.md, the table of things): looking others up needs ADVANCED or ADMINISTRATOR. */
const advancedOrAdministrator = (env: EnvRole) => env !== 'BASIC';
/** Everyone active manages their own account (name, password, language, sessions), whatever their roles. */
const everyActiveUser = () => true;

/**
 * What an ACTIVE user may do. Every action of policy.ts needs its row here: a new action without one
 * fails the "covers every action" test (and does not type-check).
 */
const expected: Record<Action, (env: EnvRole, org: OrgRole) => boolean> = {
  'user:invite': environmentAdministratorOnly,
  'user:set-role': environmentAdministratorOnly,
  'user:block': environmentAdministratorOnly,
  'user:unblock': environmentAdministratorOnly,
  'user:remove': environmentAdministratorOnly,
  'invitation:resend': environmentAdministratorOnly,
  'invitation:revoke': environmentAdministratorOnly,
  'organisation:create': environmentAdministratorOnly,
  'organisation:update': environmentAdministratorOnly,
  'environment:configure': environmentAdministratorOnly,
  'audit:read': environmentAdministratorOnly,
  'member:add': organisationOrEnvironmentAdministrator,
  'member:set-role': organisationOrEnvironmentAdministrator,
  'member:remove': organisationOrEnvironmentAdministrator,
  'member:list': organisationOrEnvironmentAdministrator,
  'document:view': membersOnly,
  'document:create': membersOnly,
  'document:send': membersOnly,
  'directory:read': advancedOrAdministrator,
  'account:update': everyActiveUser,
};

describe('permission matrix (rules 1-3, 5, 9)', () => {
  it('has an expected row for exactly every action of the policy', () => {
    expect(Object.keys(expected).sort()).toEqual([...allActions].sort());
    expect(new Set(allActions).size).toBe(allActions.length);
  });

  const cases: [EnvRole, Status, OrgRole, Action][] = [];
  for (const env of envRoles) for (const status of statuses) for (const org of orgRoles) for (const action of allActions) cases.push([env, status, org, action]);

  it(`walks all ${envRoles.length * statuses.length * orgRoles.length} x ${allActions.length} cells`, () => {
    const wrong: string[] = [];
    for (const [env, status, org, action] of cases) {
      const want = status === 'ACTIVE' && expected[action](env, org);
      const got = decide({ role: env, status }, action, org);
      if (got.allowed !== want) wrong.push(`${env}/${status}/${org ?? 'none'}/${action}: expected ${want ? 'allow' : 'deny'}, got ${got.allowed ? 'allow' : 'deny'} (${got.reason})`);
      if (typeof got.reason !== 'string' || got.reason.trim().length < 5) wrong.push(`${env}/${status}/${org ?? 'none'}/${action}: no reason given`);
    }
    expect(wrong).toEqual([]);
    expect(cases.length).toBe(3 * 4 * 3 * allActions.length);
  });

  it('gives the status as the reason for invited, blocked and removed users (rules 5 and 9)', () => {
    for (const action of allActions) {
      expect(decide({ role: 'ADMINISTRATOR', status: 'INVITED' }, action, 'ADMINISTRATOR').reason).toMatch(/not activated/);
      expect(decide({ role: 'ADMINISTRATOR', status: 'BLOCKED' }, action, 'ADMINISTRATOR').reason).toMatch(/blocked/);
      expect(decide({ role: 'ADMINISTRATOR', status: 'REMOVED' }, action, 'ADMINISTRATOR').reason).toMatch(/removed/);
    }
  });

  it('denies documents to an environment Administrator who is not a member, with the reason (rule 3)', () => {
    const d = decide({ role: 'ADMINISTRATOR', status: 'ACTIVE' }, 'document:send', null);
    expect(d).toEqual({ allowed: false, reason: expect.stringMatching(/members of the organisation/), reasonKey: 'rights.reason.membersOnly' });
  });

  it('denies actions it does not know', () => {
    expect(decide({ role: 'ADMINISTRATOR', status: 'ACTIVE' }, 'document:delete' as Action, 'ADMINISTRATOR').allowed).toBe(false);
  });
});
