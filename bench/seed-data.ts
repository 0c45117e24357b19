// What the seeding benchmarks share: a fresh PostgreSQL database, repeatable
// pseudo-random numbers, and the timestamp literal each database takes in a raw
// multi-row INSERT.
import pg from "pg";

/** Drops and creates the database the URL names (connecting to "postgres" to do it). */
export async function recreatePostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).href });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** mulberry32: the same sequence every run, so runs compare. */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A quoted timestamp for raw SQL: PostgreSQL's literal, or the ISO text Prisma's SQLite adapter stores. */
export const sqlTimestamp =
  (postgres: boolean) =>
  (ms: number): string =>
    postgres
      ? `'${new Date(ms).toISOString().replace("T", " ").replace("Z", "")}'`
      : `'${new Date(ms).toISOString().replace("Z", "+00:00")}'`;
