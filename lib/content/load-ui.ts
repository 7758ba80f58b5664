import { LoadedReply } from '../messaging/ui';
import { sendRequest } from '../messaging/transport';
import { BADGE_UI_GLOBAL, type BadgeUi } from './ui-contract';

let loading: Promise<BadgeUi> | undefined;

/** The badge UI, injected once per page by the background the first time it is needed. */
export function loadBadgeUi(): Promise<BadgeUi> {
  loading ??= sendRequest('ui.loadBadgeUi', {}, LoadedReply).then(() => {
    const ui = (globalThis as unknown as Record<string, BadgeUi | undefined>)[BADGE_UI_GLOBAL];
    if (!ui) throw new Error('The badge UI did not load.');
    return ui;
  });
  return loading;
}
