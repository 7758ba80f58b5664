import type * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { type ErrorReply, MessagingError, replySchema } from './define';
import type { MessageType, RequestOf } from './protocol';

/**
 * Send one request to the background and validate its answer with `response`.
 * The protocol-wide `request` (client.ts) passes the protocol's own schema; the
 * content script passes only the schemas it needs, so it does not ship the
 * whole protocol. Throws MessagingError with a code the UI can explain.
 */
export async function sendRequest<K extends MessageType, S extends z.ZodMiniType>(
  type: K,
  data: RequestOf<K>,
  response: S,
): Promise<z.output<S>> {
  // Not parsed here: the background validates every message on arrival, and the content script saves the bytes.
  const raw = await sendWithRetry({ quotewise: 1, type, data });
  const parsed = replySchema(response).safeParse(raw);
  if (!parsed.success) throw new MessagingError('malformed', `The background sent an unreadable answer to ${type}.`);
  const reply = parsed.data as { ok: true; data: z.output<S> } | ErrorReply;
  if (!reply.ok) throw new MessagingError(reply.error.code, reply.error.message);
  return reply.data;
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
