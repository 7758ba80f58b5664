import * as z from 'zod/mini';
import { Band, HealthSummary } from '../health';
import { Id, WarningName } from '../model';
import { Definition } from '../scoring/definition';
import { defineMessage } from './define';

const BandAndScore = z.object({ band: Band, score: z.nullable(z.int()) });

export const healthMessages = {
  'health.ofAccounts': defineMessage({
    request: z.object({ accountIds: z.array(Id).check(z.maxLength(500)) }),
    response: z.object({ summaries: z.array(HealthSummary) }),
  }),
  /** Sent by the background to tabs after a write, so badges refresh without a reload. */
  'health.changed': defineMessage({
    request: z.object({ accountIds: z.array(Id) }),
    response: z.object({}),
  }),
  /** The card's "Snooze or dismiss": the rep's own action on a warning of an account on the page, with their reason. */
  'warnings.dismiss': defineMessage({
    request: z.strictObject({
      accountId: Id,
      warning: WarningName,
      reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      snoozeDays: z.optional(z.union([z.literal(30), z.literal(90)])),
    }),
    response: z.object({ dismissed: z.literal(true) }),
  }),
  'definition.get': defineMessage({
    request: z.object({}),
    response: Definition,
  }),
  'definition.save': defineMessage({
    request: z.object({ definition: Definition }),
    response: Definition,
  }),
  /**
   * What this (unsaved) definition would do: every account whose band changes or whose score
   * moves by 5 or more, before and after, largest change first (lib/options/definition-preview.ts).
   */
  'definition.preview': defineMessage({
    request: z.object({ definition: Definition }),
    response: z.object({
      total: z.int(),
      moved: z.int(),
      changes: z.array(z.object({ accountId: Id, name: z.string(), from: BandAndScore, to: BandAndScore })),
    }),
  }),
};
