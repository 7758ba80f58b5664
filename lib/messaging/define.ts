import * as z from 'zod/mini';
import { ERROR_CODES } from './errors';

export interface MessageDef<Req extends z.ZodMiniType = z.ZodMiniType, Res extends z.ZodMiniType = z.ZodMiniType> {
  request: Req;
  response: Res;
}

export function defineMessage<Req extends z.ZodMiniType, Res extends z.ZodMiniType>(def: MessageDef<Req, Res>) {
  return def;
}

/**
 * Every message on the wire. The tag keeps our traffic apart from anything else's. (`@__PURE__`: the content
 * script, which never reads an envelope, does not ship the check.)
 */
export const Envelope = z.object({
  quotewise: z.literal(1),
  type: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100)),
  data: z.unknown(),
});

export const ErrorReply = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});
export type ErrorReply = z.infer<typeof ErrorReply>;

export function replySchema<Res extends z.ZodMiniType>(response: Res) {
  return z.union([z.object({ ok: z.literal(true), data: response }), ErrorReply]);
}
