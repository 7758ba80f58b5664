import * as z from 'zod/mini';
import { Id } from '../primitives';
import { defineMessage } from './define';

export const UI_PAGES = ['popup', 'history'] as const;
export const UI_FORMS = ['quote', 'price_match', 'order', 'payment'] as const;

/**
 * The quick-log form's fields filled in from an email suggestion (lib/suggest/prefill.ts): the
 * fields as the rep would type them, and the event's id, derived from the message, so logging
 * the same message again replaces its event. Never any of the message's text.
 */
export const Prefill = z.object({
  // Marked pure: the content script imports this module for its replies, and must not ship this schema.
  eventId: z.optional(Id),
  amount: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(40))),
  currency: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^[A-Z]{3}$/))),
  competitor: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
  competitorPrice: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(40))),
  reference: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
  invoiceRef: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
  note: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(500))),
});
export type Prefill = z.infer<typeof Prefill>;
/** The popup address's parameter for each prefilled field. */
export const PREFILL_PARAMS = ['eventId', 'amount', 'currency', 'competitor', 'competitorPrice', 'reference', 'invoiceRef', 'note'] as const satisfies readonly (keyof Prefill)[];

/** Where an extension page opens for an account: the popup (optionally on a form, optionally filled in) or its history. */
export function uiPagePath(page: (typeof UI_PAGES)[number], accountId: string, form?: (typeof UI_FORMS)[number], prefill?: Prefill): string {
  const account = encodeURIComponent(accountId);
  if (page === 'history') return `/history.html#/account/${account}`;
  const filled = PREFILL_PARAMS.flatMap((key) => (prefill?.[key] ? [`&${key}=${encodeURIComponent(prefill[key])}`] : [])).join('');
  return `/popup.html?account=${account}${form ? `&form=${form}` : ''}${filled}`;
}

export const OpenedReply = z.object({ opened: z.literal(true) });
export const LoadedReply = z.object({ loaded: z.literal(true) });

export const uiMessages = {
  /** The badge's quick actions: open an extension page for this account (content scripts cannot open one themselves). */
  'ui.open': defineMessage({
    request: z.object({ page: z.enum(UI_PAGES), accountId: Id, form: z.optional(z.enum(UI_FORMS)), prefill: z.optional(Prefill) }),
    response: OpenedReply,
  }),
  /** Inject the badge UI (badge-ui.js) into the asking content script's frame, in its isolated world. */
  'ui.loadBadgeUi': defineMessage({
    request: z.strictObject({}),
    response: LoadedReply,
  }),
};
