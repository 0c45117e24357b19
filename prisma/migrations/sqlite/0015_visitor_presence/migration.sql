-- CreateTable
CREATE TABLE "VisitorPresence" (
    "identity" TEXT NOT NULL PRIMARY KEY,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

