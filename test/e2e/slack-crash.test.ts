// Issue 10 item 1: nothing acknowledged is lost. 40 signed `/econnect invite` commands, each
// acknowledged (HTTP 200), the app SIGKILLed right after the last ack and started again: all 40 are
// done exactly once (one user, one invitation, one audit event each), all 40 are answered, and 40
// invitation emails reach the SMTP server. On the embedded default database and on the PostgreSQL
// server. The same run's figures: `npm run bench:slack-crash`.
import { describe, expect, it } from 'vitest';
import { crashBurst } from '../support/crash-burst.ts';
import type { TestDatabaseKind } from '../support/database.ts';

const kinds: TestDatabaseKind[] = ['embedded-postgres', 'postgres'];
const N = 40;

describe.each(kinds)('a crash right after the acks, on %s', (kind) => {
  it(`all ${N} acknowledged commands are done once and answered after a restart`, async () => {
    const r = await crashBurst(kind, N);
    expect(r.acked).toBe(N);
    // done once: no more and no fewer users, invitations and audit events than commands
    expect({ invitedUsers: r.invitedUsers, invitations: r.invitations, auditEvents: r.auditEvents }).toEqual({ invitedUsers: N, invitations: N, auditEvents: N });
    // every command answered with its confirmation; at most the two in flight at the kill twice
    expect(r.commandsAnswered).toBe(N);
    for (const a of r.firstAnswers) expect(a).toMatch(/invited \*burst-\d+@acme-[a-z0-9]+\.test\* as Basic user/);
    expect(r.answers - N).toBeLessThanOrEqual(2);
    // one invitation email each (an email handed over just before the kill may come again, with the same Message-ID)
    expect({ recipients: r.recipients, distinctEmails: r.distinctEmails }).toEqual({ recipients: N, distinctEmails: N });
    // every piece of work recorded before its ack is recorded as done
    expect(r.work).toEqual({ SENT: N });
  }, 240_000);
});
