import { useLayoutEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CARD_PAGE, FromCard, type HideCard, type OpenEmail, type ShowCard } from '@/lib/card/channel';
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
  /** What the card says, checked: anything else the frame's port carries is dropped. */
  onCardMessage(message: FromCard): void;
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
  border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.25); background: transparent; overflow: hidden; z-index: 2147483647;`;
export const CARD_HOST_TAG = 'quotewise-card';
const CARD_HOST_STYLE = 'all: initial !important; display: contents !important;';

interface Owner {
  reference: Element;
  props: () => CardFrameProps;
}

/**
 * The page's one card frame: an extension page (entrypoints/card) in a closed root of its own,
 * loaded once the page has a customer and kept, hidden, between cards, so a card opens without
 * loading a page (and a frame is never removed while a key or click is still being delivered
 * to it). The page cannot search its text, read its size, or hear the keys the rep types into
 * it. Its address carries a secret; it accepts the one port that comes with it.
 */
function createCardFrame() {
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  let port: MessagePort | undefined;
  let ready = false;
  let owner: Owner | undefined;
  let stopAnchor: (() => void) | undefined;
  let generation = 0;

  function build(): void {
    host = document.createElement(CARD_HOST_TAG);
    // No box of its own (the frame is in the top layer), and the page's CSS cannot give it one.
    host.style.cssText = CARD_HOST_STYLE;
    const shadow = host.attachShadow({ mode: 'closed' });
    const secret = crypto.randomUUID();
    const src = `${browser.runtime.getURL(CARD_PAGE)}#${secret}`;
    const built = document.createElement('iframe');
    built.title = 'Quotewise card';
    built.setAttribute('popover', 'manual');
    built.style.cssText = FRAME;
    built.src = src;
    const channel = new MessageChannel();
    ready = false;
    // The frame's own origin: Chrome loads the per-session address under the extension's origin.
    const cardOrigin = new URL(browser.runtime.getURL('/')).origin;
    built.addEventListener('load', () => built.contentWindow?.postMessage({ quotewiseCard: secret }, cardOrigin, [channel.port2]), { once: true });
    channel.port1.onmessage = (event: MessageEvent) => {
      const message = FromCard.safeParse(event.data);
      if (!message.success) return;
      if (message.data.type === 'ready') {
        ready = true;
        if (owner) built.focus({ preventScroll: true });
      } else {
        owner?.props().onCardMessage(message.data);
      }
    };
    port?.close();
    port = channel.port1;
    frame = built;
    shadow.append(built);
    document.body.append(host);
  }

  /** No badge owns the frame any more: it stops following the last one's pill. */
  function letGo(): void {
    owner = undefined;
    stopAnchor?.();
    stopAnchor = undefined;
  }

  return {
    /** Load the frame now, so the first card opens at once. */
    warm(): void {
      if (!host?.isConnected) build();
    },
    show(next: Owner, email: OpenEmail | null): void {
      this.warm();
      const current = next.props();
      if (owner !== next) {
        letGo();
        owner = next;
        generation += 1;
        frame!.style.colorScheme = current.dark ? 'dark' : 'light';
        frame!.showPopover?.();
        stopAnchor = anchor(next.reference, frame!, { fitHeight: true, onHidden: () => owner?.props().onClose() });
        if (ready) frame!.focus({ preventScroll: true });
      }
      const show: ShowCard = { type: 'show', generation, state: current.state, dark: current.dark, email, dismissed: current.dismissedOffers() };
      port!.postMessage(show);
    },
    /** Remove the frame and its host: the content script stopped (the extension went, or the page is done). */
    dispose(): void {
      letGo();
      port?.close();
      port = undefined;
      host?.remove();
      host = undefined;
    },
    hide(of: Owner): void {
      if (owner !== of) return;
      letGo();
      const hide: HideCard = { type: 'hide' };
      port?.postMessage(hide);
      frame?.hidePopover?.();
    },
  };
}

/** The badge UI runs once per page: one card frame for all its badges. */
export const cardFrame = createCardFrame();

/** The card of one badge, while it is open: shown in the page's card frame, beside its pill. */
export function useCardFrame(open: boolean, props: CardFrameProps): void {
  const latest = useRef(props);
  latest.current = props;
  const owner = useRef<Owner>();
  // The email is read once, when the card opens: what it asks for now.
  const email = useRef<OpenEmail | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const opened: Owner = { reference: props.reference, props: () => latest.current };
    owner.current = opened;
    email.current = props.anchorOf ? openEmailAt(props.anchorOf()) : null;
    return () => cardFrame.hide(opened);
  }, [open, props.reference]);
  useLayoutEffect(() => {
    if (open && owner.current) cardFrame.show(owner.current, email.current);
  }, [open, props.reference, props.state, props.dark]);
}

/** The sender's email beside the badge, if any: its newest text is all the card reads. */
function openEmailAt(anchor: Element): OpenEmail | null {
  const message = messageOf(anchor);
  return message && { id: message.id, text: messageText(message.body).slice(0, LOOK_CHARS) };
}
