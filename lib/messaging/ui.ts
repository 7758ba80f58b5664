import * as z from 'zod/mini';
import { Id } from '../primitives';
import { defineMessage } from './define';

export const UI_PAGES = ['popup', 'history'] as const;
export const UI_FORMS = ['quote', 'price_match'] as const;

/** Where an extension page opens for an account: the popup (optionally on a form) or its history. */
export function uiPagePath(page: (typeof UI_PAGES)[number], accountId: string, form?: (typeof UI_FORMS)[number]): string {
  const account = encodeURIComponent(accountId);
  if (page === 'history') return `/history.html#/account/${account}`;
  return `/popup.html?account=${account}${form ? `&form=${form}` : ''}`;
}

export const OpenedReply = z.object({ opened: z.literal(true) });
export const LoadedReply = z.object({ loaded: z.literal(true) });

export const uiMessages = {
  /** The badge's quick actions: open an extension page for this account (content scripts cannot open one themselves). */
  'ui.open': defineMessage({
    audience: 'content',
    request: z.object({ page: z.enum(UI_PAGES), accountId: Id, form: z.optional(z.enum(UI_FORMS)) }),
    response: OpenedReply,
  }),
  /** Inject the badge UI (badge-ui.js) into the asking content script's frame, in its isolated world. */
  'ui.loadBadgeUi': defineMessage({
    audience: 'content',
    request: z.strictObject({}),
    response: LoadedReply,
  }),
};
