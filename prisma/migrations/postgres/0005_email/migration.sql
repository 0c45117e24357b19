-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "automated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rawStorageKey" TEXT;

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "contentId" TEXT;

-- CreateIndex
CREATE INDEX "Attachment_storageKey_idx" ON "Attachment"("storageKey");

