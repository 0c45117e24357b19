import Link from "next/link";
import { redirect } from "next/navigation";
import { currentCaller } from "@/lib/gateway/current-caller";

export const dynamic = "force-dynamic";

export default async function Home() {
  const caller = await currentCaller();
  if (caller.kind === "user") redirect(caller.role === "customer" ? "/portal" : "/inbox");
  return (
    <main className="landing">
      <h1>Omnidesk</h1>
      <p>One conversation per customer — portal, chat, email, SMS and phone.</p>
      <p className="landing-actions">
        <Link className="btn btn-primary" href="/signin?callbackUrl=/portal">
          Get help (customers)
        </Link>
        <Link className="btn" href="/signin?callbackUrl=/inbox">
          Agent sign-in
        </Link>
      </p>
    </main>
  );
}
