-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "filters" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SavedView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mergedIntoId" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "company" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Customer" ("createdAt", "id", "mergedIntoId", "name") SELECT "createdAt", "id", "mergedIntoId", "name" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
CREATE INDEX "Customer_company_idx" ON "Customer"("company");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SavedView_ownerId_idx" ON "SavedView"("ownerId");

-- CreateIndex
CREATE INDEX "SavedView_shared_idx" ON "SavedView"("shared");


-- Full-text search (lib/conversations/search.ts). External-content FTS5 tables over the rows' own text, kept
-- in step by triggers, so the index changes in the same transaction as the row. A later migration that
-- redefines one of these tables (Prisma's "RedefineTables") drops its triggers and renumbers its rowids:
-- it must create them again and 'rebuild' (lib/conversations/search.int.test.ts fails otherwise).
CREATE VIRTUAL TABLE "MessageFts" USING fts5(body, content='Message', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='3');
CREATE VIRTUAL TABLE "ConversationFts" USING fts5(subject, content='Conversation', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='3');
CREATE VIRTUAL TABLE "CustomerFts" USING fts5(name, content='Customer', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='3');
CREATE VIRTUAL TABLE "AttachmentFts" USING fts5(filename, content='Attachment', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='3');
-- Email addresses and phone numbers are found by any fragment of three characters or more.
CREATE VIRTUAL TABLE "IdentityTrgm" USING fts5(value, content='Identity', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "Message_fts_ai" AFTER INSERT ON "Message" BEGIN
  INSERT INTO "MessageFts"(rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER "Message_fts_ad" AFTER DELETE ON "Message" BEGIN
  INSERT INTO "MessageFts"("MessageFts", rowid, body) VALUES ('delete', old.rowid, old.body);
END;
CREATE TRIGGER "Message_fts_au" AFTER UPDATE OF body ON "Message" BEGIN
  INSERT INTO "MessageFts"("MessageFts", rowid, body) VALUES ('delete', old.rowid, old.body);
  INSERT INTO "MessageFts"(rowid, body) VALUES (new.rowid, new.body);
END;

CREATE TRIGGER "Conversation_fts_ai" AFTER INSERT ON "Conversation" BEGIN
  INSERT INTO "ConversationFts"(rowid, subject) VALUES (new.id, new.subject);
END;
CREATE TRIGGER "Conversation_fts_ad" AFTER DELETE ON "Conversation" BEGIN
  INSERT INTO "ConversationFts"("ConversationFts", rowid, subject) VALUES ('delete', old.id, old.subject);
END;
CREATE TRIGGER "Conversation_fts_au" AFTER UPDATE OF subject ON "Conversation" BEGIN
  INSERT INTO "ConversationFts"("ConversationFts", rowid, subject) VALUES ('delete', old.id, old.subject);
  INSERT INTO "ConversationFts"(rowid, subject) VALUES (new.id, new.subject);
END;

CREATE TRIGGER "Customer_fts_ai" AFTER INSERT ON "Customer" BEGIN
  INSERT INTO "CustomerFts"(rowid, name) VALUES (new.rowid, new.name);
END;
CREATE TRIGGER "Customer_fts_ad" AFTER DELETE ON "Customer" BEGIN
  INSERT INTO "CustomerFts"("CustomerFts", rowid, name) VALUES ('delete', old.rowid, old.name);
END;
CREATE TRIGGER "Customer_fts_au" AFTER UPDATE OF name ON "Customer" BEGIN
  INSERT INTO "CustomerFts"("CustomerFts", rowid, name) VALUES ('delete', old.rowid, old.name);
  INSERT INTO "CustomerFts"(rowid, name) VALUES (new.rowid, new.name);
END;

CREATE TRIGGER "Attachment_fts_ai" AFTER INSERT ON "Attachment" BEGIN
  INSERT INTO "AttachmentFts"(rowid, filename) VALUES (new.rowid, new.filename);
END;
CREATE TRIGGER "Attachment_fts_ad" AFTER DELETE ON "Attachment" BEGIN
  INSERT INTO "AttachmentFts"("AttachmentFts", rowid, filename) VALUES ('delete', old.rowid, old.filename);
END;
CREATE TRIGGER "Attachment_fts_au" AFTER UPDATE OF filename ON "Attachment" BEGIN
  INSERT INTO "AttachmentFts"("AttachmentFts", rowid, filename) VALUES ('delete', old.rowid, old.filename);
  INSERT INTO "AttachmentFts"(rowid, filename) VALUES (new.rowid, new.filename);
END;

CREATE TRIGGER "Identity_trgm_ai" AFTER INSERT ON "Identity" BEGIN
  INSERT INTO "IdentityTrgm"(rowid, value) VALUES (new.rowid, new.value);
END;
CREATE TRIGGER "Identity_trgm_ad" AFTER DELETE ON "Identity" BEGIN
  INSERT INTO "IdentityTrgm"("IdentityTrgm", rowid, value) VALUES ('delete', old.rowid, old.value);
END;
CREATE TRIGGER "Identity_trgm_au" AFTER UPDATE OF value ON "Identity" BEGIN
  INSERT INTO "IdentityTrgm"("IdentityTrgm", rowid, value) VALUES ('delete', old.rowid, old.value);
  INSERT INTO "IdentityTrgm"(rowid, value) VALUES (new.rowid, new.value);
END;

-- The rows that were there before this migration.
INSERT INTO "MessageFts"("MessageFts") VALUES ('rebuild');
INSERT INTO "ConversationFts"("ConversationFts") VALUES ('rebuild');
INSERT INTO "CustomerFts"("CustomerFts") VALUES ('rebuild');
INSERT INTO "AttachmentFts"("AttachmentFts") VALUES ('rebuild');
INSERT INTO "IdentityTrgm"("IdentityTrgm") VALUES ('rebuild');

-- Chat visitors without a pre-chat name were named after their visitor token.
UPDATE "Customer" SET "name" = 'Website visitor'
WHERE EXISTS (SELECT 1 FROM "Identity" i WHERE i."customerId" = "Customer"."id" AND i."kind" = 'chat' AND i."value" = "Customer"."name");
