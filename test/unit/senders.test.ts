import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createBudget } from '@/lib/messaging/budget';
import { protocol, type MessageType } from '@/lib/messaging/protocol';
import { CONTENT_BURST, CONTENT_PER_SECOND, createRouter } from '@/lib/messaging/router';
import { ALLOWED_SENDERS } from '@/lib/messaging/senders';
import { freshDb, NOW } from './helpers';

const EXTENSION = 'chrome-extension://quotewise-test/';
const fromContent = { url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 }, frameId: 0 };
const fromCard = { url: `${EXTENSION}card.html#0123456789abcdef0123`, tab: { id: 3 }, frameId: 7 };
const fromPopup = { url: `${EXTENSION}popup.html` };

describe('who may send each message (lib/messaging/senders.ts)', () => {
  it('a content script may ask only what a badge needs: who the page’s customers are, and the badge’s UI', () => {
    const content = Object.entries(ALLOWED_SENDERS).flatMap(([type, senders]) => ((senders as readonly string[]).includes('content') ? [type] : []));
    expect(content.sort()).toEqual(['accounts.lookup', 'ui.loadBadgeUi']);
  });

  it('every message of the protocol, sent from a content script and from an extension page, is refused exactly where the table says', async () => {
    const db = await freshDb();
    const route = createRouter(createHandlers({ db: () => db, now: () => NOW }), EXTENSION);
    const types = Object.keys(protocol) as MessageType[];
    expect(types.length).toBeGreaterThan(15);
    for (const type of types) {
      for (const [context, sender] of [['content', fromContent], ['extension', fromCard], ['extension', fromPopup]] as const) {
        // Empty data: an allowed message fails on its data (or succeeds), never as forbidden.
        const reply = await route({ quotewise: 1, type, data: {} }, sender);
        const forbidden = !reply.ok && reply.error.code === 'forbidden';
        expect(forbidden, `${type} from ${sender.url}`).toBe(!(ALLOWED_SENDERS[type] as readonly string[]).includes(context));
      }
    }
  });

  it('a frame’s content script gets a bounded number of answers a second, however hard its page drives it; other frames and extension pages are not held up', async () => {
    const db = await freshDb();
    let now = NOW;
    const route = createRouter(createHandlers({ db: () => db, now: () => now }), EXTENSION, { now: () => now });
    const lookup = (sender: object) => route({ quotewise: 1, type: 'accounts.lookup', data: { emails: ['a@acme.com'] } }, sender);
    const codes = [];
    for (let i = 0; i < CONTENT_BURST + 5; i++) codes.push((await lookup(fromContent)).ok ? 'ok' : 'busy');
    expect(codes.filter((c) => c === 'ok')).toHaveLength(CONTENT_BURST);
    expect(await lookup(fromContent)).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect((await lookup({ ...fromContent, frameId: 2 })).ok).toBe(true);
    expect((await lookup(fromPopup)).ok).toBe(true);
    now += 1000;
    let again = 0;
    for (let i = 0; i < CONTENT_BURST; i++) if ((await lookup(fromContent)).ok) again++;
    expect(again).toBe(CONTENT_PER_SECOND);
  });
});

describe('createBudget', () => {
  it('gives a burst, then refills at its rate, and forgets idle keys once there are many', () => {
    let now = 0;
    const budget = createBudget({ perSecond: 2, burst: 3, now: () => now });
    expect([1, 2, 3, 4].map(() => budget.take('a'))).toEqual([true, true, true, false]);
    now += 500;
    expect([budget.take('a'), budget.take('a')]).toEqual([true, false]);
    for (let i = 0; i < 150; i++) budget.take(`k${i}`);
    now += 10_000;
    expect(budget.take('a')).toBe(true);
  });
});
