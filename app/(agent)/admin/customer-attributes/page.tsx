import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { CustomerAttributesEditor } from "@/lib/ui/admin/customer-attributes";

export const metadata: Metadata = { title: "Customer attributes" };

export default async function CustomerAttributesPage() {
  await requirePageCaller("admin", "/admin/customer-attributes");
  return (
    <main className="page">
      <h1>Customer attributes</h1>
      <p className="muted">
        Fields every customer can have besides name and company — shown on the customer page and beside each of their
        conversations, and set through the API by a CRM (<code>PATCH /api/customers/{"{id}"}</code>).
      </p>
      <CustomerAttributesEditor />
    </main>
  );
}
