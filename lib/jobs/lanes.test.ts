import { describe, expect, it } from "vitest";
import { createLanes } from "./lanes";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("background lanes", () => {
  it("drain side by side: a lane stuck on a slow provider does not hold up another", async () => {
    const stuck = gate();
    const ran: string[] = [];
    const lanes = createLanes({
      outbound: async () => {
        ran.push("outbound started");
        await stuck.opened;
        ran.push("outbound finished");
        return false;
      },
      inbound: async () => {
        ran.push("inbound");
        return false;
      },
    });
    lanes.wake();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(["outbound started", "inbound"]);
    stuck.open();
    await lanes.idle();
    expect(ran).toEqual(["outbound started", "inbound", "outbound finished"]);
  });

  it("never drains one lane twice at once: a wake during a drain runs it once more, after", async () => {
    const first = gate();
    let running = 0;
    let most = 0;
    let passes = 0;
    const lanes = createLanes({
      only: async () => {
        running++;
        most = Math.max(most, running);
        passes++;
        if (passes === 1) await first.opened;
        running--;
        return false;
      },
    });
    lanes.wake();
    lanes.wake();
    lanes.wake();
    first.open();
    await lanes.idle();
    expect({ most, passes }).toEqual({ most: 1, passes: 2 });
  });

  it("drains again while a pass says more is waiting", async () => {
    let left = 3;
    const lanes = createLanes({ batch: async () => --left > 0 });
    lanes.wake();
    await lanes.idle();
    expect(left).toBe(0);
  });
});
