import { Badge } from '@/components/Badge';
import { mountClosed } from './mount';
import type { BadgeUi } from './ui-contract';

/** The badge UI the content script loads on demand (entrypoints/badge-ui.ts). */
export const badgeUi: BadgeUi = {
  mount(anchor, place, props) {
    const mounted = mountClosed(anchor, place, <Badge {...props} />);
    return { ...mounted, update: (next) => mounted.update(<Badge {...next} />) };
  },
};
