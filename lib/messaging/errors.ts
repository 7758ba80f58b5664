/**
 * The messaging layer's errors, in a module without Zod: the popup's first
 * module sends its request with only this and `send.ts`, before the schemas load.
 */
/**
 * `conflict`: the request would take what belongs to something else (a domain another account owns).
 * `busy`: a page's content script asked more often than a badge ever needs.
 */
export const ERROR_CODES = ['malformed', 'unknown_type', 'invalid_request', 'forbidden', 'conflict', 'failed', 'unavailable', 'busy'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class MessagingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}
