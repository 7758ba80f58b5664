import { messageSelectors as selectors } from '../adapters/selectors';
import { LOOK_CHARS, newestText } from './newest';

/**
 * The open message a badge belongs to, read only in the badge UI (never the content
 * script): the message element around the badge's anchor, its id, and the newest text
 * of its body. Only the message whose sender has the badge is read; a recipient's
 * badge, a compose window or a CRM page has no message.
 */
export interface OpenMessage {
  /** Gmail's data-message-id, or Outlook's conversation item id. */
  id: string;
  body: Element;
}

export function messageOf(anchor: Element): OpenMessage | null {
  const gmail = anchor.closest(selectors.gmailMessage);
  if (gmail) {
    if (!anchor.matches(selectors.gmailSender)) return null;
    const body = gmail.querySelector(selectors.gmailMessageBody);
    const id = gmail.getAttribute('data-message-id');
    return body && id ? { id, body } : null;
  }
  const pane = anchor.closest(selectors.outlookReadingPane);
  if (pane) {
    if (!anchor.closest(selectors.outlookSender)) return null;
    // Outlook gives a message no id in the page: the open conversation's id, and which of its messages.
    const item = anchor.closest(selectors.outlookMessageItem) ?? pane;
    const body = item.querySelector(selectors.outlookMessageBody);
    const conversation = anchor.ownerDocument.querySelector(selectors.outlookSelectedConversation)?.getAttribute('data-convid');
    const index = [...pane.querySelectorAll(selectors.outlookMessageItem)].indexOf(item);
    return body && conversation ? { id: `outlook:${conversation}:${Math.max(0, index)}`, body } : null;
  }
  return null;
}

/** What the page hides from the newest text: quoted history, signatures, Outlook's reply header and all that follows it. */
const SKIP = `${selectors.gmailQuote}, ${selectors.gmailSignature}, ${selectors.outlookSignature}, ${selectors.outlookQuoteStart}`;
const BLOCK = /^(DIV|P|BR|LI|TR|H[1-6]|BLOCKQUOTE|TABLE)$/;

/** The body's newest text: its text nodes in order, block elements as line breaks, stopping where quoted history starts. */
export function messageText(body: Element, limit = LOOK_CHARS): string {
  const parts: string[] = [];
  let length = 0;
  let stopped = false;
  const visit = (node: Node) => {
    if (stopped || length > limit) return;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      parts.push(text);
      length += text.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.matches(SKIP)) {
      // Outlook puts the reply header and everything quoted after it as siblings: stop there.
      if (element.matches(selectors.outlookQuoteStart)) stopped = true;
      return;
    }
    if (/^(STYLE|SCRIPT|HEAD|TITLE)$/.test(element.tagName)) return;
    const block = BLOCK.test(element.tagName);
    if (block) parts.push('\n');
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
    if (block) parts.push('\n');
  };
  for (let child = body.firstChild; child; child = child.nextSibling) visit(child);
  return newestText(parts.join('').replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n'));
}
