import * as z from 'zod/mini';
import { HealthSummary } from '../health';
import { Id } from '../primitives';
import { LOOK_CHARS } from '../suggest/newest';
import type { HideCard, ShowCard } from './channel';

/**
 * The card page's check of what the badge sends it (lib/card/channel.ts). Only the card
 * page imports it: the badge UI in the page's content-script world ships no such schema.
 */
const email = z.string().check(z.maxLength(320));
const company = z.string().check(z.maxLength(253));

const BadgeStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), accountId: Id, accountName: z.string().check(z.maxLength(200)), summary: z.nullable(HealthSummary) }),
  z.object({
    kind: z.literal('unknown'),
    label: z.string().check(z.maxLength(320)),
    create: z.object({ name: z.string().check(z.maxLength(320)), domains: z.array(company).check(z.maxLength(20)), contactEmail: z.optional(email) }),
    email: z.optional(email),
    company: z.optional(company),
  }),
  z.object({ kind: z.literal('self'), email, company: z.optional(company) }),
]);

export const ShowCardSchema = z.object({
  type: z.literal('show'),
  generation: z.int().check(z.minimum(1)),
  state: BadgeStateSchema,
  dark: z.boolean(),
  email: z.nullable(z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)), text: z.string().check(z.maxLength(LOOK_CHARS)) })),
  dismissed: z.array(Id).check(z.maxLength(1000)),
}) satisfies z.ZodMiniType<ShowCard>;

export const HideCardSchema = z.object({ type: z.literal('hide') }) satisfies z.ZodMiniType<HideCard>;
