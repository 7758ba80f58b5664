import { memo } from 'preact/compat';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PortfolioRow, Sort, SortKey } from '@/lib/history/portfolio';
import { accountHref } from '@/lib/history/route';
import { useFormats } from '../formats';
import { bandClass } from './format';

export const ROW_HEIGHT = 36;
const OVERSCAN = 8;
/** Used before layout (and in DOM-less tests) when the body has no measured height yet. */
const FALLBACK_HEIGHT = 600;

interface Column {
  key: SortKey;
  label: string;
  numeric?: boolean;
  /** The track in grid-template-columns, and the least width it needs (px). */
  track: string;
  min: number;
}

const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Account', track: 'minmax(120px, 2fr)', min: 120 },
  { key: 'band', label: 'Band', track: '110px', min: 110 },
  { key: 'score', label: 'Score', numeric: true, track: '60px', min: 60 },
  { key: 'warnings', label: 'Warnings', track: 'minmax(110px, 1.5fr)', min: 110 },
  { key: 'revenue', label: 'Revenue', numeric: true, track: '110px', min: 110 },
  { key: 'quoteToOrder', label: 'Quote → order', numeric: true, track: '110px', min: 110 },
  { key: 'daysLate', label: 'Days late', numeric: true, track: '80px', min: 80 },
  { key: 'lastActivity', label: 'Last activity', track: '110px', min: 110 },
];
/** The order columns are given up in as the grid narrows: the last first. */
const PRIORITY: readonly SortKey[] = ['name', 'band', 'warnings', 'score', 'lastActivity', 'revenue', 'quoteToOrder', 'daysLate'];
/** The narrowest grid: the account, its band and score in one column, its warnings. */
const NARROW: readonly Column[] = [
  { key: 'name', label: 'Account', track: 'minmax(100px, 1fr)', min: 100 },
  { key: 'band', label: 'Band', track: '92px', min: 92 },
  { key: 'warnings', label: 'Warnings', track: 'minmax(100px, 1.2fr)', min: 100 },
];
const GAP = 8;
const PADDING = 16;

/**
 * The columns that fit a grid this wide (px), in display order: as many as fit, by priority.
 * Below the width of account, band, score and warnings, the score goes into the band's column.
 * Width 0 (not laid out yet, or no DOM) shows every column.
 */
export function columnsFor(width: number): readonly Column[] {
  if (width <= 0) return COLUMNS;
  const fits = (keys: ReadonlySet<SortKey>) => {
    const cols = COLUMNS.filter((c) => keys.has(c.key));
    return cols.reduce((sum, c) => sum + c.min, 0) + GAP * (cols.length - 1) + PADDING <= width;
  };
  const chosen = new Set<SortKey>();
  for (const key of PRIORITY) {
    const next = new Set(chosen).add(key);
    if (!fits(next)) break;
    chosen.add(key);
  }
  if (!chosen.has('score')) return NARROW;
  return COLUMNS.filter((c) => chosen.has(c.key));
}

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
  const grid = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = grid.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const columns = useMemo(() => columnsFor(width), [width]);
  const template = columns.map((c) => c.track).join(' ');
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
    <div class="grid" ref={grid} role="grid" aria-label="Accounts" aria-rowcount={rows.length + 1} aria-colcount={columns.length}>
      <div role="rowgroup">
        <div class="grid-row grid-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((column, i) => (
            <div
              key={column.key}
              role="columnheader"
              aria-colindex={i + 1}
              class={column.numeric ? 'num' : undefined}
              aria-sort={sort.key === column.key ? sort.direction : 'none'}
            >
              <button type="button" onClick={() => onSort(column.key)}>
                {column.label}
                {columns === NARROW && column.key === 'band' && <span class="sr-only">, score</span>}
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
            <Row key={rows[i]!.accountId} row={rows[i]!} index={i} active={i === activeIndex} columns={columns} template={template} onOpen={onOpen} onFocusRow={setActive} />
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
  columns: readonly Column[];
  template: string;
  onOpen(accountId: string): void;
  onFocusRow(index: number): void;
}

const Row = memo(function Row({ row, index, active, columns, template, onOpen, onFocusRow }: RowProps) {
  const f = useFormats();
  const narrow = columns === NARROW;
  const cell = (key: SortKey) => {
    switch (key) {
      case 'name':
        return (
          <>
            <a href={accountHref(row.accountId)} tabIndex={-1}>
              {row.name}
            </a>
            {/* In the side panel the domain gives its room to the warnings (it stays in the cell's title). */}
            {row.domains[0] && !narrow && <span class="muted"> {row.domains[0]}</span>}
          </>
        );
      case 'band':
        return narrow && row.score !== null ? `${row.band} · ${f.number(row.score)}` : row.band;
      case 'score':
        return row.score === null ? '—' : f.number(row.score);
      case 'warnings':
        return row.warnings.length ? row.warnings.join(', ') : <span class="muted">none</span>;
      case 'revenue':
        return f.money(row.revenueMinor, row.currency);
      case 'quoteToOrder':
        return row.quoteToOrderRate === null ? '—' : f.percent(row.quoteToOrderRate);
      case 'daysLate':
        return row.maxDaysLate === 0 ? 'on time' : `${f.number(row.maxDaysLate)} d`;
      case 'lastActivity':
        return row.lastActivityAt === null ? '—' : f.day(row.lastActivityAt);
    }
  };
  const title = (key: SortKey) => (key === 'name' ? row.domains.join(', ') : key === 'warnings' ? row.warnings.join(', ') : undefined);
  return (
    <div
      class="grid-row"
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={active ? 0 : -1}
      style={{ top: `${index * ROW_HEIGHT}px`, gridTemplateColumns: template }}
      onClick={() => onOpen(row.accountId)}
      onFocus={() => onFocusRow(index)}
    >
      {columns.map((column, i) => (
        <div
          key={column.key}
          role="gridcell"
          aria-colindex={i + 1}
          title={title(column.key)}
          class={column.key === 'band' ? bandClass(row.band) : column.numeric ? 'num' : undefined}
        >
          {cell(column.key)}
        </div>
      ))}
    </div>
  );
});
