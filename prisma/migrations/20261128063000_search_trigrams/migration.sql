-- Searching users by email or name and organisations by name ("contains", case-insensitive: ILIKE
-- '%text%') uses trigram indexes instead of reading every row of the environment. pg_trgm ships with
-- PostgreSQL (contrib; the PostgreSQL from npm has it) and with PGlite as an extension the app loads.
-- A trigram index answers searches of 3 characters or more: the pickers ask for at least that.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "User_email_trgm_idx" ON "User" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_name_trgm_idx" ON "User" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Organisation_name_trgm_idx" ON "Organisation" USING GIN ("name" gin_trgm_ops);
