/**
 * The CSV worker: decodes and parses off the page's thread, so a 100,000-row
 * file never freezes the page. Our own worker file rather than Papa Parse's
 * `worker: true`, which starts a worker from a blob: URL that an MV3 extension
 * page's content security policy (script-src 'self') refuses.
 */
import { analyseCsv, decodeCsv, readHeaders } from './parse';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * The whole file is decoded once (BOM-aware) and then parsed record by record.
 * Papa Parse's own file streaming decodes each 10 MB slice on its own, which
 * breaks a multi-byte character that straddles two slices.
 */
let text = '';
const ROWS_PER_MESSAGE = 5000;

const reply = (message: WorkerReply) => postMessage(message);

onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'read') {
      text = typeof request.source === 'string' ? request.source : decodeCsv(new Uint8Array(request.source));
      reply({ kind: 'headers', headers: readHeaders(text) });
    } else {
      const analysis = analyseCsv(text, request.mapping, request.context, {
        onProgress: (fraction) => reply({ kind: 'progress', fraction }),
      });
      // Ready rows go over in slices: one message of 100,000 rows takes the page's thread a third of a second to unpack.
      for (let start = 0; start < analysis.rows.length; start += ROWS_PER_MESSAGE) {
        reply({ kind: 'rows', rows: analysis.rows.slice(start, start + ROWS_PER_MESSAGE) });
      }
      reply({ kind: 'analysis', analysis: { ...analysis, rows: [] } });
    }
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
