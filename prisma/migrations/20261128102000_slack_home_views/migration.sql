-- CreateTable: the people who opened the app's Home tab in Slack, so a change that shows on their
-- home re-publishes it (and nobody else's), and the page they were on. "publishedAt" is when the view
-- was last computed: a process that heard of a change before then leaves it alone, so several
-- processes hearing the same change publish it once.
CREATE TABLE "SlackHomeView" (
    "teamId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "environmentId" TEXT,
    "userId" TEXT,
    "page" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "SlackHomeView_pkey" PRIMARY KEY ("teamId","slackUserId")
);

-- CreateIndex
CREATE INDEX "SlackHomeView_environmentId_idx" ON "SlackHomeView"("environmentId");

-- CreateIndex
CREATE INDEX "SlackHomeView_userId_idx" ON "SlackHomeView"("userId");

-- AddForeignKey
ALTER TABLE "SlackHomeView" ADD CONSTRAINT "SlackHomeView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
