import Database from "better-sqlite3";
const db = new Database("data/bench-search.db", { readonly: true });
const SYL = "ka lo mi ter bin sho ra ne vu pel dor mak sil tu fen gra hol jin qua ze".split(" ");
const V = Array.from({ length: 20000 }, (_, i) => { let w = ""; for (let n = i + 1; n > 0; n = Math.floor(n / SYL.length)) w += SYL[n % SYL.length]; return w; });
const time = (label, sql, ...args) => { const s = performance.now(); const r = db.prepare(sql).all(...args); console.log(label, (performance.now() - s).toFixed(1), "ms", r.length); };
for (const w of [V[1], V[400]]) {
  const m = `"${w}"*`;
  console.log("word", w);
  time(" count", `SELECT count(*) FROM "MessageFts" WHERE "MessageFts" MATCH ?`, m);
  time(" bound", `SELECT rowid FROM "MessageFts" WHERE "MessageFts" MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET 4999`, m);
  const b = db.prepare(`SELECT rowid FROM "MessageFts" WHERE "MessageFts" MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET 4999`).get(m)?.rowid ?? 0;
  time(" ranked-with-bound-literal", `SELECT rowid, rank FROM "MessageFts" WHERE "MessageFts" MATCH ? AND rowid >= ?`, m, b);
  time(" ranked-with-subquery", `SELECT rowid, rank FROM "MessageFts" WHERE "MessageFts" MATCH ? AND rowid >= COALESCE((SELECT rowid FROM "MessageFts" WHERE "MessageFts" MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET 4999),0)`, m, m);
  time(" subject", `SELECT rowid, rank FROM "ConversationFts" WHERE "ConversationFts" MATCH ? AND rowid >= COALESCE((SELECT rowid FROM "ConversationFts" WHERE "ConversationFts" MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET 4999),0)`, m, m);
  time(" customers", `SELECT rowid, rank FROM "CustomerFts" WHERE "CustomerFts" MATCH ?`, m);
  time(" identities", `SELECT rowid FROM "IdentityTrgm" WHERE value LIKE ?`, `%${w}%`);
}
