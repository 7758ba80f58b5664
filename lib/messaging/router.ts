import * as z from 'zod/mini';
import { Envelope, type ErrorReply } from './define';
import { type ErrorCode, MessagingError } from './errors';
import { protocol, type MessageType, type ParsedRequestOf, type ResponseOf } from './protocol';

export interface Sender {
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Handlers = {
  [K in MessageType]: (data: ParsedRequestOf<K>, sender: Sender) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

type Reply = { ok: true; data: unknown } | ErrorReply;

/**
 * The background's single message listener. Every message is validated on
 * arrival; anything unknown or malformed gets an error reply, and no message,
 * however bad, can take the listener down for the next one.
 */
export function createRouter(handlers: Handlers, extensionOrigin: string) {
  return async function route(message: unknown, sender: Sender): Promise<Reply> {
    try {
      const envelope = Envelope.safeParse(message);
      if (!envelope.success) return fail('malformed', 'Not a Quotewise message.');
      const { type, data } = envelope.data;
      if (!Object.hasOwn(protocol, type)) return fail('unknown_type', `Unknown message type "${type}".`);
      const def = protocol[type as MessageType];
      if (def.audience === 'extension' && !sender.url?.startsWith(extensionOrigin)) {
        return fail('forbidden', `"${type}" is only answered for Quotewise's own pages.`);
      }
      const parsed = def.request.safeParse(data);
      if (!parsed.success) return fail('invalid_request', `Invalid ${type}: ${z.prettifyError(parsed.error)}`);
      const handler = handlers[type as MessageType] as (data: unknown, sender: Sender) => unknown;
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (error) {
      if (error instanceof MessagingError) return fail(error.code, error.message);
      if (isQuotaExceeded(error)) return fail('failed', STORAGE_FULL);
      if (error instanceof z.core.$ZodError) return fail('invalid_request', z.prettifyError(error));
      return fail('failed', error instanceof Error ? error.message : 'The request failed.');
    }
  };
}

export const STORAGE_FULL =
  "This computer's storage for Quotewise is full, so nothing was saved. Free some disk space, then try again.";

/** Dexie wraps the DOMException; either way the name says it. */
export function isQuotaExceeded(error: unknown): boolean {
  const names = [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name];
  return names.some((name) => name === 'QuotaExceededError');
}

function fail(code: ErrorCode, message: string): ErrorReply {
  return { ok: false, error: { code, message } };
}
