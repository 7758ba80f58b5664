import { emailHost } from '../email-host';
import type { LookupResult } from '../messaging/lookup';

/**
 * What the background said about whole hosts (`sameAtHost`): a new address at a
 * host it already answered for is answered here, at once, so its badge goes in
 * with the page's own rendering of the message instead of a frame later. The
 * background's contact mappings are the exceptions, and are asked for as usual.
 * Any change anywhere (a new account, a new contact) clears every rule.
 */
export function createHostRules(max = 200) {
  const rules = new Map<string, { result: LookupResult; except: ReadonlySet<string> }>();
  return {
    learn(result: LookupResult): void {
      const rule = result.sameAtHost;
      if (!rule) return;
      rules.delete(rule.host);
      rules.set(rule.host, { result, except: new Set(rule.except) });
      // Oldest first out: memory stays flat however many companies the rep reads.
      if (rules.size > max) rules.delete(rules.keys().next().value!);
    },
    answer(email: string): LookupResult | undefined {
      const rule = rules.get(emailHost(email));
      if (!rule || rule.except.has(email)) return undefined;
      const { sameAtHost: _rule, ...result } = rule.result;
      return { ...result, query: email, identity: result.identity && { ...result.identity, email } };
    },
    clear(): void {
      rules.clear();
    },
  };
}
