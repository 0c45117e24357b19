import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { AuditLog } from "@/lib/ui/admin/audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePageCaller("admin", "/admin/audit");
  return (
    <main className="page">
      <h1>Audit log</h1>
      <p className="muted">
        Sign-ins and failed sign-ins, API tokens, settings and conversation changes — newest first.
      </p>
      <AuditLog />
    </main>
  );
}
