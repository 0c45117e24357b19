// Who gets the next conversation of a team: an online agent with room under the
// team's capacity, chosen round-robin (longest since their last auto-assignment)
// or by the fewest open conversations (ties go round-robin).
export interface Candidate {
  userId: string;
  online: boolean;
  /** open conversations assigned to them now (new, open or pending) */
  open: number;
  lastAssignedAt: Date | null;
}

export type AssignmentMode = "round_robin" | "least_open";

export function chooseAssignee(mode: AssignmentMode, capacity: number, candidates: readonly Candidate[]) {
  const eligible = candidates.filter((c) => c.online && c.open < capacity);
  const longestWaiting = (a: Candidate, b: Candidate) =>
    (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
  const order =
    mode === "least_open" ? (a: Candidate, b: Candidate) => a.open - b.open || longestWaiting(a, b) : longestWaiting;
  return [...eligible].sort(order)[0]?.userId ?? null;
}
