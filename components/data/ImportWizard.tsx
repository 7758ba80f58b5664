import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { badRowsCsv } from '@/lib/import/export';
import { QUOTEWISE_COLUMNS } from '@/lib/import/format';
import type { ImportedEvent, Analysis, ReadyRow } from '@/lib/import/parse';
import { DEAL_FIELDS, detectMapping, type Mapping, mappingFor, PRESET_IDS, presetLabel, type PresetId, unmappedColumns } from '@/lib/import/presets';
import type { Formats } from '@/lib/format';
import type { SlashDateOrder } from '@/lib/import/values';
import type { CsvWorker } from '@/lib/import/worker-client';
import { COLUMN_MEANINGS, TEMPLATE_FILE_NAME, templateCsv } from '@/lib/import/template';
import { importRows } from '@/lib/import/write';
import { downloadFile } from '../download';
import { useFormats } from '../formats';
import { FractionProgress } from './FractionProgress';
import { afterWrite, failureMessage, rowContext } from './flow';

type Stage =
  | { step: 'pick' }
  | { step: 'reading'; fileName: string }
  | { step: 'review'; fileName: string; headers: string[]; preset: PresetId | null; mapping: Mapping }
  | { step: 'importing'; fileName: string; progress: number }
  | { step: 'done'; message: string };

const PREVIEW_ROWS = 10;
const SHOWN_BAD_ROWS = 200;

/** Pick or drop a CSV, check the mapping, see the dry run, import in one transaction. */
export function ImportWizard({ db, worker }: { db: QuotewiseDB; worker: CsvWorker }) {
  const [stage, setStage] = useState<Stage>({ step: 'pick' });
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const cancelImport = useRef<AbortController | null>(null);
  // While health scores are recomputed after an import, a file the rep picks waits for the end of
  // it: opening it at once would have the end of the import replace its review (issue 15).
  const refreshing = useRef(false);
  const queuedFile = useRef<File | null>(null);
  const [queuedName, setQueuedName] = useState<string | null>(null);
  const queue = (file: File | null) => {
    queuedFile.current = file;
    setQueuedName(file?.name ?? null);
  };
  const f = useFormats();
  const mapping = stage.step === 'review' ? stage.mapping : null;

  const open = async (file: File) => {
    if (refreshing.current) return queue(file);
    setError(null);
    setAnalysis(null);
    setStage({ step: 'reading', fileName: file.name });
    try {
      const headers = await worker.read(await file.arrayBuffer());
      if (headers.length === 0) {
        setStage({ step: 'pick' });
        setError(`"${file.name}" is empty: there is no header row to read.`);
        return;
      }
      const detected = detectMapping(headers);
      setStage({ step: 'review', fileName: file.name, headers, ...detected });
    } catch (failure) {
      setStage({ step: 'pick' });
      setError(`Could not read "${file.name}": ${(failure as Error).message}`);
    }
  };

  // The dry run: every time the mapping changes, the worker checks every row again.
  useEffect(() => {
    if (!mapping) return;
    let current = true;
    setChecking(0);
    void (async () => {
      try {
        const result = await worker.analyse(mapping, await rowContext(db), (fraction) => current && setChecking(fraction));
        if (current) setAnalysis(result);
      } catch (failure) {
        if (current && (failure as Error).name !== 'AbortError') setError(`Could not check the file: ${(failure as Error).message}`);
      } finally {
        if (current) setChecking(null);
      }
    })();
    return () => {
      current = false;
    };
  }, [mapping]);

  const runImport = async () => {
    if (stage.step !== 'review' || !analysis) return;
    const controller = new AbortController();
    cancelImport.current = controller;
    setStage({ step: 'importing', fileName: stage.fileName, progress: 0 });
    try {
      const result = await importRows(db, analysis.rows, {
        now: Date.now(),
        signal: controller.signal,
        onProgress: (progress) => setStage({ step: 'importing', fileName: stage.fileName, progress }),
      });
      const parts = [`Imported ${f.plural(result.added, 'new event')} for ${f.plural(result.accountIds.length, 'account')}`];
      if (result.createdAccounts) parts.push(`${f.plural(result.createdAccounts, 'account')} created`);
      if (result.alreadyThere) parts.push(`${f.plural(result.alreadyThere, 'event')} were already there from an earlier import`);
      if (analysis.bad.length) parts.push(`${f.plural(analysis.bad.length, 'bad row')} skipped`);
      const message = `${parts.join('; ')}.`;
      // The events are saved; recomputing health for thousands of accounts can take a few seconds more.
      setStage({ step: 'done', message: result.accountIds.length ? `${message} Updating health scores…` : message });
      if (result.accountIds.length) {
        refreshing.current = true;
        try {
          await afterWrite(db, result.accountIds);
        } finally {
          refreshing.current = false;
        }
        setStage({ step: 'done', message: `${message} Health scores updated.` });
      }
      const next = queuedFile.current;
      queue(null);
      if (next) void open(next);
    } catch (failure) {
      const cancelled = (failure as Error).name === 'AbortError';
      const notOpened = queuedFile.current ? ` “${queuedFile.current.name}” was not opened: choose it again.` : '';
      queue(null);
      setStage({ step: 'review', fileName: stage.fileName, headers: stage.headers, preset: stage.preset, mapping: stage.mapping });
      setError(`${cancelled ? 'Import cancelled: nothing was saved.' : `The import failed and nothing was saved. ${failureMessage(failure)}`}${notOpened}`);
    } finally {
      cancelImport.current = null;
    }
  };

  const reset = () => {
    worker.cancel();
    setAnalysis(null);
    setError(null);
    setStage({ step: 'pick' });
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import history from a CSV file</h2>
      <p>
        A Quotewise events CSV (one row for each quote, order, invoice…; the columns are below, and the template has them all), or a deals
        export from HubSpot, a Salesforce opportunity report, or a pipeline file with <code>deal_stage</code>, <code>close_value</code>,{' '}
        <code>engage_date</code> and <code>close_date</code>. Nothing is saved until you press Import; importing the same file twice adds
        nothing.
      </p>
      <p>
        <button type="button" onClick={() => downloadFile(TEMPLATE_FILE_NAME, templateCsv(), 'text/csv;charset=utf-8')}>
          Download a template
        </button>{' '}
        <span class="hint">A CSV with every column and three example rows: fill it in with a spreadsheet, or import it as it is to try.</span>
      </p>
      <details class="columns">
        <summary>{`The columns of a Quotewise events CSV, and what each means (${f.number(QUOTEWISE_COLUMNS.length)})`}</summary>
        <p class="hint">Headers may be in any order and any case; leave out the columns you do not use.</p>
        <dl>
          {QUOTEWISE_COLUMNS.map((column) => (
            <div key={column}>
              <dt>
                <code>{column}</code>
              </dt>
              <dd>{COLUMN_MEANINGS[column]}</dd>
            </div>
          ))}
        </dl>
      </details>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {(stage.step === 'pick' || stage.step === 'done') && (
        <div
          class={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            const file = event.dataTransfer?.files[0];
            if (file) void open(file);
          }}
        >
          {stage.step === 'done' && <p role="status">{stage.message}</p>}
          {queuedName && <p role="status">{`“${queuedName}” opens when the health scores are updated.`}</p>}
          <label>
            Choose a CSV file, or drop it here
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) void open(file);
              }}
            />
          </label>
        </div>
      )}
      {stage.step === 'reading' && <p role="status">Reading “{stage.fileName}”…</p>}
      {stage.step === 'review' && (
        <Review
          stage={stage}
          analysis={analysis}
          checking={checking}
          onMapping={(next) => setStage({ ...stage, mapping: next })}
          onPreset={(preset) => setStage({ ...stage, preset, mapping: mappingFor(preset, stage.headers) })}
          onImport={() => void runImport()}
          onCancel={reset}
        />
      )}
      {stage.step === 'importing' && (
        <div>
          <FractionProgress label="Import progress" value={stage.progress}>
            Importing “{stage.fileName}”
          </FractionProgress>{' '}
          <button type="button" onClick={() => cancelImport.current?.abort()}>
            Cancel import
          </button>
        </div>
      )}
    </section>
  );
}

interface ReviewProps {
  stage: Extract<Stage, { step: 'review' }>;
  analysis: Analysis | null;
  checking: number | null;
  onMapping(mapping: Mapping): void;
  onPreset(preset: PresetId): void;
  onImport(): void;
  onCancel(): void;
}

function Review({ stage, analysis, checking, onMapping, onPreset, onImport, onCancel }: ReviewProps) {
  const { headers, mapping, preset, fileName } = stage;
  const f = useFormats();
  const fields: readonly string[] = mapping.shape === 'events' ? QUOTEWISE_COLUMNS : DEAL_FIELDS;
  const unknown = unmappedColumns(headers, mapping);
  const events = analysis?.rows.reduce((sum, row) => sum + row.events.length, 0) ?? 0;
  const setColumn = (field: string, index: number) => {
    const columns: Record<string, number> = { ...mapping.columns };
    if (index < 0) delete columns[field];
    else columns[field] = index;
    onMapping({ ...mapping, columns } as Mapping);
  };
  return (
    <div>
      <h3>“{fileName}”</h3>
      <p>
        <label>
          File format
          <select value={preset ?? ''} onChange={(event) => onPreset(event.currentTarget.value as PresetId)}>
            {preset === null && <option value="">{presetLabel(null)}</option>}
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {presetLabel(id)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Dates written with slashes are
          <select value={mapping.slashOrder} onChange={(event) => onMapping({ ...mapping, slashOrder: event.currentTarget.value as SlashDateOrder })}>
            <option value="mdy">month/day/year</option>
            <option value="dmy">day/month/year</option>
          </select>
        </label>
      </p>
      <details open={preset === null}>
        <summary>Column mapping ({f.plural(Object.keys(mapping.columns).length, 'field')} mapped)</summary>
        <table class="mapping">
          <thead>
            <tr>
              <th scope="col">Quotewise field</th>
              <th scope="col">Column in your file</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <th scope="row">
                  <label for={`map-${field}`}>{field}</label>
                </th>
                <td>
                  <select
                    id={`map-${field}`}
                    value={String((mapping.columns as Record<string, number>)[field] ?? -1)}
                    onChange={(event) => setColumn(field, Number(event.currentTarget.value))}
                  >
                    <option value="-1">— not in this file —</option>
                    {headers.map((header, index) => (
                      <option key={index} value={String(index)}>
                        {header || `(column ${index + 1})`}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {unknown.length > 0 && <p>Ignored columns (no field reads them): {unknown.join(', ')}.</p>}
      {checking !== null ? (
        <p>
          <FractionProgress label="Dry run progress" value={checking}>
            Checking every row
          </FractionProgress>{' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      ) : (
        analysis && (
          <>
            <p role="status">
              Dry run: {f.plural(analysis.rows.length, 'row')} ready ({f.plural(events, 'event')}), {f.plural(analysis.bad.length, 'bad row')}.
              {analysis.bad.length > 0 && ' Bad rows are skipped; fix them in the file and import it again to add them.'}
            </p>
            <Preview rows={analysis.rows.slice(0, PREVIEW_ROWS)} />
            {analysis.bad.length > 0 && <BadRows analysis={analysis} fileName={fileName} />}
            <p>
              <button type="button" class="primary" disabled={events === 0} onClick={onImport}>
                Import {f.plural(events, 'event')}
              </button>{' '}
              <button type="button" onClick={onCancel}>
                Choose another file
              </button>
            </p>
          </>
        )
      )}
    </div>
  );
}

function Preview({ rows }: { rows: ReadyRow[] }) {
  const f = useFormats();
  const lines = useMemo(() => rows.flatMap((row) => row.events.map((event) => ({ row, event }))).slice(0, PREVIEW_ROWS), [rows]);
  if (lines.length === 0) return <p>No row is ready to import.</p>;
  return (
    <table class="preview">
      <caption>The first rows, as they will be stored</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Account</th>
          <th scope="col">Date</th>
          <th scope="col">Event</th>
          <th scope="col">Amount</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {lines.map(({ row, event }) => (
          <tr key={event.id}>
            <td>{row.line}</td>
            <td>{[row.account.name, row.account.domain, row.account.email].filter(Boolean).join(' · ')}</td>
            <td class="nowrap">{f.day(event.at)}</td>
            <td>{event.type.replace('_', ' ')}</td>
            <td class="nowrap num">{amountOf(event, f)}</td>
            <td>{details(event, f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function amountOf(event: ImportedEvent, f: Formats): string {
  const money = (event.amount ?? event.competitorPrice) as { minor: number; currency: string } | undefined;
  return money ? f.money(money.minor, money.currency) : '';
}

function details(event: ImportedEvent, f: Formats): string {
  const fields: [string, unknown][] = [
    ['ref', event.quoteRef],
    ['outcome', event.outcome],
    ['competitor', event.competitor],
    ['discount', typeof event.discountPct === 'number' ? f.percent(event.discountPct / 100, 2) : undefined],
    ['due', typeof event.dueAt === 'number' ? f.day(event.dueAt) : undefined],
    ['paid', typeof event.paidAt === 'number' ? f.day(event.paidAt) : undefined],
    ['minutes', typeof event.minutes === 'number' ? f.number(event.minutes) : undefined],
    ['kind', event.kind],
    ['NRE', typeof event.nre === 'boolean' ? (event.nre ? 'yes' : 'no') : undefined],
    ['note', event.note],
  ];
  return fields
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('; ');
}

function BadRows({ analysis, fileName }: { analysis: Analysis; fileName: string }) {
  const f = useFormats();
  const shown = analysis.bad.slice(0, SHOWN_BAD_ROWS);
  return (
    <div>
      <table class="bad-rows">
        <caption>{f.plural(analysis.bad.length, 'bad row')}, with the reason each cannot be imported</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((bad) => (
            <tr key={bad.line}>
              <td>{bad.line}</td>
              <td>{bad.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {analysis.bad.length > SHOWN_BAD_ROWS && <p>…and {f.plural(analysis.bad.length - SHOWN_BAD_ROWS, 'more bad row')}.</p>}
      <button
        type="button"
        onClick={() =>
          downloadFile(
            `${fileName.replace(/\.[^.]+$/, '')}-bad-rows.csv`,
            badRowsCsv(analysis.bad),
            'text/csv',
          )
        }
      >
        Download the list of bad rows
      </button>
    </div>
  );
}
