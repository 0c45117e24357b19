// npm run db:migrate — applies pending migrations to DATABASE_URL (SQLite or PostgreSQL).
import { migrate } from "../lib/db/migrate";

const url = process.env.DATABASE_URL ?? "file:./data/omnidesk.db";
migrate(url)
  .then((r) => {
    const where = r.provider === "sqlite" ? url : url.replace(/\/\/[^@]*@/, "//***@");
    console.log(
      r.applied.length
        ? `${r.provider} (${where}): applied ${r.applied.join(", ")}`
        : `${r.provider} (${where}): up to date (${r.alreadyApplied} migrations)`,
    );
  })
  .catch((err) => {
    console.error(`db:migrate failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
