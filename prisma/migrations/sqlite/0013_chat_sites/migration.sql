-- CreateTable
CREATE TABLE "ChatSite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "allowedOrigins" TEXT NOT NULL,
    "requirePreChat" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ChatSite_key_key" ON "ChatSite"("key");

