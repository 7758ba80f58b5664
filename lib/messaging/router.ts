import * as z from 'zod/mini';
import { Envelope, type ErrorReply } from './define';
import { type ErrorCode, MessagingError } from './errors';
import { protocol, type MessageType, type ParsedRequestOf, type ResponseOf } from './protocol';
import { createBudget } from './budget';
import { mayBeSentFrom, type SenderContext } from './senders';

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
export function createRouter(handlers: Handlers, extensionOrigin: string, { now = Date.now }: { now?: () => number } = {}) {
  // A content script's page may be hostile: however it drives the content script, each of its
  // frames gets a bounded number of answers a second. The badges' own lookups stay well under it.
  const contentBudget = createBudget({ perSecond: CONTENT_PER_SECOND, burst: CONTENT_BURST, now });
  return async function route(message: unknown, sender: Sender): Promise<Reply> {
    try {
      const envelope = Envelope.safeParse(message);
      if (!envelope.success) return fail('malformed', 'Not a Quotewise message.');
      const { type, data } = envelope.data;
      if (!Object.hasOwn(protocol, type)) return fail('unknown_type', `Unknown message type "${type}".`);
      const def = protocol[type as MessageType];
      const context: SenderContext = sender.url?.startsWith(extensionOrigin) ? 'extension' : 'content';
      if (!mayBeSentFrom(type as MessageType, context)) {
        return fail('forbidden', context === 'content' ? `"${type}" is only answered for Quotewise's own pages.` : `"${type}" is only answered for a page's badges.`);
      }
      if (context === 'content' && !contentBudget.take(`${sender.tab?.id}:${sender.frameId ?? 0}`)) {
        return fail('busy', 'This page asked Quotewise too often. Its badges catch up in a moment.');
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

/** Answers a second for one frame's content script, and the burst it may ask at once (a page of 1,000 people is 5 lookups of 200). */
export const CONTENT_PER_SECOND = 10;
export const CONTENT_BURST = 30;

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
