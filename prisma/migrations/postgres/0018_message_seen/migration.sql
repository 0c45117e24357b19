-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "seenAt" TIMESTAMP(3);

