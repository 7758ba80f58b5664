import type * as z from 'zod/mini';
import { type ErrorReply, replySchema } from './define';
import { MessagingError } from './errors';
import type { MessageType, RequestOf } from './protocol';
import { sendRaw } from './send';

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
  return readReply(type, await sendRaw(type, data), response);
}

/** Validate the background's answer to `type`: its data, or the MessagingError it reported. */
export function readReply<S extends z.ZodMiniType>(type: MessageType, raw: unknown, response: S): z.output<S> {
  const parsed = replySchema(response).safeParse(raw);
  if (!parsed.success) throw new MessagingError('malformed', `The background sent an unreadable answer to ${type}.`);
  const reply = parsed.data as { ok: true; data: z.output<S> } | ErrorReply;
  if (!reply.ok) throw new MessagingError(reply.error.code, reply.error.message);
  return reply.data;
}
