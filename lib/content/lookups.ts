import { LOOKUP_LIMITS, type LookupResponse, type LookupResult } from '../messaging/lookup';
import { type LookupQueries, keyResults, queryKeys } from './state';

/**
 * The page's budget of `accounts.lookup` messages: a burst of 4, then one every 500 ms.
 * Opening a page or a conversation is one lookup (colleagues are answered from host
 * rules), and the largest page badged in full (500 people, lib/content/on-screen.ts) is
 * 3 batches, so the burst covers any page's first paint and a rep paging through
 * conversations is never held back. A page that changes its addresses every frame
 * (60 a second) gets 2 lookups a second instead of 60: its new addresses are answered at
 * most 500 ms late, and the background, whose round trips went from milliseconds to
 * seconds under such a page, spends at most two batches' work a second on it.
 */
export const LOOKUP_BURST = 4;
export const LOOKUP_REFILL_MS = 500;

/**
 * Answers remembered: the page's own cache, so an address it shows again (a page flipping
 * an attribute back and forth, a conversation opened twice) is never asked again. Twice the
 * largest page badged in full; the oldest answer goes first.
 */
export const ANSWERS_REMEMBERED = 1000;

export interface LookupsOptions {
  /** One `accounts.lookup`: at most LOOKUP_LIMITS queries of each kind. */
  lookup: (queries: LookupQueries) => Promise<LookupResponse>;
  /** What the page shows that is not answered or being asked: read when a lookup can go, so what left the page meanwhile is not asked. */
  missing: () => LookupQueries;
  /**
   * Answers arrived (none when the lookup failed: the page shows nothing rather than something wrong),
   * with the rep's "Show health in message lists" setting as the background read it.
   */
  answered: (results: [key: string, result: LookupResult][], lists?: boolean) => void;
  signal: AbortSignal;
}

/**
 * Asks the background for what the page shows, in batches of at most the message's
 * limits, within the budget above, and remembers the answers.
 */
export function createLookups({ lookup, missing, answered, signal }: LookupsOptions) {
  const remembered = new Map<string, LookupResult>();
  const asking = new Set<string>();
  let tokens = LOOKUP_BURST;
  let refill: ReturnType<typeof setTimeout> | undefined;
  /** Something was missing when the budget ran out: the next token asks for it. */
  let waiting = false;

  function addToken(): void {
    refill = undefined;
    tokens++;
    if (tokens < LOOKUP_BURST) refill = setTimeout(addToken, LOOKUP_REFILL_MS);
    if (waiting) send();
  }

  /** `outsideBudget`: asked because the background said data changed, which no page can make it say. */
  function send(outsideBudget = false): void {
    waiting = false;
    if (signal.aborted) return;
    for (const batch of batches(missing())) {
      if (!outsideBudget) {
        if (tokens === 0) {
          waiting = true;
          return;
        }
        tokens--;
        refill ??= setTimeout(addToken, LOOKUP_REFILL_MS);
      }
      void ask(batch);
    }
  }

  async function ask(queries: LookupQueries): Promise<void> {
    const keys = queryKeys(queries);
    for (const key of keys) asking.add(key);
    let results: [string, LookupResult][] = [];
    let lists: boolean | undefined;
    try {
      const response = await lookup(queries);
      results = keyResults(queries, response.results);
      lists = response.lists;
    } catch {
      // The extension was reloaded or the background failed: asked again on the page's next change, within the budget.
    } finally {
      for (const key of keys) asking.delete(key);
    }
    if (signal.aborted) return;
    for (const [key, result] of results) {
      remembered.delete(key);
      remembered.set(key, result);
      if (remembered.size > ANSWERS_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    }
    answered(results, lists);
  }

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(refill);
      remembered.clear();
    },
    { once: true },
  );

  return {
    /** The background's answer for this query key, if it gave one and it is still remembered. */
    answer: (key: string): LookupResult | undefined => remembered.get(key),
    /** Answered, or being asked: not to be asked again. */
    settled: (key: string): boolean => remembered.has(key) || asking.has(key),
    /** Something is missing: ask now, or as soon as the budget allows. */
    request(): void {
      if (!waiting) send();
    },
    /**
     * The background broadcast a write (lib/background/notify.ts): ask for what it made stale
     * now, outside the page's budget. Only the extension's own pages write, so a page cannot
     * drive this, and a rep logging several quotes in a row sees each one on the badge at once.
     */
    requestChanged(): void {
      send(true);
    },
    /** Forget these answers (their account changed): they are asked again. */
    forget(stale: (result: LookupResult) => boolean): void {
      for (const [key, result] of remembered) if (stale(result)) remembered.delete(key);
    },
  };
}

/** The queries in batches of at most LOOKUP_LIMITS of each kind, the schema's limits: a larger batch is refused whole. */
export function batches(queries: LookupQueries): LookupQueries[] {
  const count = Math.max(...(Object.keys(LOOKUP_LIMITS) as (keyof LookupQueries)[]).map((kind) => Math.ceil(queries[kind].length / LOOKUP_LIMITS[kind])));
  return Array.from({ length: count }, (_, i) => ({
    emails: queries.emails.slice(i * LOOKUP_LIMITS.emails, (i + 1) * LOOKUP_LIMITS.emails),
    webAddresses: queries.webAddresses.slice(i * LOOKUP_LIMITS.webAddresses, (i + 1) * LOOKUP_LIMITS.webAddresses),
    names: queries.names.slice(i * LOOKUP_LIMITS.names, (i + 1) * LOOKUP_LIMITS.names),
  }));
}
