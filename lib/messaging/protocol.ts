import type * as z from 'zod/mini';
import { accountMessages } from './accounts';
import { eventMessages } from './events';
import { healthMessages } from './health';
import { pingMessages } from './ping';
import { popupMessages } from './popup';
import { quicklogMessages } from './quicklog';
import { settingsMessages } from './settings';
import { uiMessages } from './ui';

/** The one protocol between content scripts, extension pages and the background. */
export const protocol = {
  ...pingMessages,
  ...accountMessages,
  ...eventMessages,
  ...healthMessages,
  ...quicklogMessages,
  ...popupMessages,
  ...settingsMessages,
  ...uiMessages,
};

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = z.input<Protocol[K]['request']>;
export type ParsedRequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
export type ResponseOf<K extends MessageType> = z.output<Protocol[K]['response']>;
