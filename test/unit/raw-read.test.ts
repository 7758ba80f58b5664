import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, findAccountByIdentity, linkContact } from '@/lib/db/accounts';
import { QuotewiseDB } from '@/lib/db/db';
import { saveDefinition } from '@/lib/db/definition';
import { recordEvents } from '@/lib/db/events';
import { rawRead } from '@/lib/db/raw-read';
import { identifyEmail } from '@/lib/identity';
import { DEFAULT_DEFINITION } from '@/lib/scoring/definition';
import { getSummaries, refreshSummaries } from '@/lib/scoring/store';
import { DAY, freshDb, NOW } from './helpers';
import { usd } from './history';

let db: QuotewiseDB;
beforeEach(async () => {
  db = await freshDb();
});

/** The same call through Dexie: inside a Dexie transaction the raw path stands aside. */
const viaDexie = <T>(fn: () => Promise<T>) => db.transaction('rw', db.tables, fn);

describe('the badge path in raw IndexedDB (lib/db/raw-read.ts)', () => {
  it('stands aside when the database is not open or a Dexie transaction is under way', async () => {
    const closed = new QuotewiseDB(`test-${crypto.randomUUID()}`);
    expect(rawRead(closed, ['accounts'], async () => 1)).toBeNull();
    expect(rawRead(db, ['accounts'], async () => 1)).not.toBeNull();
    await db.transaction('r', db.accounts, () => {
      expect(Dexie.currentTransaction).toBeTruthy();
      expect(rawRead(db, ['accounts'], async () => 1)).toBeNull();
    });
    // A database not yet open still answers, through Dexie (which opens it).
    await expect(findAccountByIdentity(closed, identifyEmail('jane@acme.com')!)).resolves.toBeNull();
    closed.close();
  });

  it('finds the same account as Dexie: a contact before the domain, free mail only by contact, nothing for strangers', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const subsidiary = await createAccount(db, { name: 'Acme Rockets', domains: ['acmerockets.com'] }, NOW);
    const bob = await createAccount(db, { name: 'Bob Builders' }, NOW);
    await linkContact(db, { email: 'wile@acme.com', accountId: subsidiary.id }, NOW);
    await linkContact(db, { email: 'bob.builder@gmail.com', accountId: bob.id }, NOW);
    for (const email of ['jane@acme.com', 'wile@acme.com', 'jane@eu.acmerockets.com', 'bob.builder@gmail.com', 'someone@gmail.com', 'x@globex.com']) {
      const identity = identifyEmail(email)!;
      const raw = await findAccountByIdentity(db, identity);
      expect(raw, email).toEqual(await viaDexie(() => findAccountByIdentity(db, identity)));
    }
    expect(await findAccountByIdentity(db, identifyEmail('wile@acme.com')!)).toMatchObject({ account: { id: subsidiary.id }, matchedBy: 'contact' });
    expect(await findAccountByIdentity(db, identifyEmail('jane@acme.com')!)).toMatchObject({ account: { id: acme.id }, matchedBy: 'domain' });
  });

  it('serves the same summaries as Dexie, and still recomputes a stale one or one of an older definition', async () => {
    const acme = await createAccount(db, { name: 'Acme', domains: ['acme.com'] }, NOW);
    const idle = await createAccount(db, { name: 'Idle', domains: ['idle.com'] }, NOW);
    await recordEvents(db, Array.from({ length: 6 }, (_, i) => ({ type: 'order' as const, accountId: acme.id, at: NOW - (i + 1) * 20 * DAY, amount: usd(5000) })), NOW);
    await refreshSummaries(db, [acme.id, idle.id], NOW);
    const ids = [acme.id, 'missing', idle.id];
    expect(await getSummaries(db, ids, NOW + 1000)).toEqual(await viaDexie(() => getSummaries(db, ids, NOW + 1000)));
    expect((await getSummaries(db, [acme.id], NOW + 1000))[0]?.computedAt).toBe(NOW);
    await saveDefinition(db, { ...DEFAULT_DEFINITION }, NOW + 2000);
    const [recomputed] = await getSummaries(db, [acme.id], NOW + 3000);
    expect(recomputed).toMatchObject({ computedAt: NOW + 3000, definitionVersion: DEFAULT_DEFINITION.version + 1 });
  });
});
