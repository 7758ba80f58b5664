import { browser } from 'wxt/browser';
import { BADGE_UI_GLOBAL, BADGE_UI_SCRIPT, type BadgeUi } from './ui-contract';

let loading: Promise<BadgeUi> | undefined;

/** The badge UI, loaded once per page the first time it is needed. */
export function loadBadgeUi(): Promise<BadgeUi> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(BADGE_UI_SCRIPT)).then(() => {
    const ui = (globalThis as unknown as Record<string, BadgeUi | undefined>)[BADGE_UI_GLOBAL];
    if (!ui) throw new Error('The badge UI did not load.');
    return ui;
  });
  return loading;
}
