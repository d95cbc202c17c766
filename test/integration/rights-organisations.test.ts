// Organisations and their members: create, update details, add / set role / remove member (rules 1-4, 8, 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember, authorize, blockUser, createOrganisation, inviteUser, removeMember, removeUser, revokeInvitation, setMemberRole, setRole, updateOrganisation, type RightsDeps,
} from '../../src/rights/index.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newActiveUser, newEnvironment, newOrganisation } from '../support/factories.ts';
import { expectOneAudit, expectRefusedUnchanged } from './rights-support.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
beforeAll(async () => { t = await openTestDatabase(); deps = t.deps; });
afterAll(async () => { await t?.close(); });

const can = async (userId: string, action: 'document:view' | 'member:add', organisationId: string) =>
  (await authorize(deps, { user: userId, action, organisationId })).allowed;

describe('create organisation (rules 1 and 4)', () => {
  it('the creator becomes its organisation administrator; details are validated and normalised', async () => {
    const { admin } = await newEnvironment(deps);
    const r = await expectOneAudit(deps, 'organisation.created', () => createOrganisation(deps, admin, {
      name: '  Acme   Holding BV ', legalName: 'Acme Holding B.V.', kvkNumber: '1234 5678', vatNumber: 'nl123456789b01',
      peppolId: 'iso6523-actorid-upis::0106:12345678', street: 'Dam 1', postalCode: '1012 JS', city: 'Amsterdam', country: 'nl', invoiceEmail: 'Facturen@Acme.NL',
    }));
    expect(r.organisation.name).toBe('Acme Holding BV');
    expect(r.administrator.id).toBe(admin.userId);
    const m = await deps.prisma.membership.findUniqueOrThrow({ where: { userId_organisationId: { userId: admin.userId, organisationId: r.organisation.id } } });
    expect(m.role).toBe('ADMINISTRATOR');
    const org = await deps.prisma.organisation.findUniqueOrThrow({ where: { id: r.organisation.id } });
    expect(org).toMatchObject({ kvkNumber: '12345678', vatNumber: 'NL123456789B01', peppolId: '0106:12345678', country: 'NL', invoiceEmail: 'facturen@acme.nl' });
  });

  it('refuses a duplicate name (case, width and spacing ignored), bad details and non-administrators', async () => {
    const { admin, domain } = await newEnvironment(deps);
    await createOrganisation(deps, admin, { name: 'Beta BV' });
    for (const name of ['beta bv', 'BETA  BV', 'ＢＥＴＡ BV']) await expectRefusedUnchanged(deps, 'already_exists', () => createOrganisation(deps, admin, { name }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => createOrganisation(deps, admin, { name: 'Gamma', kvkNumber: '123' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => createOrganisation(deps, admin, { name: 'Gamma', postalCode: '12345', country: 'NL' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => createOrganisation(deps, admin, { name: 'Gamma', invoiceEmail: 'a@b@c' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => createOrganisation(deps, admin, { name: 'x'.repeat(101) }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => createOrganisation(deps, admin, { name: 'Gam\u202Ema' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => createOrganisation(deps, admin, { name: '   ' }));
    const adv = await newActiveUser(deps, admin, `adv@${domain}`, 'ADVANCED');
    await expectRefusedUnchanged(deps, 'forbidden', () => createOrganisation(deps, adv.actor, { name: 'Delta' }));
    // another environment may use the same name
    const other = await newEnvironment(deps);
    await createOrganisation(deps, other.admin, { name: 'Beta BV' });
  });
});

describe('update organisation details (rule 1)', () => {
  it('only the fields sent change; null clears one; nothing sent means no change and no audit', async () => {
    const { admin } = await newEnvironment(deps);
    const { organisation } = await createOrganisation(deps, admin, { name: 'Upd BV', city: 'Utrecht', kvkNumber: '11112222', country: 'NL' });
    const r = await expectOneAudit(deps, 'organisation.updated', () => updateOrganisation(deps, admin, { organisationId: organisation.id, vatNumber: 'NL111122223B01', city: null }));
    expect(r.changed).toEqual({ vatNumber: 'NL111122223B01', city: null });
    const org = await deps.prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(org).toMatchObject({ name: 'Upd BV', kvkNumber: '11112222', vatNumber: 'NL111122223B01', city: null, country: 'NL' });
    const audit = await deps.prisma.auditEvent.findFirstOrThrow({ where: { action: 'organisation.updated', targetId: organisation.id } });
    expect(audit.details).toMatchObject({ before: { vatNumber: null, city: 'Utrecht' } });
    const none = await updateOrganisation(deps, admin, { organisationId: organisation.id, kvkNumber: '1111 2222' });
    expect(none.changed).toEqual({});
    expect(await deps.prisma.auditEvent.count({ where: { action: 'organisation.updated', targetId: organisation.id } })).toBe(1);
    await expectOneAudit(deps, 'organisation.updated', () => updateOrganisation(deps, admin, { organisationId: organisation.id, name: 'Renamed BV' }));
    expect((await deps.prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).nameKey).toBe('renamed bv');
  });

  it('refuses bad details, a taken name, organisation administrators who are not environment Administrators, other environments', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const a = await newOrganisation(deps, admin, 'Alpha');
    await newOrganisation(deps, admin, 'Bravo');
    await expectRefusedUnchanged(deps, 'already_exists', () => updateOrganisation(deps, admin, { organisationId: a.id, name: 'BRAVO' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => updateOrganisation(deps, admin, { organisationId: a.id, peppolId: 'nope' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => updateOrganisation(deps, admin, { organisationId: a.id, vatNumber: 'NL1' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => updateOrganisation(deps, admin, { organisationId: a.id, country: 'NL', postalCode: 'ABCD 12' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => updateOrganisation(deps, admin, { organisationId: a.id, legalName: 'x\u0000' }));
    // clearing the country makes the postal code Dutch again: a Belgian code is refused then
    await updateOrganisation(deps, admin, { organisationId: a.id, country: 'BE', postalCode: '1000' });
    await expectRefusedUnchanged(deps, 'invalid_input', () => updateOrganisation(deps, admin, { organisationId: a.id, country: null }));
    await updateOrganisation(deps, admin, { organisationId: a.id, country: null, postalCode: null });
    const orgAdmin = await newActiveUser(deps, admin, `oa@${domain}`);
    await addMember(deps, admin, { organisationId: a.id, userId: orgAdmin.userId, role: 'ADMINISTRATOR' });
    await expectRefusedUnchanged(deps, 'forbidden', () => updateOrganisation(deps, orgAdmin.actor, { organisationId: a.id, city: 'Delft' }));
    const other = await newEnvironment(deps);
    await expectRefusedUnchanged(deps, 'not_found', () => updateOrganisation(deps, other.admin, { organisationId: a.id, city: 'Delft' }));
    await expectRefusedUnchanged(deps, 'not_found', () => updateOrganisation(deps, admin, { organisationId: '00000000-0000-4000-8000-000000000000', city: 'Delft' }));
  });
});

describe('members (rules 2, 3, 8, 9)', () => {
  it('an organisation administrator of O manages O, but not another organisation; plain members manage nothing', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin);
    const p = await newOrganisation(deps, admin);
    const boss = await newActiveUser(deps, admin, `boss@${domain}`); // BASIC in the environment
    const ann = await newActiveUser(deps, admin, `ann@${domain}`);
    const ben = await newActiveUser(deps, admin, `ben@${domain}`);
    await addMember(deps, admin, { organisationId: o.id, userId: boss.userId, role: 'ADMINISTRATOR' });
    const added = await expectOneAudit(deps, 'member.added', () => addMember(deps, boss.actor, { organisationId: o.id, userId: ann.userId }));
    expect(added.role).toBe('MEMBER');
    expect(await can(ann.userId, 'document:view', o.id)).toBe(true);
    expect(await can(ann.userId, 'document:view', p.id)).toBe(false);
    await expectRefusedUnchanged(deps, 'forbidden', () => addMember(deps, boss.actor, { organisationId: p.id, userId: ben.userId }));
    await expectRefusedUnchanged(deps, 'forbidden', () => addMember(deps, ann.actor, { organisationId: o.id, userId: ben.userId }));
    await expectRefusedUnchanged(deps, 'forbidden', () => removeMember(deps, ann.actor, { organisationId: o.id, userId: boss.userId }));
    await expectRefusedUnchanged(deps, 'forbidden', () => setMemberRole(deps, ann.actor, { organisationId: o.id, userId: ann.userId, role: 'ADMINISTRATOR' }));
    await expectRefusedUnchanged(deps, 'already_exists', () => addMember(deps, boss.actor, { organisationId: o.id, userId: ann.userId }));
    const promoted = await expectOneAudit(deps, 'member.role_changed', () => setMemberRole(deps, boss.actor, { organisationId: o.id, userId: ann.userId, role: 'ADMINISTRATOR' }));
    expect(promoted.changed).toBe(true);
    expect((await setMemberRole(deps, boss.actor, { organisationId: o.id, userId: ann.userId, role: 'ADMINISTRATOR' })).changed).toBe(false);
    expect(await can(ann.userId, 'member:add', o.id)).toBe(true);
    // rule 9: removal ends document rights at once; the user stays in the environment
    await expectOneAudit(deps, 'member.removed', () => removeMember(deps, boss.actor, { organisationId: o.id, userId: ann.userId }));
    expect(await can(ann.userId, 'document:view', o.id)).toBe(false);
    expect(await can(ann.userId, 'member:add', o.id)).toBe(false);
    expect((await deps.prisma.user.findUniqueOrThrow({ where: { id: ann.userId } })).status).toBe('ACTIVE');
    await expectRefusedUnchanged(deps, 'not_found', () => removeMember(deps, boss.actor, { organisationId: o.id, userId: ann.userId }));
    await expectRefusedUnchanged(deps, 'not_found', () => setMemberRole(deps, boss.actor, { organisationId: o.id, userId: ann.userId, role: 'MEMBER' }));
  });

  it('environment Administrators manage members of every organisation but see documents only where they are members (rule 3)', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin);
    const second = await newActiveUser(deps, admin, `second@${domain}`, 'ADMINISTRATOR');
    expect(await can(second.userId, 'document:view', o.id)).toBe(false);
    expect(await can(second.userId, 'member:add', o.id)).toBe(true);
    await addMember(deps, second.actor, { organisationId: o.id, userId: second.userId });
    expect(await can(second.userId, 'document:view', o.id)).toBe(true);
    // demoted in the environment, still a member: documents stay, member management goes
    await setRole(deps, admin, { userId: second.userId, role: 'BASIC' });
    expect(await can(second.userId, 'document:view', o.id)).toBe(true);
    expect(await can(second.userId, 'member:add', o.id)).toBe(false);
  });

  it('rule 8: the last organisation administrator cannot be demoted or removed, with an explanation', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin, 'Solo BV');
    const err = await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => setMemberRole(deps, admin, { organisationId: o.id, userId: admin.userId, role: 'MEMBER' }));
    expect(err.userMessage).toMatch(/only active administrator of Solo BV.*Make another active member its administrator first/);
    await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => removeMember(deps, admin, { organisationId: o.id, userId: admin.userId }));
    const kim = await newActiveUser(deps, admin, `kim@${domain}`);
    await addMember(deps, admin, { organisationId: o.id, userId: kim.userId, role: 'ADMINISTRATOR' });
    await removeMember(deps, kim.actor, { organisationId: o.id, userId: admin.userId });
    await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => removeMember(deps, kim.actor, { organisationId: o.id, userId: kim.userId }));
    expect(await deps.prisma.membership.count({ where: { organisationId: o.id, role: 'ADMINISTRATOR' } })).toBe(1);
  });

  it('rule 8 counts only active organisation administrators: blocking, removing or demoting the last active one is refused', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin, 'Active BV');
    const kim = await newActiveUser(deps, admin, `kim@${domain}`);
    const bob = await newActiveUser(deps, admin, `bob@${domain}`);
    await addMember(deps, admin, { organisationId: o.id, userId: kim.userId, role: 'ADMINISTRATOR' });
    await addMember(deps, admin, { organisationId: o.id, userId: bob.userId, role: 'ADMINISTRATOR' });
    const ivy = await inviteUser(deps, admin, { email: `ivy@${domain}` });
    await addMember(deps, admin, { organisationId: o.id, userId: ivy.user.id, role: 'ADMINISTRATOR' });
    await removeMember(deps, kim.actor, { organisationId: o.id, userId: admin.userId });
    // kim and bob are active administrators: bob may be blocked, and then no longer counts
    await blockUser(deps, admin, { userId: bob.userId });
    // kim is now the only active one; the invited ivy and the blocked bob do not count
    const err = await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => removeMember(deps, admin, { organisationId: o.id, userId: kim.userId }));
    expect(err.userMessage).toMatch(/only active administrator of Active BV/);
    await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => setMemberRole(deps, admin, { organisationId: o.id, userId: kim.userId, role: 'MEMBER' }));
    const blockErr = await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => blockUser(deps, admin, { userId: kim.userId }));
    expect(blockErr.userMessage).toMatch(/cannot block .*only active administrator of Active BV/);
    await expectRefusedUnchanged(deps, 'last_organisation_administrator', () => removeUser(deps, admin, { userId: kim.userId }));
    // the inactive administrators can go: that does not lower the count of active ones
    await removeMember(deps, admin, { organisationId: o.id, userId: bob.userId });
    await revokeInvitation(deps, admin, { userId: ivy.user.id });
    expect(await deps.prisma.membership.findMany({ where: { organisationId: o.id }, select: { userId: true } })).toEqual([{ userId: kim.userId }]);
    // with a second active administrator, kim may be blocked
    await addMember(deps, admin, { organisationId: o.id, userId: admin.userId, role: 'ADMINISTRATOR' });
    await blockUser(deps, admin, { userId: kim.userId });
    expect(await deps.prisma.user.findUniqueOrThrow({ where: { id: kim.userId } })).toMatchObject({ status: 'BLOCKED' });
  });

  it('rule 8 under concurrent requests: two organisation administrators blocked at once leave one active', async () => {
    const { admin, domain } = await newEnvironment(deps);
    const o = await newOrganisation(deps, admin);
    const a = await newActiveUser(deps, admin, `a@${domain}`);
    const b = await newActiveUser(deps, admin, `b@${domain}`);
    await addMember(deps, admin, { organisationId: o.id, userId: a.userId, role: 'ADMINISTRATOR' });
    await addMember(deps, admin, { organisationId: o.id, userId: b.userId, role: 'ADMINISTRATOR' });
    await removeMember(deps, a.actor, { organisationId: o.id, userId: admin.userId });
    const results = await Promise.allSettled([blockUser(deps, admin, { userId: a.userId }), blockUser(deps, admin, { userId: b.userId })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('last_organisation_administrator');
    expect(await deps.prisma.membership.count({ where: { organisationId: o.id, role: 'ADMINISTRATOR', user: { status: 'ACTIVE' } } })).toBe(1);
  });

  it('refuses blocked or removed users, users and organisations of another environment, unknown ids and bad roles', async () => {
    const a = await newEnvironment(deps);
    const b = await newEnvironment(deps);
    const o = await newOrganisation(deps, a.admin);
    const foreignOrg = await newOrganisation(deps, b.admin);
    const blocked = await newActiveUser(deps, a.admin, `blk@${a.domain}`);
    await blockUser(deps, a.admin, { userId: blocked.userId });
    await expectRefusedUnchanged(deps, 'conflict', () => addMember(deps, a.admin, { organisationId: o.id, userId: blocked.userId }));
    await expectRefusedUnchanged(deps, 'not_found', () => addMember(deps, a.admin, { organisationId: o.id, userId: b.admin.userId }));
    await expectRefusedUnchanged(deps, 'not_found', () => addMember(deps, a.admin, { organisationId: foreignOrg.id, userId: a.admin.userId }));
    await expectRefusedUnchanged(deps, 'not_found', () => removeMember(deps, a.admin, { organisationId: foreignOrg.id, userId: b.admin.userId }));
    await expectRefusedUnchanged(deps, 'not_found', () => addMember(deps, a.admin, { organisationId: '00000000-0000-4000-8000-000000000000', userId: a.admin.userId }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => addMember(deps, a.admin, { organisationId: o.id, userId: a.admin.userId, role: 'OWNER' as 'MEMBER' }));
    await expectRefusedUnchanged(deps, 'invalid_input', () => addMember(deps, a.admin, { organisationId: 'x', userId: a.admin.userId }));
  });
});
