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
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
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

    CONSTRAINT "ReportDaily_pkey" PRIMARY KEY ("day","channel","teamId","agentId")
);

-- CreateTable
CREATE TABLE "ReportDuration" (
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "teamId" TEXT NOT NULL DEFAULT '',
    "agentId" TEXT NOT NULL DEFAULT '',
    "metric" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportDuration_pkey" PRIMARY KEY ("day","channel","teamId","agentId","metric","bucket")
);

-- CreateIndex
CREATE UNIQUE INDEX "CsatSurvey_conversationId_key" ON "CsatSurvey"("conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "CsatSurvey_tokenHash_key" ON "CsatSurvey"("tokenHash");

-- CreateIndex
CREATE INDEX "CsatSurvey_customerId_createdAt_idx" ON "CsatSurvey"("customerId", "createdAt");

-- AddForeignKey
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

