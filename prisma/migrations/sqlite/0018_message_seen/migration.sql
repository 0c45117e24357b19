-- AlterTable
ALTER TABLE "Message" ADD COLUMN "seenAt" DATETIME;

