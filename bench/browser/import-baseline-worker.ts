/**
 * The import's baseline, in a worker of the bench-only copy of the extension: Papa Parse
 * alone over the picked file (header row, as the import reads it), then the raw write of
 * the rows, per account in chunks of 200 as the product chunks events, with raw `put`
 * in one transaction: no validation, no merge with what is stored, no indexes.
 */
import Papa from 'papaparse';

const CHUNK = 200;

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`bench-import-${Date.now()}-${Math.random()}`, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('chunks', { keyPath: ['account', 'seq'] });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

onmessage = async (message: MessageEvent<File>) => {
  const started = performance.now();
  const rows = await new Promise<Record<string, string>[]>((resolve, reject) =>
    Papa.parse<Record<string, string>>(message.data, { header: true, skipEmptyLines: true, complete: (result) => resolve(result.data), error: reject }),
  );
  const byAccount = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const key = row.domain ?? '';
    const list = byAccount.get(key);
    if (list) list.push(row);
    else byAccount.set(key, [row]);
  }
  const parsed = performance.now();
  const db = await openRaw();
  const tx = db.transaction('chunks', 'readwrite');
  const store = tx.objectStore('chunks');
  for (const [account, list] of byAccount) for (let seq = 0; seq * CHUNK < list.length; seq++) store.put({ account, seq, rows: list.slice(seq * CHUNK, (seq + 1) * CHUNK) });
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  db.close();
  postMessage({ rows: rows.length, parseMs: parsed - started, writeMs: performance.now() - parsed });
};
