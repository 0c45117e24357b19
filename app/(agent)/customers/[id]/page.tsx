import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { CustomerPage } from "@/lib/ui/customers/customer-page";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageCaller("agent", `/customers/${encodeURIComponent(id)}`);
  return (
    <main className="page page-wide">
      <CustomerPage id={id} />
    </main>
  );
}
