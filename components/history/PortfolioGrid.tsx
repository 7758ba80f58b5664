import { memo } from 'preact/compat';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PortfolioRow, Sort, SortKey } from '@/lib/history/portfolio';
import { accountHref } from '@/lib/history/route';
import { useFormats } from '../formats';
import { bandClass } from './format';

export const ROW_HEIGHT = 36;
const OVERSCAN = 8;
/** Used before layout (and in DOM-less tests) when the body has no measured height yet. */
const FALLBACK_HEIGHT = 600;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Account' },
  { key: 'band', label: 'Band' },
  { key: 'score', label: 'Score', numeric: true },
  { key: 'warnings', label: 'Warnings' },
  { key: 'revenue', label: 'Revenue', numeric: true },
  { key: 'quoteToOrder', label: 'Quote → order', numeric: true },
  { key: 'daysLate', label: 'Days late', numeric: true },
  { key: 'lastActivity', label: 'Last activity' },
];

export interface PortfolioGridProps {
  rows: readonly PortfolioRow[];
  sort: Sort;
  onSort(key: SortKey): void;
  onOpen(accountId: string): void;
}

/**
 * The portfolio as an ARIA grid with row focus. Only the rows in view (and the
 * focused one) are in the DOM, so 10,000 accounts scroll like 30.
 * Keys: ↑ ↓ Page Up/Down Home End move, Enter opens the account.
 */
export function PortfolioGrid({ rows, sort, onSort, onOpen }: PortfolioGridProps) {
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const focusActive = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));

  const viewport = body.current?.clientHeight || FALLBACK_HEIGHT;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const visible: number[] = [];
  for (let i = first; i < last; i++) visible.push(i);
  if (rows.length && (activeIndex < first || activeIndex >= last)) visible.push(activeIndex);

  useLayoutEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    body.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const el = body.current;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setActive(i);
    focusActive.current = true;
    if (!el) return;
    const height = el.clientHeight || FALLBACK_HEIGHT;
    if (i * ROW_HEIGHT < el.scrollTop) el.scrollTop = i * ROW_HEIGHT;
    else if ((i + 1) * ROW_HEIGHT > el.scrollTop + height) el.scrollTop = (i + 1) * ROW_HEIGHT - height;
    setScrollTop(el.scrollTop);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((body.current?.clientHeight || FALLBACK_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const row = rows[activeIndex];
      if (row) onOpen(row.accountId);
    }
  };

  return (
    <div class="grid" role="grid" aria-label="Accounts" aria-rowcount={rows.length + 1} aria-colcount={COLUMNS.length}>
      <div role="rowgroup">
        <div class="grid-row grid-head" role="row" aria-rowindex={1}>
          {COLUMNS.map((column, i) => (
            <div
              key={column.key}
              role="columnheader"
              aria-colindex={i + 1}
              class={column.numeric ? 'num' : undefined}
              aria-sort={sort.key === column.key ? sort.direction : 'none'}
            >
              <button type="button" onClick={() => onSort(column.key)}>
                {column.label}
                <span aria-hidden="true">{sort.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </div>
          ))}
        </div>
      </div>
      <div
        class="grid-body"
        role="rowgroup"
        ref={body}
        onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {visible.map((i) => (
            <Row key={rows[i]!.accountId} row={rows[i]!} index={i} active={i === activeIndex} onOpen={onOpen} onFocusRow={setActive} />
          ))}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  row: PortfolioRow;
  index: number;
  active: boolean;
  onOpen(accountId: string): void;
  onFocusRow(index: number): void;
}

const Row = memo(function Row({ row, index, active, onOpen, onFocusRow }: RowProps) {
  const f = useFormats();
  return (
    <div
      class="grid-row"
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={active ? 0 : -1}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      onClick={() => onOpen(row.accountId)}
      onFocus={() => onFocusRow(index)}
    >
      <div role="gridcell" aria-colindex={1} title={row.domains.join(', ')}>
        <a href={accountHref(row.accountId)} tabIndex={-1}>
          {row.name}
        </a>
        {row.domains[0] && <span class="muted"> {row.domains[0]}</span>}
      </div>
      <div role="gridcell" aria-colindex={2} class={bandClass(row.band)}>
        {row.band}
      </div>
      <div role="gridcell" aria-colindex={3} class="num">
        {row.score === null ? '—' : f.number(row.score)}
      </div>
      <div role="gridcell" aria-colindex={4} title={row.warnings.join(', ')}>
        {row.warnings.length ? row.warnings.join(', ') : <span class="muted">none</span>}
      </div>
      <div role="gridcell" aria-colindex={5} class="num">
        {f.money(row.revenueMinor, row.currency)}
      </div>
      <div role="gridcell" aria-colindex={6} class="num">
        {row.quoteToOrderRate === null ? '—' : f.percent(row.quoteToOrderRate)}
      </div>
      <div role="gridcell" aria-colindex={7} class="num">
        {row.maxDaysLate === 0 ? 'on time' : `${f.number(row.maxDaysLate)} d`}
      </div>
      <div role="gridcell" aria-colindex={8}>
        {row.lastActivityAt === null ? '—' : f.day(row.lastActivityAt)}
      </div>
    </div>
  );
});
