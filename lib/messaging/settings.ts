import * as z from 'zod/mini';
import { Email } from '../model';
import { Settings } from '../settings';
import { defineMessage } from './define';

export const settingsMessages = {
  'settings.get': defineMessage({ request: z.object({}), response: Settings }),
  /**
   * The first-run question, answered in the card of the rep's own address: this address is
   * me. A company address makes its domain the rep's own; a free-mail address is ignored on
   * its own. Refused for a domain that is an account's: that is a customer, not the rep.
   */
  'settings.claimOwn': defineMessage({
    request: z.strictObject({ email: Email }),
    response: z.object({ ownDomain: z.optional(z.string()), ownAddress: z.optional(z.string()) }),
  }),
  /** Replaces the whole settings record (the options page always sends all of it). */
  'settings.save': defineMessage({ request: z.object({ settings: Settings }), response: Settings }),
};
