import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { DEMO_SEED, demoAccounts, generateDemoCsv, SHOWCASE } from '@/lib/demo/generate';
import type { RowContext } from '@/lib/import/map-row';
import { analyseCsv, readHeaders } from '@/lib/import/parse';
import { detectMapping } from '@/lib/import/presets';

const context: RowContext = { defaultCurrency: 'USD', identity: {}, paymentTermsDays: 30 };
const TODAY = Date.UTC(2026, 10, 23, 15, 30);

function analyse(text: string) {
  return analyseCsv(text, detectMapping(readHeaders(text)).mapping, context);
}

describe('the demo book', () => {
  it('is deterministic: the same seed and day give the same file, another seed another book', () => {
    expect(generateDemoCsv({ today: TODAY })).toBe(generateDemoCsv({ seed: DEMO_SEED, today: TODAY + 3600_000 }));
    expect(generateDemoCsv({ seed: 7, today: TODAY })).not.toBe(generateDemoCsv({ today: TODAY }));
  });

  it('is a Quotewise events CSV the importer reads with no bad row, 40–60 accounts with the showcase ones', () => {
    const analysis = analyse(generateDemoCsv({ today: TODAY }));
    expect(analysis.bad).toEqual([]);
    expect(analysis.unknownColumns).toEqual([]);
    const domains = new Set(analysis.rows.map((row) => row.account.domain));
    expect(domains.size).toBeGreaterThanOrEqual(40);
    expect(domains.size).toBeLessThanOrEqual(60);
    for (const account of SHOWCASE) expect(domains).toContain(account.domain);
    expect(demoAccounts({ today: TODAY }).map((a) => a.domain)).toEqual([...domains]);
    // Every event falls within the last year, none in the future.
    const ats = analysis.rows.flatMap((row) => row.events.map((event) => event.at));
    expect(Math.max(...ats)).toBeLessThanOrEqual(TODAY);
    expect(Math.min(...ats)).toBeGreaterThan(TODAY - 366 * 86_400_000);
  });
});

describe('the example file in docs/', () => {
  it('imports with no bad row and covers every event type', async () => {
    const analysis = analyse(await readFile('docs/example-events.csv', 'utf8'));
    expect(analysis.bad).toEqual([]);
    expect(new Set(analysis.rows.flatMap((row) => row.events.map((e) => e.type)))).toEqual(
      new Set(['quote', 'price_match', 'quote_outcome', 'order', 'invoice', 'service', 'referral', 'upsell', 'engineering_change', 'payment', 'note']),
    );
  });
});
