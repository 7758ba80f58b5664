import Papa from 'papaparse';
import { IMPORTED_ID_PREFIX } from './format';
import { stableHash } from './hash';
import { type AccountKey, type EventDraft, mapRow, type RowContext } from './map-row';
import { unmappedColumns, type Mapping } from './presets';

/** An event ready to store, but for its account: `id` is stable for the same row of the same file. */
export type ImportedEvent = EventDraft & { id: string };

export interface ReadyRow {
  /** The line of the file where the record starts (the header is line 1). */
  line: number;
  account: AccountKey;
  events: ImportedEvent[];
}

export interface BadRow {
  line: number;
  reason: string;
}

export interface Analysis {
  headers: string[];
  /** Columns no field reads: reported, then ignored. */
  unknownColumns: string[];
  rows: ReadyRow[];
  bad: BadRow[];
}

/**
 * Bytes to text. A byte-order mark picks the encoding (UTF-8, UTF-16 LE or BE,
 * as Excel's "CSV UTF-8" and "Unicode text" write them) and is dropped; with no
 * mark the file is read as UTF-8.
 */
export function decodeCsv(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * The widest file the importer reads. Quotewise maps at most 20 of a file's columns, so 500 leaves
 * a CRM export with many extra columns room; far past it, the mapping step alone would list every
 * column beside each field (20,000 columns: 380,000 options, and a frozen page; issue 15).
 */
export const MAX_COLUMNS = 500;

/**
 * The header record: the first record of the file with any text in it. A header wider than
 * MAX_COLUMNS is refused here, in the worker, before the page builds anything for it.
 */
export function readHeaders(text: string): string[] {
  let headers: string[] = [];
  Papa.parse<string[]>(stripBom(text), {
    step: (result, parser) => {
      if (result.data.some((cell) => cell.trim())) {
        headers = result.data;
        parser.abort();
      }
    },
  });
  if (headers.length > MAX_COLUMNS) {
    throw new Error(
      `it has ${headers.length} columns, and Quotewise reads files of up to ${MAX_COLUMNS}. Is it the right file? If so, delete the columns you do not need (keep the account, date and type columns, or your CRM's deal columns) and choose it again.`,
    );
  }
  return headers;
}

export interface AnalyseOptions {
  /** Called every few thousand records with the share of the text read, 0..1. */
  onProgress?: (fraction: number) => void;
}

/**
 * The dry run: parse every record (Papa Parse, streaming record by record),
 * map it with `mapping`, and give each ready row stable event ids. Nothing is
 * written. Runs in a worker in the extension (lib/import/worker.ts).
 */
export function analyseCsv(source: string, mapping: Mapping, context: RowContext, options: AnalyseOptions = {}): Analysis {
  const text = stripBom(source);
  const analysis: Analysis = { headers: [], unknownColumns: [], rows: [], bad: [] };
  const seen = new Map<string, number>();
  let headerFound = false;
  let consumed = 0;
  let line = 1;
  let records = 0;

  Papa.parse<string[]>(text, {
    step: (result) => {
      const cursor = result.meta.cursor;
      const startLine = line;
      line += countLineBreaks(text, result.meta.linebreak || '\n', consumed, cursor);
      consumed = cursor;
      const cells = result.data;
      if (!cells.some((cell) => cell.trim())) return;
      if (!headerFound) {
        headerFound = true;
        analysis.headers = cells;
        analysis.unknownColumns = unmappedColumns(cells, mapping);
        return;
      }
      if (++records % 5000 === 0) options.onProgress?.(cursor / text.length);
      const broken = result.errors.find((error) => error.type === 'Quotes');
      if (broken) {
        analysis.bad.push({ line: startLine, reason: 'unclosed quote: a quoted cell never ends, so the rest of the file is one cell' });
        return;
      }
      const mapped = mapRow(cells, mapping, context);
      if (!mapped.ok) {
        analysis.bad.push({ line: startLine, reason: mapped.reason });
        return;
      }
      analysis.rows.push({ line: startLine, account: mapped.account, events: withIds(mapped.account, mapped.events, seen) });
    },
  });
  options.onProgress?.(1);
  return analysis;
}

/**
 * Ids from the row's content (normalised: dates as instants, money in minor
 * units) plus how many identical rows came before it in the file, so two equal
 * service calls on one day stay two events, and re-importing the file adds none.
 */
function withIds(account: AccountKey, drafts: EventDraft[], seen: Map<string, number>): ImportedEvent[] {
  const content = stableHash(JSON.stringify([account, drafts]));
  const occurrence = seen.get(content) ?? 0;
  seen.set(content, occurrence + 1);
  const rowKey = `${content}${occurrence ? `.${occurrence}` : ''}`;
  // A quote with no reference (and, for a CRM deal, its outcome) gets one from the row, so they stay linked.
  const quoteRef = drafts[0]!.type === 'quote' && !drafts[0]!.quoteRef ? `Q-${rowKey.slice(0, 10).toUpperCase()}` : undefined;
  return drafts.map((draft, index) => ({
    ...draft,
    ...(quoteRef && (draft.type === 'quote' || draft.type === 'quote_outcome') ? { quoteRef } : {}),
    id: `${IMPORTED_ID_PREFIX}${rowKey}${drafts.length > 1 ? `-${index}` : ''}`,
  }));
}

/** Line breaks as the file writes them (Papa Parse detects \r\n, \n or a lone \r). */
function countLineBreaks(text: string, linebreak: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(linebreak, from); i !== -1 && i < to; i = text.indexOf(linebreak, i + linebreak.length)) count++;
  return count;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
