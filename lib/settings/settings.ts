// Admin-edited settings: one JSON document per key, validated with its zod
// schema on the way in and on the way out (a document written by an older
// version that no longer parses falls back to the default, with a log line).
import type { ZodType } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db, Tx } from "../db/client";
import { log } from "../log";

/** Reads inside a transaction too (`Tx`), so automation sees the settings its change commits with. */
export async function readSetting<T>(db: Db | Tx, key: string, schema: ZodType<T>, fallback: T): Promise<T> {
  const row = await db.setting.findUnique({ where: { key } });
  return parseSetting(key, row?.value, schema, fallback);
}

/** Several settings in one query (every inbound message reads the automation's). */
export async function readSettings(db: Db | Tx, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } } });
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function parseSetting<T>(key: string, stored: string | undefined, schema: ZodType<T>, fallback: T): T {
  if (stored === undefined) return fallback;
  const parsed = schema.safeParse(JSON.parse(stored));
  if (parsed.success) return parsed.data;
  log.error("stored setting does not validate; using the default", { key, issues: parsed.error.issues.slice(0, 5) });
  return fallback;
}

/** Saves a validated value and records who changed it (the audit log keeps the previous version). */
export async function writeSetting<T>(
  db: Db,
  key: string,
  schema: ZodType<T>,
  value: unknown,
  actorUserId: string,
): Promise<T> {
  const valid = schema.parse(value);
  const json = JSON.stringify(valid);
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key }, select: { value: true } });
    await tx.setting.upsert({
      where: { key },
      create: { key, value: json, updatedById: actorUserId },
      update: { value: json, updatedById: actorUserId },
    });
    await recordEvent(tx, {
      action: "settings.updated",
      actorUserId,
      data: { key, previous: before ? JSON.parse(before.value) : null },
    });
  });
  return valid;
}
