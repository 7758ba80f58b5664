import { type Suggestion, type SuggestionKind, detect } from '@/lib/suggest/detect';
import { newestText } from '@/lib/suggest/newest';
import { CORPUS_NOW, type CorpusMessage } from './corpus';

export const KINDS: SuggestionKind[] = ['quote', 'price_match', 'order', 'payment'];

/** What the product suggests for a corpus message: nothing for a colleague's or the rep's own mail (no customer badge), else the detector on the newest text. */
export function suggestFor(message: CorpusMessage): Suggestion | null {
  if (message.from !== 'customer') return null;
  return detect(newestText(message.text), CORPUS_NOW);
}

export interface Evaluation {
  size: number;
  shown: number;
  /** Of the suggestions shown, the share on a message that has something to log. */
  precisionShown: number;
  /** Of the suggestions shown, the share of the right kind. */
  precisionKind: number;
  recall: Record<SuggestionKind, { found: number; of: number; share: number }>;
  /** Where the message names an amount (the event's, or the competitor's price): the share extracted exactly. */
  amounts: { exact: number; of: number; share: number };
  fields: Record<'competitor' | 'reference' | 'quantity' | 'payBy', { exact: number; of: number }>;
  misses: string[];
}

const sameMoney = (a?: { minor: number; currency: string }, b?: { minor: number; currency: string }) => !!a && !!b && a.minor === b.minor && a.currency === b.currency;

export function evaluate(corpus: readonly CorpusMessage[]): Evaluation {
  const recall = Object.fromEntries(KINDS.map((k) => [k, { found: 0, of: 0, share: 0 }])) as Evaluation['recall'];
  const amounts = { exact: 0, of: 0, share: 0 };
  const fields: Evaluation['fields'] = { competitor: { exact: 0, of: 0 }, reference: { exact: 0, of: 0 }, quantity: { exact: 0, of: 0 }, payBy: { exact: 0, of: 0 } };
  const misses: string[] = [];
  let shown = 0;
  let shownRight = 0;
  let shownKind = 0;
  for (const message of corpus) {
    const got = suggestFor(message);
    if (got) {
      shown++;
      if (message.label !== 'none') shownRight++;
      if (got.kind === message.label) shownKind++;
    }
    if (message.label !== 'none') recall[message.label].of++;
    if (message.label !== 'none' && got?.kind === message.label) recall[message.label].found++;
    if ((got?.kind ?? 'none') !== message.label) misses.push(`${message.id}: ${message.label} → ${got?.kind ?? 'none'}`);
    if (message.label === 'none') continue;
    const right = got?.kind === message.label ? got : undefined;
    for (const key of ['amount', 'competitorPrice'] as const) {
      const want = message.expected[key];
      if (!want) continue;
      amounts.of++;
      if (sameMoney(right?.[key], want)) amounts.exact++;
      else misses.push(`${message.id}: ${key} ${JSON.stringify(want)} → ${JSON.stringify(right?.[key])}`);
    }
    for (const key of ['competitor', 'reference', 'quantity', 'payBy'] as const) {
      const want = message.expected[key];
      if (want === undefined) continue;
      fields[key].of++;
      if (right?.[key] === want) fields[key].exact++;
      else misses.push(`${message.id}: ${key} ${JSON.stringify(want)} → ${JSON.stringify(right?.[key])}`);
    }
  }
  for (const k of KINDS) recall[k].share = recall[k].of ? recall[k].found / recall[k].of : 1;
  amounts.share = amounts.of ? amounts.exact / amounts.of : 1;
  return { size: corpus.length, shown, precisionShown: shown ? shownRight / shown : 1, precisionKind: shown ? shownKind / shown : 1, recall, amounts, fields, misses };
}
