-- API token names are unique per environment among the tokens that still work (case ignored), so
-- `api-token revoke <name>` names exactly one. Written by hand: Prisma's schema cannot express a
-- partial or expression index (prisma/schema.prisma names it in a comment on ApiToken).

-- Live tokens that already share a name keep working: every one but the oldest gets its id's first
-- eight characters added to its name, so each can be told apart and revoked.
UPDATE "ApiToken" AS t
SET "name" = t."name" || ' (' || left(t."id", 8) || ')'
FROM (
    SELECT "id", row_number() OVER (PARTITION BY "environmentId", lower("name") ORDER BY "createdAt", "id") AS n
    FROM "ApiToken"
    WHERE "revokedAt" IS NULL
) AS d
WHERE t."id" = d."id" AND d.n > 1;

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_environmentId_live_name_key" ON "ApiToken"("environmentId", lower("name")) WHERE "revokedAt" IS NULL;
