import { badgeUi } from '@/lib/content/ui';
import { BADGE_UI_GLOBAL } from '@/lib/content/ui-contract';

/** Loaded by the badge content script, into its isolated world, when a page first has a customer to show. */
export default defineUnlistedScript(() => {
  Object.assign(globalThis, { [BADGE_UI_GLOBAL]: badgeUi });
});
