import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { type Archetype, DEMO_SEED, demoAccounts, generateDemoCsv, SHOWCASE } from '@/lib/demo/generate';
import { gmail } from '@/lib/adapters/gmail';
import { BANDS } from '@/lib/health';
import { importRows } from '@/lib/import/write';
import { WARNING_NAMES, type WarningName } from '@/lib/model';
import { refreshSummaries } from '@/lib/scoring/store';
import { freshDb } from './helpers';
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

describe('the demo book, scored with the default definition', () => {
  it('shows every band and every warning, and each showcase account as its archetype', async () => {
    const db = await freshDb();
    const csv = generateDemoCsv({ today: TODAY });
    const { rows } = analyse(csv);
    const { accountIds } = await importRows(db, rows, { now: TODAY, source: 'demo' });
    const summaries = await refreshSummaries(db, accountIds, TODAY);
    const bands = new Set(summaries.map((s) => s.band));
    const warnings = new Set(summaries.flatMap((s) => s.warnings.map((w) => w.name)));
    expect([...bands].sort()).toEqual([...BANDS].sort());
    expect([...warnings].sort()).toEqual([...WARNING_NAMES].sort());
    const byName = new Map(summaries.map((s) => [s.accountName, s]));
    const expected: Record<Archetype, { band?: string; warning?: WarningName }> = {
      healthy: { band: 'Healthy' },
      watch: { band: 'Watch' },
      'price-relationship': { warning: 'Price relationship' },
      'one-sided': { warning: 'One-sided' },
      'engineering-without-volume': { warning: 'Engineering without volume' },
      'slow-payer': { warning: 'Slow payer' },
      'squeaky-wheel': { warning: 'Squeaky wheel' },
      'wrong-fit': { warning: 'Wrong fit' },
      new: { band: 'Not enough data' },
    };
    for (const account of demoAccounts({ today: TODAY })) {
      const summary = byName.get(account.name)!;
      const want = expected[account.archetype];
      if (want.band) expect({ account: account.name, band: summary.band }).toEqual({ account: account.name, band: want.band });
      if (want.warning) expect({ account: account.name, warnings: summary.warnings.map((w) => w.name) }).toEqual({ account: account.name, warnings: expect.arrayContaining([want.warning]) });
    }
  });
});

describe('the demo mailbox', () => {
  it('has conversations from the showcase accounts (and one stranger), found by the real Gmail adapter', async () => {
    const html = await readFile('test/fixtures/gmail/demo-mailbox.html', 'utf8');
    const page = new DOMParser().parseFromString(html, 'text/html');
    const senders = gmail.find(page, new URL('https://mail.google.com/mail/u/0/#inbox'));
    // Every message is to the demo rep, whose own address the adapter finds as a recipient.
    const all = senders.map((sender) => sender.email!.split('@')[1]);
    expect(all.filter((domain) => domain === 'northwind-supply.com')).toHaveLength(7);
    const domains = all.filter((domain) => domain !== 'northwind-supply.com');
    const showcase = new Set(SHOWCASE.map((account) => account.domain));
    expect(domains.filter((domain) => showcase.has(domain!))).toHaveLength(6);
    expect(domains.filter((domain) => !showcase.has(domain!))).toEqual(['newco-robotics.com']);
  });
});
