import type { RowContext } from './map-row';
import type { Analysis } from './parse';
import type { Mapping } from './presets';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * The page's handle on the CSV worker. One request at a time; `cancel()` ends
 * the worker at once, and the next request starts a fresh one that reads the
 * file again.
 */
export class CsvWorker {
  private worker: Worker | undefined;
  private source: ArrayBuffer | string | undefined;
  private sourceLoaded = false;
  private pending:
    | { resolve(reply: WorkerReply): void; reject(error: Error): void; onProgress?: (f: number) => void; rows: Analysis['rows'][] }
    | undefined;

  async read(source: ArrayBuffer | string): Promise<string[]> {
    if (this.pending) this.cancel();
    this.source = source;
    const reply = await this.ask({ kind: 'read', source });
    this.sourceLoaded = true;
    return reply.kind === 'headers' ? reply.headers : [];
  }

  async analyse(mapping: Mapping, context: RowContext, onProgress?: (fraction: number) => void): Promise<Analysis> {
    // A newer request replaces a running one; ending that worker loses the file's text, so read it again.
    if (this.pending) this.cancel();
    if (!this.sourceLoaded && this.source !== undefined) await this.read(this.source);
    return this.ask({ kind: 'analyse', mapping, context }, onProgress).then((reply) => {
      if (reply.kind !== 'analysis') throw new Error('The CSV worker answered out of turn.');
      return reply.analysis;
    });
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.sourceLoaded = false;
    this.pending?.reject(new DOMException('Cancelled', 'AbortError'));
    this.pending = undefined;
  }

  private ask(request: WorkerRequest, onProgress?: (fraction: number) => void): Promise<WorkerReply> {
    const worker = (this.worker ??= this.start());
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending = { resolve, reject, onProgress, rows: [] };
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return this.pending?.onProgress?.(reply.fraction);
      if (reply.kind === 'rows') return void this.pending?.rows.push(reply.rows);
      const pending = this.pending;
      this.pending = undefined;
      if (reply.kind === 'failed') pending?.reject(new Error(reply.message));
      else if (reply.kind === 'analysis') pending?.resolve({ ...reply, analysis: { ...reply.analysis, rows: pending.rows.flat() } });
      else pending?.resolve(reply);
    };
    worker.onerror = (event) => {
      const pending = this.pending;
      this.pending = undefined;
      pending?.reject(new Error(event.message || 'The CSV worker stopped.'));
    };
    return worker;
  }
}
