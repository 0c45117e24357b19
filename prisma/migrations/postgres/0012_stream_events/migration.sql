-- CreateTable
CREATE TABLE "StreamEvent" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "conversationId" INTEGER NOT NULL,
    "staffOnly" BOOLEAN NOT NULL DEFAULT true,
    "data" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StreamEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StreamEvent_conversationId_id_idx" ON "StreamEvent"("conversationId", "id");

-- AddForeignKey
ALTER TABLE "StreamEvent" ADD CONSTRAINT "StreamEvent_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

