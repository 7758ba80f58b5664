import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocol } from '@/lib/messaging/protocol';
import { ALLOWED_SENDERS } from '@/lib/messaging/senders';
import { type ExtensionSession, waitForAccessible } from './harness';
import { anyBadge, launchWithFixtures, openPage } from './badge-harness';

/**
 * Issue 15: every message of the protocol, sent from the badge's content script (its isolated
 * world, driven through CDP as code running there would) and from an extension page, against the
 * one table of allowed senders (lib/messaging/senders.ts). Empty data: an allowed message fails
 * on its data, or succeeds; only a sender the table does not allow gets "forbidden".
 */
type Reply = { ok: boolean; error?: { code: string } };

describe('who may send each message, in the browser', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithFixtures([['https://mail.google.com/**', 'gmail/thread.html']]);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a content script is answered only for what a badge needs; an extension page for everything', async () => {
    const { page } = await openPage(session, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy');
    await waitForAccessible(page, anyBadge);
    const cdp = await page.context().newCDPSession(page);
    const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const world = worlds.find((context) => context.auxData?.type === 'isolated' && context.name === 'Quotewise');
    expect(world, JSON.stringify(worlds)).toBeDefined();

    const fromContent = async (type: string): Promise<Reply> => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world!.id,
        expression: `chrome.runtime.sendMessage(${JSON.stringify({ quotewise: 1, type, data: {} })})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`${type}: ${exceptionDetails.text}`);
      return result.value as Reply;
    };
    const types = Object.keys(protocol) as (keyof typeof ALLOWED_SENDERS)[];
    const refused = { content: [] as string[], extension: [] as string[] };
    for (const type of types) {
      const content = await fromContent(type);
      if (content.error?.code === 'forbidden') refused.content.push(type);
      const extension = (await session.send({ quotewise: 1, type, data: {} })) as Reply;
      if (extension.error?.code === 'forbidden') refused.extension.push(type);
    }
    const allowed = (from: 'content' | 'extension') => types.filter((type) => (ALLOWED_SENDERS[type] as readonly string[]).includes(from));
    expect(refused.content.sort()).toEqual(types.filter((type) => !allowed('content').includes(type)).sort());
    expect(allowed('content').sort()).toEqual(['accounts.lookup', 'ui.loadBadgeUi']);
    // Extension pages send everything but the badge UI's own loader.
    expect(refused.extension).toEqual(types.filter((type) => !allowed('extension').includes(type)));
    expect(refused.extension).toEqual(['ui.loadBadgeUi']);
    await cdp.detach();
    await page.close();
  });
});
