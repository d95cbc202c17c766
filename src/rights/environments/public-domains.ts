// Shared/public mail domains (gmail.com, outlook.com, ...) never belong to an environment (rule 7).
// The list is the maintained `email-providers` package (all.json: several thousand free providers),
// plus extras an operator adds in config/public-mail-domains.txt, plus extras passed in by the caller.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
let builtIn: Set<string> | null = null;

function load(): Set<string> {
  if (builtIn) return builtIn;
  const list = require('email-providers/all.json') as string[];
  builtIn = new Set(list.map((d) => d.toLowerCase()));
  try {
    const file = fileURLToPath(new URL('../../../config/public-mail-domains.txt', import.meta.url));
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const d = line.replace(/#.*/, '').trim().toLowerCase();
      if (d) builtIn.add(d);
    }
  } catch {
    // no extras file: the maintained list alone
  }
  return builtIn;
}

/** `domain` is normalised (ASCII, lower-case). A subdomain of a public domain is not public itself. */
export function isPublicDomain(domain: string, extras: readonly string[] = []): boolean {
  return load().has(domain) || extras.includes(domain);
}
