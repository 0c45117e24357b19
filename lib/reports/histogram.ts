// Durations kept as log-spaced histograms: bucket 0 is under a minute, bucket b
// covers [60·1.25^(b−1), 60·1.25^b) seconds. A median or p90 read from the
// buckets is within one bucket of the exact value (±12%), whatever the volume.
const BASE_SECONDS = 60;
const RATIO = 1.25;
export const MAX_BUCKET = 80;

export function bucketOf(seconds: number): number {
  if (seconds < BASE_SECONDS) return 0;
  return Math.min(MAX_BUCKET, Math.floor(Math.log(seconds / BASE_SECONDS) / Math.log(RATIO)) + 1);
}

/** The bucket's representative value: its geometric middle (30 s for the first). */
export function bucketValue(bucket: number): number {
  if (bucket === 0) return BASE_SECONDS / 2;
  return BASE_SECONDS * RATIO ** (bucket - 1) * Math.sqrt(RATIO);
}

/** The p-th percentile (0–1) of a histogram given as bucket → count; null when empty. */
export function percentile(counts: ReadonlyMap<number, number>, p: number): number | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(bucket)!;
    if (seen >= rank) return bucketValue(bucket);
  }
  return null;
}
