-- A users search walks the environment's users in email order and stops once a page has matched
-- (texts that most users match), instead of collecting every match through the trigram indexes and
-- sorting them all.

-- CreateIndex
CREATE INDEX "User_environmentId_email_idx" ON "User"("environmentId", "email");
