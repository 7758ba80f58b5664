import { browser } from 'wxt/browser';
import { Envelope, MessagingError, replySchema } from './define';
import { protocol, type MessageType, type RequestOf, type ResponseOf } from './protocol';

/**
 * Send one request to the background and get its validated answer.
 * Throws MessagingError with a code the UI can explain.
 */
export async function request<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope = Envelope.parse({ quotewise: 1, type, data });
  const raw = await sendWithRetry(envelope);
  const reply = replySchema(protocol[type].response).safeParse(raw);
  if (!reply.success) throw new MessagingError('malformed', `The background sent an unreadable answer to ${type}.`);
  if (!reply.data.ok) throw new MessagingError(reply.data.error.code, reply.data.error.message);
  return reply.data.data as ResponseOf<K>;
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
