// What agents (and partner systems through the API) keep about a customer:
// name, company, notes, admin-defined attributes, and the identities that
// reach them. Every change leaves an audit event.
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db, Tx } from "../db/client";
import { isUniqueViolation } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";
import { readSetting, writeSetting } from "../settings/settings";
import { normaliseIdentity } from "./identity";

// ---- attribute definitions (admin) ----

export const ATTRIBUTE_TYPES = ["text", "number", "date", "list"] as const;
const ZAttributeDefinition = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and _ (starting with a letter)"),
    label: z.string().trim().min(1, "Give the attribute a label").max(60),
    type: z.enum(ATTRIBUTE_TYPES),
    /** the choices of a list attribute */
    options: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  })
  .refine((d) => d.type !== "list" || (d.options?.length ?? 0) > 0, {
    message: "A list needs at least one choice",
    path: ["options"],
  });
export const ZAttributeDefinitions = z
  .array(ZAttributeDefinition)
  .max(50)
  .refine((defs) => new Set(defs.map((d) => d.key)).size === defs.length, "Two attributes have the same key");
export type TAttributeDefinition = z.infer<typeof ZAttributeDefinition>;

const ATTRIBUTES_KEY = "customerAttributes";
export const loadAttributeDefinitions = (db: Db | Tx) => readSetting(db, ATTRIBUTES_KEY, ZAttributeDefinitions, []);
export const saveAttributeDefinitions = (db: Db, value: unknown, actorUserId: string) =>
  writeSetting(db, ATTRIBUTES_KEY, ZAttributeDefinitions, value, actorUserId);

function valueSchema(d: TAttributeDefinition) {
  switch (d.type) {
    case "text":
      return z.string().max(500, `${d.label}: keep it under 500 characters`);
    case "number":
      return z.number({ message: `${d.label} must be a number` }).finite();
    case "date":
      return z.iso.date({ message: `${d.label} must be a date like 2026-01-31` });
    case "list":
      return z.enum(d.options as [string, ...string[]], {
        message: `${d.label} must be one of: ${d.options!.join(", ")}`,
      });
  }
}

/** Checks values against the definitions; null removes a value. Unknown keys are refused by name. */
export function checkAttributes(defs: TAttributeDefinition[], values: Record<string, unknown>) {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, unknown> = {};
  const problems: Array<{ path: string[]; message: string }> = [];
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    if (!def) problems.push({ path: ["attributes", key], message: `No attribute "${key}" is defined` });
    else if (value === null) out[key] = null;
    else {
      const parsed = valueSchema(def).safeParse(value);
      if (parsed.success) out[key] = parsed.data;
      else problems.push({ path: ["attributes", key], message: parsed.error.issues[0]!.message });
    }
  }
  if (problems.length)
    throw badRequest(
      "invalid_attributes",
      problems[0]!.message,
      problems.map((p) => ({ path: p.path.join("."), message: p.message })),
    );
  return out;
}

// ---- the customer ----

const ZAttributeValues = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const ZCustomerPatch = z
  .strictObject({
    name: z.string().trim().min(1, "Give the customer a name").max(200),
    company: z.string().trim().max(200).nullable(),
    notes: z.string().max(10_000, "Notes can be up to 10,000 characters"),
    attributes: ZAttributeValues,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, "Nothing to change");

export const ZNewIdentity = z.strictObject({
  kind: z.enum(["email", "phone", "sso"]),
  value: z.string().trim().min(1, "Enter an address or number").max(320),
});

export const ZNewCustomer = z.strictObject({
  name: z.string().trim().min(1, "Give the customer a name").max(200),
  company: z.string().trim().max(200).optional(),
  notes: z.string().max(10_000).optional(),
  attributes: ZAttributeValues.optional(),
  identities: z.array(ZNewIdentity).max(20).default([]),
});

async function taken(tx: Tx, kind: string, value: string, exceptCustomerId?: string) {
  const existing = await tx.identity.findUnique({
    where: { kind_value: { kind, value } },
    select: { customerId: true },
  });
  if (existing && existing.customerId !== exceptCustomerId)
    throw conflict("identity_taken", `${value} already belongs to another customer; merge the two customers instead`);
  return !!existing;
}

export async function createCustomer(db: Db, actorUserId: string, input: z.input<typeof ZNewCustomer>) {
  const c = ZNewCustomer.parse(input);
  const identities = c.identities.map((i) => normaliseIdentity(i));
  const attributes = c.attributes ? checkAttributes(await loadAttributeDefinitions(db), c.attributes) : {};
  return db.$transaction(async (tx) => {
    for (const i of identities) await taken(tx, i.kind, i.value);
    const row = await tx.customer.create({
      data: {
        name: c.name,
        company: c.company || null,
        notes: c.notes ?? "",
        attributes: JSON.stringify(attributes),
        identities: { create: identities },
      },
      select: { id: true },
    });
    await recordEvent(tx, { action: "customer.created", actorUserId, data: { customerId: row.id } });
    return row;
  });
}

async function liveCustomer(db: Db | Tx, id: string) {
  const c = await db.customer.findUnique({ where: { id }, select: { id: true, attributes: true, mergedIntoId: true } });
  if (!c) throw notFound("Customer");
  if (c.mergedIntoId) throw conflict("customer_merged", "This customer was merged into another; edit that one");
  return c;
}

export async function updateCustomer(db: Db, id: string, actorUserId: string, input: z.input<typeof ZCustomerPatch>) {
  const p = ZCustomerPatch.parse(input);
  const current = await liveCustomer(db, id);
  let attributes: string | undefined;
  if (p.attributes) {
    const merged = {
      ...(JSON.parse(current.attributes) as Record<string, unknown>),
      ...checkAttributes(await loadAttributeDefinitions(db), p.attributes),
    };
    for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
    attributes = JSON.stringify(merged);
  }
  await db.$transaction(async (tx) => {
    await tx.customer.update({
      where: { id },
      data: {
        name: p.name,
        company: p.company === undefined ? undefined : p.company || null,
        notes: p.notes,
        attributes,
      },
    });
    await recordEvent(tx, {
      action: "customer.updated",
      actorUserId,
      data: { customerId: id, fields: Object.keys(p) },
    });
  });
}

export async function addIdentity(
  db: Db,
  customerId: string,
  actorUserId: string,
  input: z.input<typeof ZNewIdentity>,
) {
  const i = normaliseIdentity(ZNewIdentity.parse(input));
  await liveCustomer(db, customerId);
  try {
    return await db.$transaction(async (tx) => {
      if (await taken(tx, i.kind, i.value, customerId))
        throw conflict("identity_exists", `${i.value} is already theirs`);
      const row = await tx.identity.create({
        data: { customerId, ...i },
        select: { id: true, kind: true, value: true },
      });
      await recordEvent(tx, { action: "customer.identity_added", actorUserId, data: { customerId, ...i } });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("identity_taken", `${i.value} already belongs to another customer`);
    throw err;
  }
}

async function ownIdentity(db: Db | Tx, customerId: string, identityId: string) {
  const row = await db.identity.findFirst({ where: { id: identityId, customerId } });
  if (!row) throw notFound("Identity");
  return row;
}

export async function changeIdentity(
  db: Db,
  customerId: string,
  identityId: string,
  actorUserId: string,
  input: { value: string },
) {
  const before = await ownIdentity(db, customerId, identityId);
  if (before.kind !== "email" && before.kind !== "phone")
    throw badRequest("identity_not_editable", "Only email addresses and phone numbers can be edited");
  const next = normaliseIdentity(ZNewIdentity.parse({ kind: before.kind, value: input.value }));
  try {
    await db.$transaction(async (tx) => {
      await taken(tx, next.kind, next.value, customerId);
      await tx.identity.update({ where: { id: identityId }, data: { value: next.value } });
      await recordEvent(tx, {
        action: "customer.identity_changed",
        actorUserId,
        data: { customerId, kind: next.kind, from: before.value, to: next.value },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("identity_taken", `${next.value} already belongs to another customer`);
    throw err;
  }
}

export async function removeIdentity(db: Db, customerId: string, identityId: string, actorUserId: string) {
  const row = await ownIdentity(db, customerId, identityId);
  const account = await db.user.findFirst({ where: { customerId, email: row.value }, select: { id: true } });
  if (account)
    throw conflict("identity_in_use", "This address is the customer's portal sign-in; it can't be removed here");
  await db.$transaction(async (tx) => {
    await tx.identity.delete({ where: { id: identityId } });
    await recordEvent(tx, {
      action: "customer.identity_removed",
      actorUserId,
      data: { customerId, kind: row.kind, value: row.value },
    });
  });
}
