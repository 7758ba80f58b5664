import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CARD_PAGE, type OpenEmail, type ShowCard } from '@/lib/card/channel';
import type { BadgeState } from '@/lib/content/state';
import { messageOf, messageText } from '@/lib/suggest/message';
import { LOOK_CHARS } from '@/lib/suggest/newest';
import { anchor } from './floating';

export interface CardFrameProps {
  /** The pill the card belongs to: the frame sits next to it and follows it. */
  reference: Element;
  state: BadgeState;
  dark: boolean;
  onClose(): void;
  /** What the card says (lib/card/channel.ts FromCard), unchecked: the content script checks it. */
  onCardMessage(data: unknown, frame: HTMLIFrameElement): void;
  /** The suggestions the rep dismissed on this page, by event id. */
  dismissedOffers(): string[];
  /** Where the badge is: the card offers what that customer's open email asks for. */
  anchorOf?(): Element;
}

/**
 * The frame is one size whatever it shows: the page can find where the frame is (it can ask
 * which element is at a point), and a size that followed the content would tell it whether
 * the address is a customer. The card scrolls inside.
 */
export const CARD_WIDTH = 340;
export const CARD_HEIGHT = 460;
const FRAME = `position: fixed; inset: auto; margin: 0; padding: 0; border: 0; width: ${CARD_WIDTH}px; height: ${CARD_HEIGHT}px; max-width: calc(100vw - 16px);
  border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.25); background: transparent; overflow: hidden; z-index: 2147483647; display: block;`;

/**
 * The badge's card, as an extension page (entrypoints/card) in a frame in the badge's closed
 * root. The page cannot search its text, read its size, or hear the keys the rep types into it.
 * The frame's address carries a secret; the frame accepts the one port that comes with it.
 */
export function CardFrame(props: CardFrameProps) {
  const { reference, state, dark, anchorOf } = props;
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const secret = useMemo(() => crypto.randomUUID(), []);
  const src = useMemo(() => `${browser.runtime.getURL(CARD_PAGE)}#${secret}`, []);
  const channel = useMemo(() => new MessageChannel(), []);
  // The email is read once, when the card opens: what it asks for now.
  const email = useMemo(() => (anchorOf ? openEmailAt(anchorOf()) : null), []);

  useLayoutEffect(() => {
    const element = frame.current!;
    element.showPopover?.();
    return anchor(reference, element, { fitHeight: true, onHidden: () => latest.current.onClose() });
  }, [reference]);

  // Before the frame can load: its load event must find the listener.
  useLayoutEffect(() => {
    const element = frame.current!;
    // The frame's own origin: Chrome loads the per-session address under the extension's origin.
    const cardOrigin = new URL(browser.runtime.getURL('/')).origin;
    const connect = () => element.contentWindow?.postMessage({ quotewiseCard: secret }, cardOrigin, [channel.port2]);
    element.addEventListener('load', connect, { once: true });
    channel.port1.onmessage = (event: MessageEvent) => latest.current.onCardMessage(event.data, element);
    return () => {
      element.removeEventListener('load', connect);
      channel.port1.close();
    };
  }, []);

  useEffect(() => {
    const show: ShowCard = { type: 'show', state, dark, email, dismissed: props.dismissedOffers() };
    channel.port1.postMessage(show);
  }, [state, dark]);

  return <iframe ref={frame} src={src} title="Quotewise card" popover="manual" style={`${FRAME} color-scheme: ${dark ? 'dark' : 'light'};`} />;
}

/** The sender's email beside the badge, if any: its newest text is all the card reads. */
function openEmailAt(anchor: Element): OpenEmail | null {
  const message = messageOf(anchor);
  return message && { id: message.id, text: messageText(message.body).slice(0, LOOK_CHARS) };
}
