// Shared mail domains never belong to an environment (rule 7).
import { describe, expect, it } from 'vitest';
import { isPublicDomain } from '../../src/rights/environments/public-domains.ts';

describe('public mail domains', () => {
  it.each(['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com', 'live.nl', 'hotmail.nl', 'ziggo.nl', 'kpnmail.nl', 'proton.me', 'gmx.de'])(
    '%s is public (maintained list)',
    (d) => expect(isPublicDomain(d)).toBe(true),
  );

  it.each(['acme.nl', 'econnect.eu', 'belastingdienst.nl', 'mail.acme.nl'])('%s is not public', (d) => {
    expect(isPublicDomain(d)).toBe(false);
  });

  it('a subdomain of a public domain is not public itself', () => {
    expect(isPublicDomain('gmail.com')).toBe(true);
    expect(isPublicDomain('corp.gmail.com')).toBe(false);
  });

  it('configurable extras are public too', () => {
    expect(isPublicDomain('shared-mail.example')).toBe(false);
    expect(isPublicDomain('shared-mail.example', ['shared-mail.example'])).toBe(true);
  });
});
