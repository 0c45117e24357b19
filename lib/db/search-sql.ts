// The SQL both search modules share: what PostgreSQL's search indexes are built
// on (migration 0020), which a query must repeat exactly for the index to serve it.
import { Prisma } from "./client";

/** `to_tsvector('simple', omnidesk_fold(column))`: lower case, accents removed, no stemming. */
export const tsVector = (column: Prisma.Sql) => Prisma.sql`to_tsvector('simple'::regconfig, omnidesk_fold(${column}))`;

/** A LIKE pattern finding `fragment` anywhere, with LIKE's wildcards in it taken literally (ESCAPE '\'). */
export const containsPattern = (fragment: string) => `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
