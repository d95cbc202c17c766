// Rule 1: only an environment Administrator edits an organisation's details.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import { requireOrganisation } from '../core/targets.ts';
import { AppError } from '../errors.ts';
import { idSchema, parseInput } from '../input.ts';
import { checkPostalCode, detailsShape, nameKeyOf, organisationName } from './organisation-details.ts';

const input = z.object({ organisationId: idSchema('rights.what.organisation'), name: organisationName.optional(), ...detailsShape });

export type UpdateOrganisationInput = z.input<typeof input>;

export async function updateOrganisation(deps: RightsDeps, actor: Actor, raw: UpdateOrganisationInput) {
  const data = parseInput(input, raw);
  return changeOnce(deps, actor, 'update-organisation', async (tx) => {
    const admin = await requireActor(tx, actor, 'organisation:update');
    await requireOrganisation(tx, admin.environmentId, data.organisationId);
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: data.organisationId } });
    const { organisationId, ...fields } = data;
    // Only the fields the caller sent change; null clears one.
    const patch = Object.fromEntries(Object.entries(fields).filter(([k]) => k in (raw as object))) as Record<string, string | null>;
    // A field sent as null is cleared: check the values the organisation will have, not the old ones.
    const postal = checkPostalCode('country' in patch ? patch.country : before.country, 'postalCode' in patch ? patch.postalCode : before.postalCode);
    if (postal && ('postalCode' in patch || 'country' in patch)) throw new AppError('invalid_input', postal, {}, 'postalCode');
    if (patch.name) {
      const nameKey = nameKeyOf(patch.name);
      const clash = await tx.organisation.findUnique({ where: { environmentId_nameKey: { environmentId: admin.environmentId, nameKey } }, select: { id: true } });
      if (clash && clash.id !== organisationId) throw new AppError('already_exists', 'rights.organisation.exists', { name: patch.name }, 'name');
      patch.nameKey = nameKey;
    } else {
      delete patch.name;
    }
    const changed = Object.fromEntries(
      Object.entries(patch).filter(([k, v]) => k !== 'nameKey' && (before as Record<string, unknown>)[k] !== v),
    );
    if (Object.keys(changed).length === 0) return { organisation: { id: before.id, name: before.name }, changed: {} };
    const org = await tx.organisation.update({ where: { id: organisationId }, data: patch });
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: 'organisation.updated',
      targetType: 'organisation',
      targetId: org.id,
      details: { changed, before: Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k] ?? null])) },
    });
    return { organisation: { id: org.id, name: org.name }, changed };
  });
}
