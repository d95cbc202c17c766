// Helpers for the rights-* integration tests: what changed in the database, and which audit events.
import { expect } from 'vitest';
import type { RightsDeps } from '../../src/rights/index.ts';
import { AppError } from '../../src/rights/index.ts';

/** Everything a change could touch, in a comparable form. */
export async function snapshot(deps: RightsDeps) {
  const p = deps.prisma;
  const [users, organisations, memberships, invitations, sessions, apiTokens, domains, environments, audit, outbox, keys, slackInstallations, slackInstallStates] = await Promise.all([
    p.user.findMany({ orderBy: { id: 'asc' } }),
    p.organisation.findMany({ orderBy: { id: 'asc' } }),
    p.membership.findMany({ orderBy: [{ userId: 'asc' }, { organisationId: 'asc' }] }),
    p.invitation.findMany({ orderBy: { id: 'asc' } }),
    p.session.findMany({ orderBy: { id: 'asc' } }),
    p.apiToken.findMany({ orderBy: { id: 'asc' } }),
    p.environmentDomain.findMany({ orderBy: { domain: 'asc' } }),
    p.environment.findMany({ orderBy: { id: 'asc' } }),
    p.auditEvent.count(),
    p.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
    p.idempotencyKey.count(),
    p.slackInstallation.findMany({ orderBy: { teamId: 'asc' } }),
    p.slackInstallState.findMany({ orderBy: { stateHash: 'asc' } }),
  ]);
  return JSON.parse(JSON.stringify({ users, organisations, memberships, invitations, sessions, apiTokens, domains, environments, audit, outbox, keys, slackInstallations, slackInstallStates }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** Runs a change that must fail with `code` and leave every table exactly as it was. */
export async function expectRefusedUnchanged(deps: RightsDeps, code: string, fn: () => Promise<unknown>): Promise<AppError> {
  const before = await snapshot(deps);
  const err = await fn().then(
    () => { throw new Error(`expected the change to be refused with ${code}`); },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).userMessage.length).toBeGreaterThan(10);
  expect(await snapshot(deps)).toEqual(before);
  return err as AppError;
}

/** Runs a change and checks it wrote exactly one audit event, with `action`; returns the change's result. */
export async function expectOneAudit<T>(deps: RightsDeps, action: string, fn: () => Promise<T>): Promise<T> {
  const last = await deps.prisma.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  const result = await fn();
  const events = await deps.prisma.auditEvent.findMany({ where: { id: { gt: last?.id ?? 0n } } });
  expect(events.map((e) => e.action)).toEqual([action]);
  return result;
}
