/** 5 s, 10 s, 20 s … capped at one hour, with ±20 % jitter so retries don't stampede. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
