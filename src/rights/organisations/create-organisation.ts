// Rule 1 and 4: an Administrator creates an organisation and becomes its organisation administrator.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../input.ts';
import { checkPostalCode, detailsShape, nameKeyOf, organisationName } from './organisation-details.ts';

const input = z.object({ name: organisationName, ...detailsShape });

export type CreateOrganisationInput = z.input<typeof input>;

export async function createOrganisation(deps: RightsDeps, actor: Actor, raw: CreateOrganisationInput) {
  const data = parseInput(input, raw);
  const postal = checkPostalCode(data.country, data.postalCode);
  if (postal) throw new AppError('invalid_input', postal, {}, 'postalCode');
  return changeOnce(deps, actor, 'create-organisation', async (tx) => {
    const admin = await requireActor(tx, actor, 'organisation:create');
    const nameKey = nameKeyOf(data.name);
    const clash = await tx.organisation.findUnique({ where: { environmentId_nameKey: { environmentId: admin.environmentId, nameKey } }, select: { id: true } });
    if (clash) throw new AppError('already_exists', 'rights.organisation.exists', { name: data.name }, 'name');
    const { name, ...details } = data;
    const org = await tx.organisation.create({
      data: { environmentId: admin.environmentId, name, nameKey, createdById: admin.id, ...details },
    });
    await tx.membership.create({ data: { userId: admin.id, organisationId: org.id, role: 'ADMINISTRATOR' } });
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: 'organisation.created',
      targetType: 'organisation',
      targetId: org.id,
      details: { name, ...details, administrator: admin.email },
    });
    return { organisation: { id: org.id, name: org.name }, administrator: { id: admin.id, email: admin.email } };
  });
}
