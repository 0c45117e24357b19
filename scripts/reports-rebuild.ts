// npm run reports:rebuild — recomputes the report counters from the conversations
// (for a database that had conversations before reports existed, or after an import).
import { db } from "../lib/db/client";
import { rebuildReportStats } from "../lib/reports/rebuild";

const { conversations } = await rebuildReportStats(db());
console.log(`report counters rebuilt from ${conversations} conversations`);
await db().$disconnect();
