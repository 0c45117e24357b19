-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "mergedIntoId" TEXT;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "customStatus" TEXT,
ADD COLUMN     "mergedIntoId" INTEGER;

-- CreateTable
CREATE TABLE "CsatSurvey" (
    "id" TEXT NOT NULL,
    "conversationId" INTEGER NOT NULL,
    "customerId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "rating" INTEGER,
    "comment" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CsatSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDaily" (
    "scope" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT '',
    "teamId" TEXT NOT NULL DEFAULT '',
    "agentId" TEXT NOT NULL DEFAULT '',
    "created" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "firstResponses" INTEGER NOT NULL DEFAULT 0,
    "slaMet" INTEGER NOT NULL DEFAULT 0,
    "slaBreached" INTEGER NOT NULL DEFAULT 0,
    "csatAnswers" INTEGER NOT NULL DEFAULT 0,
    "csatSum" INTEGER NOT NULL DEFAULT 0,
    "csatPositive" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportDaily_pkey" PRIMARY KEY ("scope","day","channel","teamId","agentId")
);

-- CreateTable
CREATE TABLE "ReportDuration" (
    "scope" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT '',
    "teamId" TEXT NOT NULL DEFAULT '',
    "agentId" TEXT NOT NULL DEFAULT '',
    "metric" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportDuration_pkey" PRIMARY KEY ("scope","day","channel","teamId","agentId","metric","bucket")
);

-- CreateTable
CREATE TABLE "CustomerMerge" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "moved" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "CustomerMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CsatSurvey_conversationId_key" ON "CsatSurvey"("conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "CsatSurvey_tokenHash_key" ON "CsatSurvey"("tokenHash");

-- CreateIndex
CREATE INDEX "CsatSurvey_customerId_createdAt_idx" ON "CsatSurvey"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerMerge_targetId_createdAt_idx" ON "CustomerMerge"("targetId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerMerge_sourceId_createdAt_idx" ON "CustomerMerge"("sourceId", "createdAt");

-- CreateIndex
CREATE INDEX "Conversation_teamId_status_idx" ON "Conversation"("teamId", "status");

-- CreateIndex
CREATE INDEX "Conversation_assigneeId_status_idx" ON "Conversation"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Conversation_channel_status_idx" ON "Conversation"("channel", "status");

-- AddForeignKey
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

