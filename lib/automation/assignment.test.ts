import { describe, expect, it } from "vitest";
import { type Candidate, chooseAssignee } from "./assignment";

const agent = (userId: string, c: Partial<Candidate> = {}): Candidate => ({
  userId,
  online: true,
  open: 0,
  lastAssignedAt: null,
  ...c,
});

/** Assigns n conversations one after another, as the worker does, and counts who got them. */
function simulate(mode: "round_robin" | "least_open", capacity: number, team: Candidate[], n: number) {
  const got: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const who = chooseAssignee(mode, capacity, team);
    if (!who) break;
    got[who] = (got[who] ?? 0) + 1;
    const c = team.find((t) => t.userId === who)!;
    c.open++;
    c.lastAssignedAt = new Date(1_000 + i);
  }
  return got;
}

describe("auto-assignment", () => {
  it("round-robin takes turns: everyone gets the same number, in order", () => {
    const team = [agent("a"), agent("b"), agent("c")];
    expect(simulate("round_robin", 100, team, 9)).toEqual({ a: 3, b: 3, c: 3 });
    expect(chooseAssignee("round_robin", 100, team)).toBe("a");
  });

  it("never assigns to offline agents or over capacity, and gives up when nobody has room", () => {
    const team = [agent("a", { open: 2 }), agent("b", { online: false }), agent("c")];
    expect(simulate("round_robin", 2, team, 5)).toEqual({ c: 2 });
    expect(chooseAssignee("round_robin", 2, team)).toBeNull();
  });

  it("least-open evens out a team whose load is uneven", () => {
    const team = [agent("a", { open: 5 }), agent("b", { open: 1 }), agent("c", { open: 0 })];
    expect(simulate("least_open", 10, team, 9)).toEqual({ b: 4, c: 5 });
    expect(team.map((t) => t.open)).toEqual([5, 5, 5]);
  });

  it("picks up an agent who comes online: they are the longest waiting", () => {
    const team = [agent("a"), agent("b"), agent("late", { online: false })];
    simulate("round_robin", 10, team, 4);
    team[2]!.online = true;
    expect(chooseAssignee("round_robin", 10, team)).toBe("late");
    expect(chooseAssignee("least_open", 10, team)).toBe("late");
  });
});
