/**
 * A token bucket per key: `burst` at once, then `perSecond`. Keys idle long enough to be full
 * again are forgotten, so a browser that opens many tabs does not grow it without end.
 */
export function createBudget({ perSecond, burst, now }: { perSecond: number; burst: number; now: () => number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillMs = (burst / perSecond) * 1000;
  return {
    take(key: string): boolean {
      const time = now();
      if (buckets.size > FORGET_AFTER_KEYS) for (const [k, b] of buckets) if (time - b.at >= refillMs) buckets.delete(k);
      const bucket = buckets.get(key) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}

const FORGET_AFTER_KEYS = 100;
