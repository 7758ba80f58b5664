import * as z from 'zod/mini';

/**
 * The one question asked of a tab's content script: "who is the customer on
 * this page?" The background asks it for the popup (`popup.open`) and resolves
 * the answer itself, so the page never sees account data it did not already show.
 */
export const PAGE_CUSTOMERS = 'page.customers';

export const PageCustomersRequest = z.object({ quotewise: z.literal(1), type: z.literal(PAGE_CUSTOMERS) });

// The content script imports the request from here: `@__PURE__` lets the bundler drop this answer's checks with it.
export const PageCustomers = z.object({
  emails: /* @__PURE__ */ z.array(z.string().check(z.maxLength(320))).check(z.maxLength(200)),
  webAddresses: /* @__PURE__ */ z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(50)),
  names: /* @__PURE__ */ z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
});
export type PageCustomers = z.infer<typeof PageCustomers>;
