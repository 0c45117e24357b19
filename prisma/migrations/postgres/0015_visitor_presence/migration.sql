-- CreateTable
CREATE TABLE "VisitorPresence" (
    "identity" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitorPresence_pkey" PRIMARY KEY ("identity")
);

