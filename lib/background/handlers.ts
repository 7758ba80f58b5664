import type { Handlers } from '../messaging/router';
import { accountHandlers } from './handlers/accounts';
import type { BackgroundDeps } from './handlers/deps';
import { eventHandlers } from './handlers/events';
import { healthHandlers } from './handlers/health';
import { pingHandlers } from './handlers/ping';
import { popupHandlers } from './handlers/popup';
import { quicklogHandlers } from './handlers/quicklog';
import { settingsHandlers } from './handlers/settings';
import { uiHandlers } from './handlers/ui';

export type { BackgroundDeps } from './handlers/deps';

/** What the background answers, one file per area. Thin: each handler calls lib/. */
export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    ...pingHandlers(),
    ...accountHandlers(deps),
    ...eventHandlers(deps),
    ...healthHandlers(deps),
    ...quicklogHandlers(deps),
    ...popupHandlers(deps),
    ...settingsHandlers(deps),
    ...uiHandlers(),
  };
}
