// API token names: unique per environment among live tokens (case ignored, also under concurrent
// requests, held by a partial unique index), and revoke by name revokes exactly the one named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken, type RightsDeps } from '../../src/rights/index.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newEnvironment } from '../support/factories.ts';
import { expectOneAudit, expectRefusedUnchanged } from './rights-support.ts';

let t: OpenTestDatabase;
let deps: RightsDeps;
beforeAll(async () => { t = await openTestDatabase(); deps = t.deps; });
afterAll(async () => { await t?.close(); });

describe('API token names', () => {
  it('a second live token of the same name (case and spacing ignored) is refused with a clear error; another environment may use it', async () => {
    const { admin } = await newEnvironment(deps);
    await createApiToken(deps, admin, { name: 'Billing' });
    for (const name of ['Billing', 'billing', '  BILLING ']) {
      const err = await expectRefusedUnchanged(deps, 'already_exists', () => createApiToken(deps, admin, { name }));
      expect(err.userMessage).toMatch(/A rights API token called "Billing" already exists in your environment\. Choose another name, or revoke that one first/);
      expect(err.field).toBe('name');
    }
    const other = await newEnvironment(deps);
    expect((await createApiToken(deps, other.admin, { name: 'Billing' })).name).toBe('Billing');
  });

  it('revoke by name revokes exactly the live token of that name; afterwards the name is free again', async () => {
    const { admin } = await newEnvironment(deps);
    const billing = await createApiToken(deps, admin, { name: 'Billing' });
    const b_lling = await createApiToken(deps, admin, { name: 'B_lling' });
    const percent = await createApiToken(deps, admin, { name: 'Bill%' });
    const r = await expectOneAudit(deps, 'api_token.revoked', () => revokeApiToken(deps, admin, { name: 'BILLING' }));
    expect(r.id).toBe(billing.id);
    expect(await authenticateApiToken(deps, billing.token)).toBeNull();
    expect(await authenticateApiToken(deps, b_lling.token)).not.toBeNull();
    expect(await authenticateApiToken(deps, percent.token)).not.toBeNull();
    // the name now belongs to no live token: revoking it again says so and changes nothing
    await expectRefusedUnchanged(deps, 'not_found', () => revokeApiToken(deps, admin, { name: 'Billing' }));
    const again = await createApiToken(deps, admin, { name: 'billing' });
    expect((await listApiTokens(deps, admin)).map((x) => x.name)).toEqual(['B_lling', 'Bill%', 'billing']);
    await revokeApiToken(deps, admin, { name: 'Billing' });
    expect(await authenticateApiToken(deps, again.token)).toBeNull();
    await expectRefusedUnchanged(deps, 'invalid_input', () => revokeApiToken(deps, admin, {}));
  });

  it('two administrators creating the same name at once: one token, one clear refusal', async () => {
    const { admin } = await newEnvironment(deps);
    const results = await Promise.allSettled([createApiToken(deps, admin, { name: 'Race' }), createApiToken(deps, admin, { name: 'race' })]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('already_exists');
    expect(await deps.prisma.apiToken.count({ where: { environmentId: (await deps.prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).environmentId } })).toBe(1);
  });

  it('the database itself refuses a second live token of one name (the partial unique index)', async () => {
    const { admin, environment } = await newEnvironment(deps);
    await createApiToken(deps, admin, { name: 'Direct' });
    const err: any = await deps.prisma.apiToken.create({ data: { environmentId: environment.id, name: 'DIRECT', tokenHash: `x${Date.now()}` } }).catch((e: unknown) => e);
    // Prisma's P2002 on PostgreSQL; PGlite's adapter passes PostgreSQL's unique_violation through
    expect(err?.code === 'P2002' || err?.cause?.code === '23505').toBe(true);
    await deps.prisma.apiToken.create({ data: { environmentId: environment.id, name: 'Direct', tokenHash: `y${Date.now()}`, revokedAt: new Date() } });
  });
});
