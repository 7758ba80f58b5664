import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, stopServiceWorkers, type ExtensionSession } from './harness';

type Settled = { status: 'fulfilled'; value: { ok: boolean } } | { status: 'rejected'; reason: unknown };

/** Order `i` of a burst, with its own id. */
const orderMessage = (accountId: string, prefix: string, i: number) => ({
  quotewise: 1,
  type: 'events.record',
  data: { event: { id: `${prefix}-${i}`, type: 'order', accountId, at: Date.UTC(2026, 0, 1) + i, amount: { minor: 100 + i, currency: 'USD' } } },
});

/** Start sending these messages from an extension page, all at once, without waiting for them. */
async function startBurst(page: Page, messages: readonly unknown[]) {
  await page.evaluate((messages) => {
    const sends = messages.map((message) => chrome.runtime.sendMessage(message));
    Object.assign(window, { burst: Promise.allSettled(sends), firstAnswer: Promise.race(sends).catch(() => undefined) });
  }, messages);
}

const orderBurst = (page: Page, accountId: string, prefix: string, count: number) =>
  startBurst(page, Array.from({ length: count }, (_, i) => orderMessage(accountId, prefix, i)));

const finishBurst = (page: Page) => page.evaluate(() => (window as unknown as { burst: Promise<Settled[]> }).burst);

describe('faults: nothing logged is lost', () => {
  let session: ExtensionSession;
  let accountId: string;
  const storedIds = async () => {
    const reply = (await session.send({ quotewise: 1, type: 'events.ofAccount', data: { accountId } })) as { data: { events: { id: string }[] } };
    return reply.data.events.map((e) => e.id);
  };

  beforeAll(async () => {
    session = await launchExtension();
    const created = (await session.send({ quotewise: 1, type: 'accounts.create', data: { id: crypto.randomUUID(), name: 'Burst Co' } })) as { data: { id: string } };
    accountId = created.data.id;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the service worker stopped in the middle of a burst: every write is committed or reported failed, and a retry completes it', async () => {
    const page = await session.openExtensionPage('popup.html');
    await orderBurst(page, accountId, 'sw', 60);
    // Stop it once the first write is answered: the rest are queued or in flight.
    await page.evaluate(() => (window as unknown as { firstAnswer: Promise<unknown> }).firstAnswer);
    await stopServiceWorkers(page);
    const results = await finishBurst(page);
    const ok = results.flatMap((r, i) => (r.status === 'fulfilled' && r.value?.ok ? [`sw-${i}`] : []));
    expect(ok.length).toBeGreaterThan(0);
    const stored = new Set(await storedIds());
    // Whatever was confirmed is stored.
    for (const id of ok) expect(stored.has(id)).toBe(true);
    // Whatever was not confirmed was reported to the sender (a rejection or an error reply), and
    // re-sending it with the same id completes the burst with no duplicate.
    const unconfirmed = results.flatMap((r, i) => (r.status === 'fulfilled' && r.value?.ok ? [] : [i]));
    console.info(`burst: ${ok.length} confirmed, ${unconfirmed.length} reported failed`);
    for (const i of unconfirmed) {
      const retry = (await session.send(orderMessage(accountId, 'sw', i))) as { ok: boolean };
      expect(retry.ok).toBe(true);
    }
    const finalIds = (await storedIds()).filter((id) => id.startsWith('sw-'));
    expect(finalIds.length).toBe(60);
    expect(new Set(finalIds).size).toBe(60);
    await page.close();
  });

  it('account creates cut off by a stopped service worker, retried with their ids, make each account once (issue 15)', async () => {
    const page = await session.openExtensionPage('popup.html');
    const creates = Array.from({ length: 40 }, (_, i) => ({ quotewise: 1, type: 'accounts.create', data: { id: crypto.randomUUID(), name: `Retry Co ${i}` } }));
    await startBurst(page, creates);
    await page.evaluate(() => (window as unknown as { firstAnswer: Promise<unknown> }).firstAnswer);
    await stopServiceWorkers(page);
    const results = await finishBurst(page);
    const unconfirmed = creates.filter((_, i) => !(results[i]!.status === 'fulfilled' && results[i]!.value?.ok));
    console.info(`creates: ${creates.length - unconfirmed.length} confirmed, ${unconfirmed.length} reported failed`);
    // The sender does not know whether a failed one was saved: it sends it again, same id.
    for (const create of unconfirmed) expect(await session.send(create)).toMatchObject({ ok: true, data: { id: create.data.id } });
    const found = (await session.send({ quotewise: 1, type: 'accounts.search', data: { query: 'Retry Co', limit: 50 } })) as { data: { accounts: { id: string }[] } };
    expect(found.data.accounts.map((account) => account.id).sort()).toEqual(creates.map((create) => create.data.id).sort());
    await page.close();
  });

  it('two tabs and the popup writing at once lose nothing', async () => {
    const pages = await Promise.all(['history.html', 'data.html', 'popup.html'].map((p) => session.openExtensionPage(p)));
    await Promise.all(pages.map((page, n) => orderBurst(page, accountId, `writer${n}`, 40)));
    const results = (await Promise.all(pages.map(finishBurst))).flat();
    expect(results.every((r) => r.status === 'fulfilled' && r.value.ok)).toBe(true);
    const ids = (await storedIds()).filter((id) => id.startsWith('writer'));
    expect(ids.length).toBe(120);
    await Promise.all(pages.map((p) => p.close()));
  });
});
