-- AlterTable
ALTER TABLE "TeamMember" ADD COLUMN "lastAssignedAt" DATETIME;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "firstResponseDueAt" DATETIME;
ALTER TABLE "Conversation" ADD COLUMN "nextResponseDueAt" DATETIME;
ALTER TABLE "Conversation" ADD COLUMN "resolutionDueAt" DATETIME;
ALTER TABLE "Conversation" ADD COLUMN "slaDueAt" DATETIME;
ALTER TABLE "Conversation" ADD COLUMN "slaPolicyId" TEXT;

-- CreateTable
CREATE TABLE "ConversationTag" (
    "conversationId" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("conversationId", "tag"),
    CONSTRAINT "ConversationTag_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlaBreach" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "policyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SlaBreach_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ConversationTag_tag_idx" ON "ConversationTag"("tag");

-- CreateIndex
CREATE INDEX "SlaBreach_createdAt_idx" ON "SlaBreach"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaBreach_conversationId_target_dueAt_key" ON "SlaBreach"("conversationId", "target", "dueAt");

-- CreateIndex
CREATE INDEX "Conversation_slaDueAt_idx" ON "Conversation"("slaDueAt");

