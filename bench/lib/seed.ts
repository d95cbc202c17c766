// Seeds one large environment with set-based SQL (generate_series INSERT ... SELECT), not row by row.
// Ids are derived from a number so memberships and sample questions can be built without lookups.

export interface SeedSize {
  users: number;
  organisations: number;
  /** memberships per user; users x this = memberships */
  membershipsPerUser: number;
}

export const ENVIRONMENT_ID = '00000000-0000-4000-a000-000000000001';
export const userId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const organisationId = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;

/** The organisations user n belongs to (distinct for k = 0..2 because 10,000 does not divide the offsets). */
export const organisationOf = (n: number, k: number, organisations: number) => (n * 7 + k * 3331) % organisations;

/** Statements in order; each runs as one set-based INSERT. */
export function seedStatements(size: SeedSize): string[] {
  const uid = (expr: string) => `'00000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0')`;
  const oid = (expr: string) => `'00000000-0000-4000-9000-' || lpad(to_hex(${expr}), 12, '0')`;
  return [
    `INSERT INTO "Environment" (id, name) VALUES ('${ENVIRONMENT_ID}', 'Bench environment')`,
    `INSERT INTO "User" (id, "environmentId", email, name, role, status, "createdAt", "updatedAt")
     SELECT ${uid('n')}, '${ENVIRONMENT_ID}', 'user' || n || '@bench.example', 'User ' || n,
       (CASE WHEN n % 50 = 0 THEN 'ADMINISTRATOR' WHEN n % 5 = 0 THEN 'ADVANCED' ELSE 'BASIC' END)::"EnvironmentRole",
       (CASE WHEN n % 97 = 0 THEN 'BLOCKED' WHEN n % 89 = 0 THEN 'INVITED' ELSE 'ACTIVE' END)::"UserStatus",
       now(), now()
     FROM generate_series(0, ${size.users - 1}) AS n`,
    `INSERT INTO "Organisation" (id, "environmentId", name, "nameKey", "createdAt", "updatedAt")
     SELECT ${oid('n')}, '${ENVIRONMENT_ID}', 'Organisation ' || n, 'organisation ' || n, now(), now()
     FROM generate_series(0, ${size.organisations - 1}) AS n`,
    `INSERT INTO "Membership" ("userId", "organisationId", role)
     SELECT ${uid('n')}, ${oid(`(n * 7 + k * 3331) % ${size.organisations}`)},
       (CASE WHEN k = 0 AND n % 10 = 0 THEN 'ADMINISTRATOR' ELSE 'MEMBER' END)::"OrganisationRole"
     FROM generate_series(0, ${size.users - 1}) AS n, generate_series(0, ${size.membershipsPerUser - 1}) AS k`,
    'ANALYZE',
  ];
}
