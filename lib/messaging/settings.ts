import * as z from 'zod/mini';
import { Settings } from '../settings';
import { defineMessage } from './define';

export const settingsMessages = {
  'settings.get': defineMessage({ audience: 'extension', request: z.object({}), response: Settings }),
  /** Replaces the whole settings record (the options page always sends all of it). */
  'settings.save': defineMessage({ audience: 'extension', request: z.object({ settings: Settings }), response: Settings }),
};
