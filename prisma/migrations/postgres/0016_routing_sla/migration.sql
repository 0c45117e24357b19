-- AlterTable
ALTER TABLE "TeamMember" ADD COLUMN     "lastAssignedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "firstResponseDueAt" TIMESTAMP(3),
ADD COLUMN     "nextResponseDueAt" TIMESTAMP(3),
ADD COLUMN     "resolutionDueAt" TIMESTAMP(3),
ADD COLUMN     "slaDueAt" TIMESTAMP(3),
ADD COLUMN     "slaPolicyId" TEXT;

-- CreateTable
CREATE TABLE "ConversationTag" (
    "conversationId" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "ConversationTag_pkey" PRIMARY KEY ("conversationId","tag")
);

-- CreateTable
CREATE TABLE "SlaBreach" (
    "id" TEXT NOT NULL,
    "conversationId" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "policyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaBreach_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationTag_tag_idx" ON "ConversationTag"("tag");

-- CreateIndex
CREATE INDEX "SlaBreach_createdAt_idx" ON "SlaBreach"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaBreach_conversationId_target_dueAt_key" ON "SlaBreach"("conversationId", "target", "dueAt");

-- CreateIndex
CREATE INDEX "Conversation_slaDueAt_idx" ON "Conversation"("slaDueAt");

-- AddForeignKey
ALTER TABLE "ConversationTag" ADD CONSTRAINT "ConversationTag_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaBreach" ADD CONSTRAINT "SlaBreach_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

