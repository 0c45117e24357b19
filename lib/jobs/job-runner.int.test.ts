// The job engine against a real database: one run of a job at a time, however long it takes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainJobs } from "./job-runner";

const LEASE_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the job engine", () => {
  it("keeps a slow job leased while it runs: another worker never runs it at the same time", async () => {
    await db().outboxJob.create({ data: { kind: "slow", payload: "{}" } });
    let runs = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = async () => {
      runs++;
      await released;
    };
    const first = drainJobs(db(), { slow }, { leaseMs: LEASE_MS });
    // Three leases later, a second worker (another instance) looks for due jobs.
    await sleep(3 * LEASE_MS);
    expect(await drainJobs(db(), { slow }, { leaseMs: LEASE_MS })).toEqual({ processed: 0, retried: 0, failed: 0 });
    release();
    expect(await first).toEqual({ processed: 1, retried: 0, failed: 0 });
    expect(runs).toBe(1);
    expect((await db().outboxJob.findFirstOrThrow()).status).toBe("done");
  });

  it("lets another worker take a job over once its worker stopped renewing (it died)", async () => {
    const job = await db().outboxJob.create({
      data: { kind: "orphan", payload: "{}", status: "running", attempts: 1, lockedUntil: new Date(Date.now() - 1) },
    });
    const runs: string[] = [];
    expect(await drainJobs(db(), { orphan: async () => void runs.push("again") })).toEqual({
      processed: 1,
      retried: 0,
      failed: 0,
    });
    expect(runs).toEqual(["again"]);
    expect((await db().outboxJob.findUniqueOrThrow({ where: { id: job.id } })).attempts).toBe(2);
  });
});
