-- CreateTable
CREATE TABLE "SlackInstallation" (
    "teamId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "teamName" TEXT,
    "enterpriseId" TEXT,
    "appId" TEXT,
    "botUserId" TEXT NOT NULL,
    "botId" TEXT,
    "botScopes" TEXT NOT NULL DEFAULT '',
    "botToken" TEXT NOT NULL,
    "refreshToken" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "installedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "SlackInstallState" (
    "stateHash" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackInstallState_pkey" PRIMARY KEY ("stateHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "SlackInstallation_environmentId_key" ON "SlackInstallation"("environmentId");

-- CreateIndex
CREATE INDEX "SlackInstallState_sessionId_idx" ON "SlackInstallState"("sessionId");

-- AddForeignKey
ALTER TABLE "SlackInstallation" ADD CONSTRAINT "SlackInstallation_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackInstallState" ADD CONSTRAINT "SlackInstallState_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
