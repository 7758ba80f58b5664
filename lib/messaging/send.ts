import { browser } from 'wxt/browser';
import { MessagingError } from './errors';
import type { MessageType, RequestOf } from './protocol';

/**
 * Send one request to the background and return its answer unread. Free of Zod
 * on purpose: the popup starts its first request with this while its schemas are
 * still loading, then reads the answer with `readReply` (transport.ts).
 * Rejects with MessagingError('unavailable') when the background cannot be reached.
 */
export function sendRaw<K extends MessageType>(type: K, data: RequestOf<K>): Promise<unknown> {
  return sendWithRetry({ quotewise: 1, type, data });
}

/**
 * A message sent while the service worker is starting can meet no listener yet.
 * One retry covers that window; a second failure is real (extension reloaded or disabled).
 */
async function sendWithRetry(envelope: unknown): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(envelope);
  } catch (error) {
    if (!isConnectionError(error)) throw new MessagingError('unavailable', describe(error));
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      return await browser.runtime.sendMessage(envelope);
    } catch (retryError) {
      throw new MessagingError('unavailable', describe(retryError));
    }
  }
}

function isConnectionError(error: unknown): boolean {
  return /Receiving end does not exist|Could not establish connection/i.test(describe(error));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
