/**
 * The CSV worker: decodes and parses off the page's thread, so a 100,000-row
 * file never freezes the page. Our own worker file rather than Papa Parse's
 * `worker: true`, which starts a worker from a blob: URL that an MV3 extension
 * page's content security policy (script-src 'self') refuses.
 */
import { analyseCsv, decodeCsv, readHeaders } from './parse';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

let text = '';

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
      reply({ kind: 'analysis', analysis });
    }
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
