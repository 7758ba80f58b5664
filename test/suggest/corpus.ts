import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Suggestion, SuggestionKind } from '@/lib/suggest/detect';

/** One message of the suggestion corpus (test/fixtures/suggest/corpus.txt): its text as the page shows it, and what should be suggested. */
export interface CorpusMessage {
  id: string;
  label: SuggestionKind | 'none';
  expected: Omit<Suggestion, 'kind'>;
  /** Who sent it: only a customer's message gets a suggestion (a colleague's or the rep's own has no customer badge). */
  from: 'customer' | 'colleague' | 'own';
  text: string;
}

/** "Now" for the corpus's relative dates: Friday 4 December 2026, noon UTC. */
export const CORPUS_NOW = Date.UTC(2026, 11, 4, 12);

/** Messages written after the rules were tuned, and never tuned on. */
export const HELD_OUT = path.resolve(import.meta.dirname, '../fixtures/suggest/heldout.txt');

/** Messages written after the rules were broadened on the second set (tuned on since: see its header). */
export const THIRD_SET = path.resolve(import.meta.dirname, '../fixtures/suggest/heldout2.txt');
/** Messages written after the third set's rule changes; measured once, then studied when the rules were generalised (see its header). */
export const FOURTH_SET = path.resolve(import.meta.dirname, '../fixtures/suggest/heldout3.txt');
/** Messages written before the rules were generalised, committed before any detector ran on them, measured after the last rule change and never tuned on. */
export const FIFTH_SET = path.resolve(import.meta.dirname, '../fixtures/suggest/heldout4.txt');

export function loadCorpus(file = path.resolve(import.meta.dirname, '../fixtures/suggest/corpus.txt')): CorpusMessage[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks = new Map<string, string>();
  const messages: CorpusMessage[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const block = /^@@@(\w+)$/.exec(line);
    if (block) {
      const body: string[] = [];
      for (i++; lines[i] !== '@@@'; i++) body.push(lines[i]!);
      blocks.set(block[1]!, body.join('\n'));
      i++;
      continue;
    }
    const head = /^### (\S+) (quote|price_match|order|payment|none) (\{.*\})\s*$/.exec(line);
    if (head) {
      const body: string[] = [];
      let from: CorpusMessage['from'] = 'customer';
      for (i++; i < lines.length && !lines[i]!.startsWith('### '); i++) {
        const text = lines[i]!;
        const sender = /^from: (customer|colleague|own)$/.exec(text);
        if (sender && body.length === 0) from = sender[1] as CorpusMessage['from'];
        else body.push(/^@(\w+)$/.test(text) ? blocks.get(text.slice(1)) ?? text : text);
      }
      messages.push({ id: head[1]!, label: head[2] as CorpusMessage['label'], expected: JSON.parse(head[3]!), from, text: body.join('\n').trim() });
      continue;
    }
    i++;
  }
  return messages;
}
