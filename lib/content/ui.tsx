import { Badge } from '@/components/Badge';
import { cardFrame } from '@/components/CardFrame';
import { HOST_WIDTH, mountClosed } from './mount';
import { isDarkAt } from './theme';
import type { BadgeUi } from './ui-contract';

/** The badge UI the content script loads on demand (entrypoints/badge-ui.ts). */
export const badgeUi: BadgeUi = {
  isDarkAt,
  dispose: () => cardFrame.dispose(),
  mount(anchor, place, props) {
    // The page has a customer: its card frame loads now, so the first card opens without waiting for it.
    cardFrame.warm();
    // The card reads the anchor's message when it opens (email suggestions): the anchor it is at then.
    let at = anchor;
    const anchorOf = () => at;
    let list = props.list;
    const mounted = mountClosed(anchor, place, <Badge {...props} anchorOf={anchorOf} />, widthOf(list));
    return {
      ...mounted,
      update: (next) => {
        if (next.list !== list) mounted.resize(widthOf((list = next.list)));
        mounted.update(<Badge {...next} anchorOf={anchorOf} />);
      },
      move: (to, where) => {
        at = to;
        mounted.move(to, where);
      },
    };
  },
};

const widthOf = (list: boolean) => (list ? HOST_WIDTH.mark : HOST_WIDTH.pill);
