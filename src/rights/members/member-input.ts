// What every change of a membership names: the organisation, the user, and for some the role in it.
import { z } from 'zod';
import { idSchema, issue } from '../input.ts';

export const organisationRole = z.enum(['MEMBER', 'ADMINISTRATOR'], { error: issue('rights.member.chooseRole') });

export const membershipTarget = { organisationId: idSchema('rights.what.organisation'), userId: idSchema('rights.what.user') };
