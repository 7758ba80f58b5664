import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupPanel } from '@/components/data/BackupPanel';
import { afterWrite } from '@/components/data/flow';
import { ImportWizard } from '@/components/data/ImportWizard';
import { backupToJson, exportBackup } from '@/lib/backup/backup';
import { createAccount } from '@/lib/db/accounts';
import type { QuotewiseDB } from '@/lib/db/db';
import { recordEvents } from '@/lib/db/events';
import type { RowContext } from '@/lib/import/map-row';
import { analyseCsv, decodeCsv, MAX_COLUMNS, readHeaders } from '@/lib/import/parse';
import type { Mapping } from '@/lib/import/presets';
import type { CsvWorker } from '@/lib/import/worker-client';
import { freshDb, NOW } from './helpers';

// The health refresh after a write, held open by each test to look at the page meanwhile.
vi.mock('@/components/data/flow', async (original) => ({ ...(await original<typeof import('@/components/data/flow')>()), afterWrite: vi.fn() }));

let db: QuotewiseDB;
let endRefresh: () => void;
beforeEach(async () => {
  db = await freshDb();
  vi.mocked(afterWrite).mockImplementation(() => new Promise<void>((resolve) => (endRefresh = resolve)));
});
afterEach(cleanup);

/** The CSV worker's work, on the test's thread: the same parse functions as lib/import/worker.ts. */
class InlineCsvWorker {
  private text = '';
  async read(source: ArrayBuffer | string): Promise<string[]> {
    this.text = typeof source === 'string' ? source : decodeCsv(new Uint8Array(source));
    return readHeaders(this.text);
  }
  async analyse(mapping: Mapping, context: RowContext) {
    return analyseCsv(this.text, mapping, context);
  }
  cancel(): void {}
}

function pick(label: RegExp | string, file: File): void {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}
const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

describe('import: wide files (issue 15)', () => {
  it(`refuses a file of more than ${MAX_COLUMNS} columns with a clear message, before any column mapping`, async () => {
    render(<ImportWizard db={db} worker={new InlineCsvWorker() as unknown as CsvWorker} />);
    const header = Array.from({ length: 20_000 }, (_, index) => `c${index}`).join(',');
    pick('Choose a CSV file, or drop it here', csv('wide.csv', `${header}\n${'1,'.repeat(19_999)}1\n`));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Could not read "wide.csv": it has 20000 columns, and Quotewise reads files of up to 500. Is it the right file? If so, delete the columns you do not need (keep the account, date and type columns, or your CRM\'s deal columns) and choose it again.',
    );
    expect(document.querySelectorAll('select, option')).toHaveLength(0);
    expect(screen.getByLabelText('Choose a CSV file, or drop it here')).toBeTruthy();
  });

  it(`reads a file of exactly ${MAX_COLUMNS} columns`, async () => {
    const headers = ['account', 'date', 'type', ...Array.from({ length: MAX_COLUMNS - 3 }, (_, index) => `extra${index}`)];
    expect(await new InlineCsvWorker().read(`${headers.join(',')}\nAcme,2026-01-01,note\n`)).toHaveLength(MAX_COLUMNS);
    await expect(new InlineCsvWorker().read(`${headers.join(',')},one-too-many\n`)).rejects.toThrow(/it has 501 columns/);
  });
});

describe('import: a file picked while health scores refresh (issue 15)', () => {
  it('is queued, said so, and opened for review when the refresh ends', async () => {
    render(<ImportWizard db={db} worker={new InlineCsvWorker() as unknown as CsvWorker} />);
    pick('Choose a CSV file, or drop it here', csv('first.csv', 'account,date,type,amount\nAcme,2026-01-01,order,10\nAcme,2026-01-02,order,20\n'));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 events' }));
    await screen.findByText(/Imported 2 new events for 1 account; 1 account created\. Updating health scores…/);

    pick('Choose a CSV file, or drop it here', csv('second.csv', 'account,date,type,notes\nGlobex,2026-01-03,note,Met at the fair\n'));
    await screen.findByText('“second.csv” opens when the health scores are updated.');
    // Still the first import's page: nothing of the second file yet, and not lost either.
    expect(screen.queryByRole('heading', { name: '“second.csv”' })).toBeNull();

    endRefresh();
    await screen.findByRole('heading', { name: '“second.csv”' });
    await screen.findByRole('button', { name: 'Import 1 event' });
    expect(screen.queryByText(/opens when the health scores are updated/)).toBeNull();
    expect(afterWrite).toHaveBeenCalledTimes(1);
  });

  it('opens a file picked when no refresh is running at once', async () => {
    render(<ImportWizard db={db} worker={new InlineCsvWorker() as unknown as CsvWorker} />);
    pick('Choose a CSV file, or drop it here', csv('only.csv', 'account,date,type\nGlobex,2026-01-03,note\n'));
    await screen.findByRole('heading', { name: '“only.csv”' });
  });
});

describe('restore (issue 15)', () => {
  async function backupFile(): Promise<File> {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    await recordEvents(db, [{ type: 'order', accountId: acme.id, at: NOW, amount: { minor: 100, currency: 'USD' } }], NOW);
    const file = await exportBackup(db, NOW);
    file.tables.events!.push({ ...(file.tables.events![0] as object), id: 'ghost-event', accountId: 'ghost' });
    await db.delete();
    db = await freshDb();
    return new File([backupToJson(file)], 'backup.json', { type: 'application/json' });
  }

  it('says it is done when the restore has committed, then that the health scores are updated, and what it left out', async () => {
    const file = await backupFile();
    render(<BackupPanel db={db} />);
    pick('Backup file', file);
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(screen.getByRole('button', { name: 'Restoring…' })).toBeTruthy();

    const restored = 'Restored “backup.json”: added 1 accounts, 1 events. Left out 1 event of no account (not in your data or the backup).';
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toBe(`${restored} Updating health scores…`));
    // Committed: the data is there while the scores are still being computed.
    expect(await db.accounts.count()).toBe(1);
    const button = screen.getByRole('button', { name: 'Restore' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);

    endRefresh();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${restored} Health scores updated.`));
    expect(button.disabled).toBe(false);
  });
});
