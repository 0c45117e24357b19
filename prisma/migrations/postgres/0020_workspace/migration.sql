-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "attributes" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "company" TEXT,
ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "filters" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SavedView_ownerId_idx" ON "SavedView"("ownerId");

-- CreateIndex
CREATE INDEX "SavedView_shared_idx" ON "SavedView"("shared");

-- CreateIndex
CREATE INDEX "Customer_company_idx" ON "Customer"("company");

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search (lib/conversations/search.ts): expression indexes, so PostgreSQL keeps them in step with
-- the rows in the writing transaction and builds them for the rows already there. Both extensions are
-- "trusted" (PostgreSQL 13+): the database's owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes this IMMUTABLE
-- wrapper safe to index on.
CREATE OR REPLACE FUNCTION omnidesk_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
-- Messages keep their vector (a column Prisma does not know of, so it never writes or reads it): ranking a
-- match then reads it instead of parsing the body again, and a word in most messages is answered by walking
-- the newest messages ("createdAt") and stopping at enough matches.
ALTER TABLE "Message" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, omnidesk_fold("body"))) STORED;
CREATE INDEX "Message_searchVector_idx" ON "Message" USING gin ("searchVector");
CREATE INDEX "Message_createdAt_idx" ON "Message" ("createdAt");
CREATE INDEX "Conversation_subject_search_idx" ON "Conversation" USING gin (to_tsvector('simple'::regconfig, omnidesk_fold("subject")));
CREATE INDEX "Customer_name_search_idx" ON "Customer" USING gin (to_tsvector('simple'::regconfig, omnidesk_fold("name")));
CREATE INDEX "Attachment_filename_search_idx" ON "Attachment" USING gin (to_tsvector('simple'::regconfig, omnidesk_fold("filename")));
-- Email addresses and phone numbers are found by any fragment of three characters or more.
CREATE INDEX "Identity_value_trgm_idx" ON "Identity" USING gin ("value" gin_trgm_ops);

-- Chat visitors without a pre-chat name were named after their visitor token.
UPDATE "Customer" SET "name" = 'Website visitor'
WHERE EXISTS (SELECT 1 FROM "Identity" i WHERE i."customerId" = "Customer"."id" AND i."kind" = 'chat' AND i."value" = "Customer"."name");
