-- Access that ends by itself: a membership, or an environment role, given until an instant (the end
-- of a day in Europe/Amsterdam). An ending role falls back to "roleBefore". The reminder columns say
-- when the reminder three days before the end was queued (cleared when the end moves).

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "until" TIMESTAMP(3),
ADD COLUMN "reminderSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN "roleUntil" TIMESTAMP(3),
ADD COLUMN "roleBefore" "EnvironmentRole",
ADD COLUMN "roleReminderSentAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Membership_until_idx" ON "Membership"("until");

-- CreateIndex
CREATE INDEX "User_roleUntil_idx" ON "User"("roleUntil");

-- A role's end changes a decision (and its cache's lifetime): the rights feed names it too.
DROP TRIGGER "User_rights_changed" ON "User";
CREATE TRIGGER "User_rights_changed" AFTER INSERT OR DELETE OR UPDATE OF "status", "role", "email", "environmentId", "roleUntil", "roleBefore" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "econnect_rights_changed"();
