import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { refresh } from "./live-updates";

describe("live updates", () => {
  it("reloads a conversation whose first load was under way when the event came (it may have read too early)", async () => {
    const client = new QueryClient();
    const key = ["conversation", 15];
    const stored = ["first message"];
    const reads: Array<() => void> = [];
    // Each load copies what is stored when it runs, then answers when the test lets it.
    const observer = new QueryObserver(client, {
      queryKey: key,
      queryFn: () => {
        const snapshot = [...stored];
        return new Promise<string[]>((resolve) => reads.push(() => resolve(snapshot)));
      },
    });
    const unsubscribe = observer.subscribe(() => undefined); // the open conversation view
    await expect.poll(() => reads.length).toBe(1);

    stored.push("are you there?"); // committed after the first load read
    const refreshed = refresh(client, [key]);
    await expect.poll(() => reads.length).toBe(2);
    reads[0]!(); // the early read lands late: it must not be what stays on screen
    reads[1]!();
    await refreshed;
    await expect.poll(() => client.getQueryData(key)).toEqual(["first message", "are you there?"]);
    unsubscribe();
  });
});
