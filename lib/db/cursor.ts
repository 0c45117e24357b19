// Opaque keyset cursors: (time, id) of the last row of a page, so pages sorted
// newest first never skip or repeat rows while new ones arrive.
import { badRequest } from "../errors";

export function encodeCursor(at: Date, id: string | number): string {
  return Buffer.from(`${at.getTime()}:${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const m = /^(\d{1,15}):([\w-]{1,64})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw badRequest("invalid_cursor", "The cursor is not one this API gave out");
  return { at: new Date(Number(m[1])), id: m[2]! };
}
