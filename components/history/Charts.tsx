import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { recent, type LateBar, type MonthBar, type PricePoint } from '@/lib/history/charts';
import { useFormats } from '../formats';

/**
 * Small SVG charts, hand-written. Each is drawn at its rendered width (one SVG unit is one CSS
 * pixel, so labels are as large on the 400 px side panel as in a tab), has a text summary as its
 * accessible name and the full data in a visually hidden table. Each point or bar is a focusable
 * mark (one Tab stop per chart, arrow keys move) named with its date and value, and hovering or
 * focusing it shows the same text in a tooltip.
 *
 * No chart library: uPlot (the well-kept small one) draws on a canvas, so its points could not be
 * focused or named and the accessible layer here would still be needed on top of it; what the
 * three fixed shapes need beyond that layer is a scale.
 */
const FALLBACK_W = 480;
const H = 180;
const PAD = { top: 14, right: 44, bottom: 26, left: 86 };
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

/** The chart's rendered width in CSS pixels (FALLBACK_W before layout). */
function useWidth(): [preact.RefObject<HTMLElement>, number] {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(Math.round(el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width > 0 ? width : FALLBACK_W];
}

/** A point or bar the rep can hover or focus: its name says the date and the value. */
export interface Mark {
  key: string | number;
  /** Where the tooltip points (the point, or the top of the bar). */
  x: number;
  y: number;
  text: string;
  /** A bar's hit area; without one the mark is a circle around (x, y). */
  box?: { x: number; y: number; width: number; height: number };
}

function Frame({
  label,
  width,
  figure,
  children,
  table,
  marks,
}: {
  label: string;
  width: number;
  figure: preact.RefObject<HTMLElement>;
  children: preact.ComponentChildren;
  table: preact.ComponentChildren;
  marks: readonly Mark[];
}) {
  const [active, setActive] = useState(marks.length - 1);
  const [shown, setShown] = useState<number | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const current = Math.max(0, Math.min(marks.length - 1, active));
  const move = (i: number) => {
    const next = Math.max(0, Math.min(marks.length - 1, i));
    setActive(next);
    svg.current?.querySelector<SVGElement>(`[data-mark="${next}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const to: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: marks.length - 1 };
    if (!(event.key in to)) return;
    event.preventDefault();
    move(to[event.key]!);
  };
  const tip = shown === null ? null : marks[shown];
  const plotW = width - PAD.left - PAD.right;
  return (
    <figure class="chart" ref={figure as preact.RefObject<HTMLElement>} onMouseLeave={() => setShown(null)}>
      <svg ref={svg} viewBox={`0 0 ${width} ${H}`} width={width} height={H} role="group" aria-label={label} onKeyDown={onKeyDown}>
        <line class="axis" x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} />
        {children}
        {marks.map((m, i) => {
          const common = {
            class: 'mark',
            'data-mark': i,
            role: 'img' as const,
            'aria-label': m.text,
            tabindex: i === current ? 0 : -1,
            onFocus: () => {
              setActive(i);
              setShown(i);
            },
            onBlur: () => setShown(null),
            onMouseEnter: () => setShown(i),
          };
          return m.box ? (
            <rect key={m.key} {...common} x={m.box.x} y={m.box.y} width={m.box.width} height={m.box.height} />
          ) : (
            <circle key={m.key} {...common} cx={m.x} cy={m.y} r={7} />
          );
        })}
      </svg>
      {tip && (
        <div class="chart-tip" aria-hidden="true" style={{ left: `${Math.max(110, Math.min(width - 110, tip.x))}px`, top: `${tip.y}px` }}>
          {tip.text}
        </div>
      )}
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
  const [figure, W] = useWidth();
  const plotW = W - PAD.left - PAD.right;
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
  const marks: Mark[] = points.map((p, i) => ({
    key: p.quoteRef,
    x: x(i),
    y: y(p.minor),
    text: `${f.day(p.at)}, ${p.quoteRef}: ${f.money(p.minor, currency)}${p.discountPct === null ? '' : `, ${pct(p.discountPct)} discount`}${p.priceMatch ? ', price-match request' : ''}`,
  }));
  return (
    <section class="card" aria-label={title}>
      <h3>{title}</h3>
      <Frame
        label={label}
        width={W}
        figure={figure}
        marks={marks}
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
        <text x={4} y={y(Math.max(...amounts)) + 4}>{f.money(Math.max(...amounts), currency)}</text>
        {Math.min(...amounts) !== Math.max(...amounts) && <text x={4} y={y(Math.min(...amounts)) + 4}>{f.money(Math.min(...amounts), currency)}</text>}
        <text x={W - PAD.right + 4} y={PAD.top + 10}>{pct(topDiscount)}</text>
        <polyline points={line((p) => p.minor, y)} fill="none" stroke="var(--chart-a)" stroke-width={2} />
        <polyline points={line((p) => p.discountPct, yPct)} fill="none" stroke="var(--chart-b)" stroke-width={1.5} stroke-dasharray="4 3" />
        {points.map((p, i) => (
          <g key={p.quoteRef}>
            <circle cx={x(i)} cy={y(p.minor)} r={3} fill="var(--chart-a)" data-point="" />
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
  const [figure, W] = useWidth();
  const plotW = W - PAD.left - PAD.right;
  if (quotes + orders === 0) return <Empty title={title} text={`No quotes or orders in the last ${bars.length} months.`} />;
  const y = scale(Math.max(...bars.map((b) => Math.max(b.quotes, b.orders))));
  const slot = plotW / bars.length;
  const bw = Math.min(MAX_BAR / 2, Math.max(2, slot / 2 - 2));
  // A month label is about 60 px wide at 12 px: label every month that leaves room for it.
  const every = Math.max(1, Math.ceil(64 / slot));
  const marks: Mark[] = bars.map((b, i) => ({
    key: b.month,
    x: PAD.left + i * slot + slot / 2,
    y: y(Math.max(b.quotes, b.orders)),
    text: `${f.month(b.month)}: ${f.plural(b.quotes, 'quote')}, ${f.plural(b.orders, 'order')}`,
    box: { x: PAD.left + i * slot, y: PAD.top, width: slot, height: plotH },
  }));
  const label = `${title}: ${f.plural(quotes, 'quote')} and ${f.plural(orders, 'order')} over ${f.plural(bars.length, 'month')}, ${f.month(bars[0]!.month)} to ${f.month(bars[bars.length - 1]!.month)}.`;
  return (
    <section class="card" aria-label={title}>
      <h3>{title}</h3>
      <Frame
        label={label}
        width={W}
        figure={figure}
        marks={marks}
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
            {i % every === 0 && <text x={PAD.left + i * slot} y={H - 8}>{f.month(b.month)}</text>}
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
  const [figure, W] = useWidth();
  const plotW = W - PAD.left - PAD.right;
  if (bars.length === 0) return <Empty title={title} text="No invoice is due yet. Log invoices with their due dates to see payment habits." />;
  const worst = Math.max(...bars.map((b) => b.daysLate));
  const y = scale(Math.max(worst, lateAfterDays));
  const slot = plotW / bars.length;
  const late = bars.filter((b) => b.daysLate > lateAfterDays).length;
  const barW = Math.min(MAX_BAR, Math.max(2, slot - 2));
  const marks: Mark[] = bars.map((b, i) => ({
    key: i,
    x: PAD.left + i * slot + slot / 2,
    y: y(b.daysLate),
    text: `${b.invoiceRef ?? `Invoice of ${f.day(b.at)}`}, due ${f.day(b.dueAt)}: ${f.plural(b.daysLate, 'day')} late${b.unpaid ? ', not paid yet' : ''}`,
    box: { x: PAD.left + i * slot, y: PAD.top, width: slot, height: plotH },
  }));
  const label = `${title}: ${omitted ? `the last ${f.number(bars.length)} of ${f.plural(all.length, 'invoice')}` : f.plural(bars.length, 'invoice')}, ${f.number(late)} more than ${f.plural(lateAfterDays, 'day')} late, worst ${f.plural(worst, 'day')}.`;
  return (
    <section class="card" aria-label={title}>
      <h3>{title}</h3>
      <Frame
        label={label}
        width={W}
        figure={figure}
        marks={marks}
        table={
          <table>
            <caption>{title}</caption>
            <thead><tr><th>Invoice</th><th>Due</th><th>Days late</th><th>Paid</th></tr></thead>
            <tbody>{bars.map((b, i) => <tr key={i}><td>{b.invoiceRef ?? `Invoice of ${f.day(b.at)}`}</td><td>{f.day(b.dueAt)}</td><td>{f.number(b.daysLate)}</td><td>{b.unpaid ? 'not yet' : 'yes'}</td></tr>)}</tbody>
          </table>
        }
      >
        <line class="axis" x1={PAD.left} x2={PAD.left + plotW} y1={y(lateAfterDays)} y2={y(lateAfterDays)} stroke-dasharray="4 3" />
        <text x={4} y={y(lateAfterDays) + 4}>{f.plural(lateAfterDays, 'day')}</text>
        {bars.map((b, i) => (
          <rect key={i} x={PAD.left + i * slot + (slot - barW) / 2} y={y(b.daysLate)} width={barW} height={PAD.top + plotH - y(b.daysLate)} fill={b.daysLate > lateAfterDays ? 'var(--chart-c)' : 'var(--chart-b)'} data-bar="invoice" />
        ))}
      </Frame>
      <p class="muted">Dashed line: {lateAfterDays} days, the limit your definition allows.</p>
    </section>
  );
}
