import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createAccount } from '@/lib/db/accounts';
import { onDatabaseUpgradedElsewhere, QuotewiseDB } from '@/lib/db/db';
import { countEvents, eventsOfAccount, recordEvents } from '@/lib/db/events';
import { LATEST_VERSION } from '@/lib/db/schema';
import { createRouter, STORAGE_FULL } from '@/lib/messaging/router';
import { DAY, freshDb, NOW } from './helpers';
import { usd } from './history';

describe('storage quota exceeded', () => {
  it('gives the rep a clear message and writes nothing of the batch', async () => {
    const db = await freshDb();
    const account = await createAccount(db, { name: 'Acme' }, NOW);
    await recordEvents(db, [{ type: 'order', accountId: account.id, at: NOW - DAY, amount: usd(10) }], NOW);
    vi.spyOn(db.eventChunks, 'bulkPut').mockRejectedValueOnce(new Dexie.QuotaExceededError('QuotaExceededError: quota exceeded'));

    const route = createRouter(createHandlers({ db: () => db, now: () => NOW }), 'chrome-extension://x/');
    const reply = await route(
      { quotewise: 1, type: 'events.record', data: { event: { type: 'order', accountId: account.id, at: NOW, amount: usd(99) } } },
      { url: 'chrome-extension://x/popup.html' },
    );
    expect(reply).toEqual({ ok: false, error: { code: 'failed', message: STORAGE_FULL } });
    expect(await countEvents(db)).toBe(1);
    expect((await eventsOfAccount(db, account.id)).map((e) => e.type === 'order' && e.amount.minor)).toEqual([1000]);
  });
});

describe('upgrade while another page holds the old version', () => {
  it('completes, the old page is told to reload, and meanwhile reads what it knows', async () => {
    const name = `held-${crypto.randomUUID()}`;
    const oldPage = new QuotewiseDB(name, LATEST_VERSION - 1);
    await oldPage.open();
    await oldPage.table('accounts').add({ id: 'a', name: 'Acme', domains: [], aliases: ['acme'], judgement: { shareOfWallet: null, rightReasons: null, valuesAligned: null }, createdAt: NOW, updatedAt: NOW });
    const told = vi.fn();
    const stop = onDatabaseUpgradedElsewhere(told);

    const updated = new QuotewiseDB(name);
    await updated.open();
    expect(updated.verno).toBe(LATEST_VERSION);
    expect(await updated.accounts.get('a')).toMatchObject({ name: 'Acme' });
    expect(told).toHaveBeenCalledOnce();
    // Dexie reopens the old page's connection at the new version: what it knows still reads.
    expect(await oldPage.table('accounts').get('a')).toMatchObject({ name: 'Acme' });
    stop();
    updated.close();
    await Dexie.delete(name);
  });
});
