import { recent, type LateBar, type MonthBar, type PricePoint } from '@/lib/history/charts';
import { useFormats } from '../formats';

/**
 * Small SVG charts (no chart library: three fixed shapes, no interaction beyond
 * reading, and nothing here needs more than a scale). Each has a text summary as
 * its accessible name and the full data in a visually hidden table.
 */
const W = 480;
const H = 180;
const PAD = { top: 12, right: 36, bottom: 24, left: 48 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;

const MAX_BAR = 24;

/** y for a value on a 0..max axis. */
function scale(max: number): (v: number) => number {
  const top = max > 0 ? max : 1;
  return (v) => PAD.top + plotH - (v / top) * plotH;
}

/** y for a value on a min..max axis with some room around it (prices: the change is what matters, not the distance from zero). */
function rangeScale(min: number, max: number): (v: number) => number {
  const room = (max - min) * 0.1 || Math.abs(max) * 0.1 || 1;
  const lo = min - room;
  const hi = max + room;
  return (v) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
}

function Frame({ label, children, table }: { label: string; children: preact.ComponentChildren; table: preact.ComponentChildren }) {
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line class="axis" x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} />
        {children}
      </svg>
      <div class="sr-only">{table}</div>
    </figure>
  );
}

function Empty({ title, text }: { title: string; text: string }) {
  return (
    <section class="card" aria-label={title}>
      <h3>{title}</h3>
      <p class="muted">{text}</p>
    </section>
  );
}

export function PriceChart({ points: all, currency, otherCurrency }: { points: readonly PricePoint[]; currency: string | null; otherCurrency: number }) {
  const title = 'Quoted price and discount';
  const f = useFormats();
  if (!currency || all.length === 0) return <Empty title={title} text="No quotes yet. Log quotes to see how the price moves." />;
  const { shown: points, omitted } = recent(all);
  const amounts = points.map((p) => p.minor);
  const y = rangeScale(Math.min(...amounts), Math.max(...amounts));
  const yPct = scale(Math.max(1, ...points.map((p) => p.discountPct ?? 0)));
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const line = (get: (p: PricePoint) => number | null, sy: (v: number) => number) =>
    points.flatMap((p, i) => (get(p) === null ? [] : [`${x(i)},${sy(get(p)!)}`])).join(' ');
  const matches = points.filter((p) => p.priceMatch).length;
  const firstP = points[0]!;
  const lastP = points[points.length - 1]!;
  const pct = (discount: number) => f.percent(discount / 100, 2);
  const topDiscount = Math.max(1, ...points.map((p) => p.discountPct ?? 0));
  const label =
    `${title}: ${omitted ? `the last ${f.number(points.length)} of ${f.plural(all.length, 'quote')}` : f.plural(points.length, 'quote')} in ${currency}, from ${f.money(firstP.minor, currency)} to ${f.money(lastP.minor, currency)}` +
    `${firstP.discountPct !== null && lastP.discountPct !== null ? `; discount from ${pct(firstP.discountPct)} to ${pct(lastP.discountPct)}` : ''}` +
    `; ${f.number(matches)} with a price-match request.${otherCurrency ? ` ${f.plural(otherCurrency, 'quote')} in other currencies not shown.` : ''}`;
  return (
    <section class="card" aria-label={title}>
      <h3>{title}</h3>
      <Frame
        label={label}
        table={
          <table>
            <caption>{title}</caption>
            <thead>
              <tr><th>Date</th><th>Quote</th><th>Amount</th><th>Discount</th><th>Price-match request</th></tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.quoteRef}>
                  <td>{f.day(p.at)}</td><td>{p.quoteRef}</td><td>{f.money(p.minor, currency)}</td><td>{p.discountPct === null ? '' : pct(p.discountPct)}</td><td>{p.priceMatch ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <text x={4} y={y(Math.max(...amounts)) + 3}>{f.money(Math.max(...amounts), currency)}</text>
        {Math.min(...amounts) !== Math.max(...amounts) && <text x={4} y={y(Math.min(...amounts)) + 3}>{f.money(Math.min(...amounts), currency)}</text>}
        <text x={W - PAD.right + 4} y={PAD.top + 8}>{pct(topDiscount)}</text>
        <polyline points={line((p) => p.minor, y)} fill="none" stroke="var(--chart-a)" stroke-width={2} />
        <polyline points={line((p) => p.discountPct, yPct)} fill="none" stroke="var(--chart-b)" stroke-width={1.5} stroke-dasharray="4 3" />
        {points.map((p, i) => (
          <g key={p.quoteRef}>
            <circle cx={x(i)} cy={y(p.minor)} r={3} fill="var(--chart-a)" />
            {p.priceMatch && <path d={`M${x(i)} ${y(p.minor) - 12} l5 8 h-10 z`} fill="var(--chart-c)" data-price-match="" />}
          </g>
        ))}
      </Frame>
      <p class="muted">Solid: price. Dashed: discount. ▲ price-match request.</p>
    </section>
  );
}

export function QuotesOrdersChart({ bars }: { bars: readonly MonthBar[] }) {
  const title = 'Quotes and orders per month';
  const f = useFormats();
  const quotes = bars.reduce((n, b) => n + b.quotes, 0);
  const orders = bars.reduce((n, b) => n + b.orders, 0);
  if (quotes + orders === 0) return <Empty title={title} text={`No quotes or orders in the last ${bars.length} months.`} />;
  const y = scale(Math.max(...bars.map((b) => Math.max(b.quotes, b.orders))));
  const slot = plotW / bars.length;
  const bw = Math.min(MAX_BAR / 2, Math.max(2, slot / 2 - 2));
  const label = `${title}: ${f.plural(quotes, 'quote')} and ${f.plural(orders, 'order')} over ${f.plural(bars.length, 'month')}, ${f.month(bars[0]!.month)} to ${f.month(bars[bars.length - 1]!.month)}.`;
  return (
    <section class="card" aria-label={title}>
      <h3>{title}</h3>
      <Frame
        label={label}
        table={
          <table>
            <caption>{title}</caption>
            <thead><tr><th>Month</th><th>Quotes</th><th>Orders</th></tr></thead>
            <tbody>{bars.map((b) => <tr key={b.month}><td>{f.month(b.month)}</td><td>{f.number(b.quotes)}</td><td>{f.number(b.orders)}</td></tr>)}</tbody>
          </table>
        }
      >
        {bars.map((b, i) => (
          <g key={b.month}>
            <rect x={PAD.left + i * slot + 1} y={y(b.quotes)} width={bw} height={PAD.top + plotH - y(b.quotes)} fill="var(--chart-a)" data-bar="quotes" />
            <rect x={PAD.left + i * slot + 1 + bw} y={y(b.orders)} width={bw} height={PAD.top + plotH - y(b.orders)} fill="var(--chart-b)" data-bar="orders" />
            {i % 3 === 0 && <text x={PAD.left + i * slot} y={H - 6}>{f.month(b.month)}</text>}
          </g>
        ))}
      </Frame>
      <p class="muted">Blue: quotes. Green: orders.</p>
    </section>
  );
}

export function DaysLateChart({ bars: all, lateAfterDays }: { bars: readonly LateBar[]; lateAfterDays: number }) {
  const title = 'Days past terms per invoice';
  const f = useFormats();
  const { shown: bars, omitted } = recent(all);
  if (bars.length === 0) return <Empty title={title} text="No invoice is due yet. Log invoices with their due dates to see payment habits." />;
  const worst = Math.max(...bars.map((b) => b.daysLate));
  const y = scale(Math.max(worst, lateAfterDays));
  const slot = plotW / bars.length;
  const late = bars.filter((b) => b.daysLate > lateAfterDays).length;
  const label = `${title}: ${omitted ? `the last ${f.number(bars.length)} of ${f.plural(all.length, 'invoice')}` : f.plural(bars.length, 'invoice')}, ${f.number(late)} more than ${f.plural(lateAfterDays, 'day')} late, worst ${f.plural(worst, 'day')}.`;
  return (
    <section class="card" aria-label={title}>
      <h3>{title}</h3>
      <Frame
        label={label}
        table={
          <table>
            <caption>{title}</caption>
            <thead><tr><th>Invoice</th><th>Due</th><th>Days late</th><th>Paid</th></tr></thead>
            <tbody>{bars.map((b, i) => <tr key={i}><td>{b.invoiceRef ?? `Invoice of ${f.day(b.at)}`}</td><td>{f.day(b.dueAt)}</td><td>{f.number(b.daysLate)}</td><td>{b.unpaid ? 'not yet' : 'yes'}</td></tr>)}</tbody>
          </table>
        }
      >
        <line class="axis" x1={PAD.left} x2={PAD.left + plotW} y1={y(lateAfterDays)} y2={y(lateAfterDays)} stroke-dasharray="4 3" />
        <text x={4} y={y(lateAfterDays) + 3}>{lateAfterDays} d</text>
        {bars.map((b, i) => (
          <rect key={i} x={PAD.left + i * slot + (slot - Math.min(MAX_BAR, Math.max(2, slot - 2))) / 2} y={y(b.daysLate)} width={Math.min(MAX_BAR, Math.max(2, slot - 2))} height={PAD.top + plotH - y(b.daysLate)} fill={b.daysLate > lateAfterDays ? 'var(--chart-c)' : 'var(--chart-b)'} data-bar="invoice" />
        ))}
      </Frame>
      <p class="muted">Dashed line: {lateAfterDays} days, the limit your definition allows.</p>
    </section>
  );
}
