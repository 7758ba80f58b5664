import * as z from 'zod/mini';
import { EpochMs, Id, Money, QUOTE_OUTCOMES, WarningName } from './primitives';

/**
 * The data model. Every boundary (messages, imports, backups, settings) parses
 * with these schemas; the TypeScript types are inferred from them. They use
 * `zod/mini` because the content script ships them: classic Zod alone would be
 * twice the content script's whole size budget.
 *
 * Conventions, everywhere:
 *  - instants are epoch milliseconds (UTC), named `...At`;
 *  - money is an integer count of minor units with an ISO 4217 currency;
 *  - emails, domains and aliases are stored lower-case.
 */

export const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
export const lowerText = (min: number, max: number) =>
  z.string().check(z.trim(), z.toLowerCase(), z.minLength(min), z.maxLength(max));

export { Currency, EpochMs, Id, Money, QUOTE_OUTCOMES, WARNING_NAMES, WarningName } from './primitives';

export const Email = z.pipe(lowerText(3, 320), z.email());
export const Domain = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$/, 'Not a domain name'));
const ShortText = text(1, 200);
const LongText = text(0, 5000);

/** The rep's own judgement: what the data cannot answer (seed 001 #3, #6, #7). */
export const Judgement = z.object({
  /** Estimated share of the customer's budget spent with us, 0..1. */
  shareOfWallet: z._default(z.nullable(z.number().check(z.minimum(0), z.maximum(1))), null),
  /** Deliverables: do they buy for the right reasons? */
  rightReasons: z._default(z.nullable(z.boolean()), null),
  /** Values: are we aligned on core values and goals? */
  valuesAligned: z._default(z.nullable(z.boolean()), null),
});
export type Judgement = z.infer<typeof Judgement>;
export const NO_JUDGEMENT: Judgement = { shareOfWallet: null, rightReasons: null, valuesAligned: null };

export const Account = z.object({
  id: Id,
  name: ShortText,
  /** Registrable domains (acme.co.uk, never eu.acme.co.uk). */
  domains: z._default(z.array(Domain), []),
  /** Other names the account goes by, lower-case, used to match CRM record names. */
  aliases: z._default(z.array(lowerText(1, 200)), []),
  judgement: z._default(Judgement, NO_JUDGEMENT),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Account = z.infer<typeof Account>;

/** A person, mapped to an account. Needed for free-mail senders, who have no company domain. */
export const Contact = z.object({
  email: Email,
  accountId: Id,
  name: z.optional(ShortText),
  createdAt: EpochMs,
});
export type Contact = z.infer<typeof Contact>;

export const SERVICE_KINDS = ['support', 'exception', 'order_change', 'dispute'] as const;
export const REFERRAL_KINDS = ['testimonial', 'reference_call', 'introduction', 'other'] as const;
export const EVENT_SOURCES = ['manual', 'import', 'demo'] as const;

const eventBase = {
  id: Id,
  accountId: Id,
  /** When it happened. */
  at: EpochMs,
  contactEmail: z.optional(Email),
  note: z.optional(LongText),
  source: z._default(z.enum(EVENT_SOURCES), 'manual'),
  /** When it was recorded. */
  createdAt: EpochMs,
};

export const QuoteEvent = z.object({
  ...eventBase,
  type: z.literal('quote'),
  amount: Money,
  listPrice: z.optional(Money),
  discountPct: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  /** Links price-match requests and outcomes to this quote. */
  quoteRef: ShortText,
  competitor: z.optional(ShortText),
  competitorPrice: z.optional(Money),
});
export const PriceMatchEvent = z.object({
  ...eventBase,
  type: z.literal('price_match'),
  competitor: ShortText,
  competitorPrice: z.optional(Money),
  quoteRef: z.optional(ShortText),
});
export const QuoteOutcomeEvent = z.object({
  ...eventBase,
  type: z.literal('quote_outcome'),
  outcome: z.enum(QUOTE_OUTCOMES),
  quoteRef: z.optional(ShortText),
});
export const OrderEvent = z.object({
  ...eventBase,
  type: z.literal('order'),
  amount: Money,
  /** The order number; an invoice naming it is the same business (scoring counts it once). */
  orderRef: z.optional(ShortText),
});
export const InvoiceEvent = z.object({
  ...eventBase,
  type: z.literal('invoice'),
  amount: z.optional(Money),
  invoiceRef: z.optional(ShortText),
  /** The order this invoice bills, when the export says (docs/scoring.md, "Business"). */
  orderRef: z.optional(ShortText),
  dueAt: EpochMs,
  paidAt: z.optional(EpochMs),
});
export const PaymentEvent = z.object({
  ...eventBase,
  type: z.literal('payment'),
  amount: z.optional(Money),
  invoiceRef: z.optional(ShortText),
});
export const ServiceEvent = z.object({
  ...eventBase,
  type: z.literal('service'),
  minutes: z.int().check(z.minimum(0), z.maximum(100_000)),
  kind: z.enum(SERVICE_KINDS),
});
export const EngineeringChangeEvent = z.object({
  ...eventBase,
  type: z.literal('engineering_change'),
  nre: z.boolean(),
});
export const ReferralEvent = z.object({
  ...eventBase,
  type: z.literal('referral'),
  kind: z._default(z.enum(REFERRAL_KINDS), 'other'),
});
export const UpsellEvent = z.object({
  ...eventBase,
  type: z.literal('upsell'),
  kind: z._default(z.enum(['upsell', 'cross_sell']), 'upsell'),
  amount: z.optional(Money),
});
export const NoteEvent = z.object({ ...eventBase, type: z.literal('note'), note: text(1, 5000) });
/** The rep dismissed (no `until`) or snoozed a warning, with a reason (domain.md, "Tone"). */
export const WarningDismissedEvent = z.object({
  ...eventBase,
  type: z.literal('warning_dismissed'),
  warning: WarningName,
  reason: ShortText,
  until: z.optional(EpochMs),
});

export const AccountEvent = z.discriminatedUnion('type', [
  QuoteEvent,
  PriceMatchEvent,
  QuoteOutcomeEvent,
  OrderEvent,
  InvoiceEvent,
  PaymentEvent,
  ServiceEvent,
  EngineeringChangeEvent,
  ReferralEvent,
  UpsellEvent,
  NoteEvent,
  WarningDismissedEvent,
]);
export type AccountEvent = z.infer<typeof AccountEvent>;
export type EventType = AccountEvent['type'];
export type EventOf<T extends EventType> = Extract<AccountEvent, { type: T }>;
export const EVENT_TYPES = AccountEvent.def.options.map((option) => option.shape.type.def.values[0]) as EventType[];

/** What a caller supplies to record an event: the store assigns id, createdAt and (for quotes) a quoteRef. */
const assigned = { id: true, createdAt: true } as const;
const optionalId = { id: z.optional(Id) };

export const NewEventInput = z.discriminatedUnion('type', [
  z.extend(z.omit(QuoteEvent, assigned), { ...optionalId, quoteRef: z.optional(ShortText) }),
  z.extend(z.omit(PriceMatchEvent, assigned), optionalId),
  z.extend(z.omit(QuoteOutcomeEvent, assigned), optionalId),
  z.extend(z.omit(OrderEvent, assigned), optionalId),
  z.extend(z.omit(InvoiceEvent, assigned), optionalId),
  z.extend(z.omit(PaymentEvent, assigned), optionalId),
  z.extend(z.omit(ServiceEvent, assigned), optionalId),
  z.extend(z.omit(EngineeringChangeEvent, assigned), optionalId),
  z.extend(z.omit(ReferralEvent, assigned), optionalId),
  z.extend(z.omit(UpsellEvent, assigned), optionalId),
  z.extend(z.omit(NoteEvent, assigned), optionalId),
  z.extend(z.omit(WarningDismissedEvent, assigned), optionalId),
]);
export type NewEvent = z.input<typeof NewEventInput>;
