import Papa from 'papaparse';
import { seededRandom } from '../random';
import { QUOTEWISE_COLUMNS, type QuotewiseColumn } from '../import/format';
import { formatDate } from '../import/values';

/**
 * The demo book: a seeded, deterministic generator of a realistic book of
 * accounts in the Quotewise events CSV. The same seed and day always give the
 * same file. The showcase accounts are fixed (the demo mailbox writes from their
 * domains); the rest are drawn from the same archetypes with made-up names.
 * Each archetype is built to show one band or warning of the default
 * ideal-account definition (lib/scoring/definition.ts).
 */
export const DEMO_SEED = 20261123;

export type Archetype =
  | 'healthy'
  | 'watch'
  | 'price-relationship'
  | 'one-sided'
  | 'engineering-without-volume'
  | 'slow-payer'
  | 'squeaky-wheel'
  | 'wrong-fit'
  | 'new';

export interface DemoAccount {
  name: string;
  domain: string;
  contact: string;
  archetype: Archetype;
}

/** The accounts the demo mailbox (scripts/demo/mailbox.html) has conversations with. */
export const SHOWCASE: readonly DemoAccount[] = [
  { name: 'Acme Industrial', domain: 'acme-industrial.com', contact: 'jane.doe', archetype: 'healthy' },
  { name: 'Globex Components', domain: 'globex-components.com', contact: 'p.ortega', archetype: 'price-relationship' },
  { name: 'Umbrella Fabrication', domain: 'umbrella-fab.com', contact: 'accounts.payable', archetype: 'slow-payer' },
  { name: 'Hooli Devices', domain: 'hooli-devices.com', contact: 'support.lead', archetype: 'one-sided' },
  { name: 'Vandelay Prototypes', domain: 'vandelay-proto.com', contact: 'art.vandelay', archetype: 'engineering-without-volume' },
  { name: 'Soylent Foods', domain: 'soylent-foods.com', contact: 'ops', archetype: 'squeaky-wheel' },
  { name: 'Bluth Bakery', domain: 'bluth-bakery.com', contact: 'lucille', archetype: 'wrong-fit' },
  { name: 'Stark Tooling', domain: 'stark-tooling.com', contact: 'pepper.p', archetype: 'new' },
  { name: 'Wayne Logistics', domain: 'wayne-logistics.com', contact: 'l.fox', archetype: 'watch' },
];

const FIRST = ['North', 'Blue', 'Iron', 'Silver', 'Granite', 'Cedar', 'Harbor', 'Summit', 'Pioneer', 'Atlas', 'Beacon', 'Falcon', 'Maple', 'Orion', 'Crescent', 'Delta', 'Evergreen', 'Keystone', 'Lakeside', 'Redwood'];
const SECOND = ['Machining', 'Plastics', 'Electric', 'Hydraulics', 'Packaging', 'Foundry', 'Robotics', 'Textiles', 'Pumps', 'Controls', 'Coatings', 'Fasteners', 'Optics', 'Valves', 'Composites'];
const SUFFIX = [['Inc.', '.com'], ['Ltd', '.co.uk'], ['GmbH', '.de'], ['LLC', '.com'], ['S.A.', '.fr'], ['B.V.', '.nl']] as const;
const COMPETITORS = ['Initrode', 'Cyberdyne Supply', 'Tyrell Parts', 'Massive Dynamic'];
const ARCHETYPES: readonly Archetype[] = ['healthy', 'healthy', 'healthy', 'watch', 'watch', 'price-relationship', 'one-sided', 'engineering-without-volume', 'slow-payer', 'squeaky-wheel', 'wrong-fit', 'new'];

type Row = Partial<Record<QuotewiseColumn, string>>;
const DAY = 86_400_000;

export interface DemoOptions {
  seed?: number;
  /** The day the histories lead up to (epoch ms; rounded down to midnight UTC). */
  today: number;
  /** Accounts beyond the showcase ones. */
  extraAccounts?: number;
}

export function demoAccounts(options: DemoOptions): DemoAccount[] {
  const rand = seededRandom(options.seed ?? DEMO_SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const accounts = [...SHOWCASE];
  const names = new Set(accounts.map((a) => a.name));
  while (accounts.length < SHOWCASE.length + (options.extraAccounts ?? 40)) {
    const [first, second, [suffix, tld]] = [pick(FIRST), pick(SECOND), pick(SUFFIX)];
    const name = `${first} ${second} ${suffix}`;
    if (names.has(name)) continue;
    names.add(name);
    const archetype = ARCHETYPES[(accounts.length - SHOWCASE.length) % ARCHETYPES.length]!;
    accounts.push({ name, domain: `${first}${second}`.toLowerCase() + tld, contact: pick(['buyer', 'purchasing', 'orders', 'procurement']), archetype });
  }
  return accounts;
}

export function generateDemoCsv(options: DemoOptions): string {
  const rand = seededRandom((options.seed ?? DEMO_SEED) ^ 0x5bd1e995);
  const today = Math.floor(options.today / DAY) * DAY;
  const rows = demoAccounts(options).flatMap((account) => history(account, today, rand));
  return Papa.unparse({ fields: [...QUOTEWISE_COLUMNS], data: rows.map((row) => QUOTEWISE_COLUMNS.map((c) => row[c] ?? '')) }, { newline: '\n' });
}

function history(account: DemoAccount, today: number, rand: () => number): Row[] {
  const rows: Row[] = [];
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const money = (min: number, max: number) => (between(min * 100, max * 100) / 100).toFixed(2);
  const day = (daysAgo: number) => formatDate(today - daysAgo * DAY);
  let quoteNo = 0;
  const add = (daysAgo: number, type: string, fields: Row = {}) =>
    rows.push({ account: account.name, domain: account.domain, contact_email: `${account.contact}@${account.domain}`, date: day(daysAgo), type, currency: 'USD', ...fields });
  const quote = (daysAgo: number, amount: string, outcome: string | null, fields: Row = {}) => {
    const ref = `${account.domain.slice(0, 3).toUpperCase()}-${++quoteNo}`;
    add(daysAgo, 'quote', { amount, quote_ref: ref, ...fields });
    if (outcome) add(Math.max(0, daysAgo - between(3, 14)), 'quote_outcome', { quote_ref: ref, outcome });
    return ref;
  };
  const invoice = (daysAgo: number, amount: string, daysLate: number) =>
    add(daysAgo, 'invoice', { amount, due_date: day(daysAgo - 30), paid_date: daysAgo - 30 - daysLate > 0 ? day(daysAgo - 30 - daysLate) : '' });

  switch (account.archetype) {
    case 'healthy':
      for (let month = 11; month >= 0; month--) {
        const ago = month * 30 + between(1, 20);
        quote(ago + 10, money(4000, 20000), rand() < 0.8 ? 'won' : 'lost');
        const amount = money(5000, 25000);
        add(ago, 'order', { amount });
        if (month > 1) invoice(ago, amount, between(-5, 3));
      }
      add(between(30, 200), 'referral', { kind: 'reference_call', notes: 'Took a reference call for us' });
      add(between(20, 150), 'upsell', { kind: 'cross_sell', amount: money(3000, 9000), notes: 'Second plant started ordering' });
      add(between(10, 300), 'service', { minutes: String(between(15, 60)) });
      break;
    case 'watch': {
      // Buys now and then (twice this year: not repeat business yet), wins a third of its quotes, one invoice late,
      // no referrals or growth: worth working on.
      const history: [number, string, number | null][] = [[330, 'lost', null], [280, 'lost', null], [210, 'won', 10], [150, 'no_decision', null], [90, 'won', 2], [40, 'lost', null]];
      for (const [ago, outcome, daysLate] of history) {
        quote(ago + 10, money(3000, 9000), outcome);
        if (daysLate === null) continue;
        const amount = money(2500, 8000);
        add(ago, 'order', { amount });
        invoice(ago, amount, daysLate);
      }
      add(between(20, 200), 'service', { minutes: String(between(60, 180)), kind: 'support' });
      add(between(20, 200), 'service', { minutes: String(between(20, 60)), kind: 'order_change' });
      break;
    }
    case 'price-relationship': {
      const rival = COMPETITORS[between(0, COMPETITORS.length - 1)]!;
      let discount = 5;
      for (const ago of [320, 270, 220, 170, 120, 70, 30]) {
        const outcome = ago === 170 ? 'won' : ago <= 70 && ago > 30 ? 'lost_to_incumbent' : ago === 30 ? null : 'lost';
        const ref = quote(ago, money(8000, 12000), outcome, { discount_pct: String(discount), competitor: rival, competitor_price: money(6000, 7500) });
        if (ago <= 220) add(ago - 2, 'price_match', { quote_ref: ref, competitor: rival, competitor_price: money(5500, 7000), notes: `Asked us to match ${rival}` });
        discount += between(2, 4);
      }
      add(165, 'order', { amount: money(7000, 9000) });
      break;
    }
    case 'one-sided':
      for (const ago of [330, 180, 60]) add(ago, 'order', { amount: money(4000, 8000) });
      for (let i = 0; i < 10; i++) add(between(5, 340), 'service', { minutes: String(between(60, 150)), kind: 'support', notes: i === 0 ? 'Another configuration walkthrough' : '' });
      break;
    case 'engineering-without-volume':
      for (const ago of [300, 240, 170, 100, 45]) add(ago, 'engineering_change', { nre: 'no', notes: `Revision ${String.fromCharCode(65 + Math.floor(ago / 60))} of the custom bracket` });
      add(310, 'order', { amount: money(2000, 4000) });
      quote(20, money(1500, 3000), null);
      break;
    case 'slow-payer':
      for (const ago of [320, 260, 200, 140, 90]) {
        quote(ago + 12, money(5000, 15000), 'won');
        const amount = money(5000, 15000);
        add(ago, 'order', { amount });
        invoice(ago, amount, between(18, 45));
      }
      add(15, 'note', { notes: 'Promised payment "next week" again' });
      break;
    case 'squeaky-wheel':
      for (const ago of [300, 200, 100, 30]) add(ago, 'order', { amount: money(3000, 6000) });
      for (const kind of ['exception', 'order_change', 'dispute', 'exception', 'order_change', 'dispute', 'exception']) {
        add(between(5, 330), 'service', { minutes: String(between(30, 90)), kind });
      }
      break;
    case 'wrong-fit':
      for (let i = 0; i < 9; i++) {
        const ago = 20 + i * 35;
        const amount = money(120, 600);
        add(ago, 'order', { amount });
        invoice(ago, amount, 0);
      }
      add(100, 'referral', { kind: 'testimonial', notes: 'Lovely review on their site' });
      break;
    case 'new':
      add(between(5, 30), 'quote', { amount: money(2000, 6000), quote_ref: `${account.domain.slice(0, 3).toUpperCase()}-1` });
      add(between(1, 4), 'note', { notes: 'First call: evaluating suppliers' });
      break;
  }
  return rows;
}
