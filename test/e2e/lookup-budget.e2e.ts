import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOKUP_BURST, LOOKUP_REFILL_MS } from '@/lib/content/lookups';
import { MAX_BADGED_ALL } from '@/lib/content/on-screen';
import { LOOKUP_LIMITS } from '@/lib/messaging/lookup';
import { launchExtension, type ExtensionSession } from './harness';
import { badgeNames, createAccount, expectBadges, openPage } from './badge-harness';
import { countLookups, serveCrowdedThread, serveFlippingThread } from './restless-page';

/** Issue 15, item 2: a page with a thousand people keeps its badges, and a restless page cannot drive the lookups. */
const CROWDED = 'https://mail.google.com/mail/u/0/#inbox/crowded';
const FLIPPING = 'https://mail.google.com/mail/u/1/#inbox/flipping';
const ACME = 'Quotewise: Acme Industrial, Not enough data.';
const INITECH = 'Quotewise: Initech Parts, Not enough data.';
const PEOPLE = 1000;
const FAR_DOWN = 900;

describe('lookups that scale and cannot be driven', () => {
  let session: ExtensionSession;
  let lookups: Awaited<ReturnType<typeof countLookups>>;
  beforeAll(async () => {
    session = await launchExtension();
    await serveCrowdedThread(session.context, 'https://mail.google.com/mail/u/0/**', PEOPLE, { [FAR_DOWN]: 'buyer@initech-parts.com' });
    await serveFlippingThread(session.context, 'https://mail.google.com/mail/u/1/**');
    await createAccount(session, { name: 'Acme Industrial', domains: ['acme-industrial.com'] });
    await createAccount(session, { name: 'Initech Parts', domains: ['initech-parts.com'] });
    lookups = await countLookups(session.serviceWorker);
  });
  afterAll(async () => {
    await session?.close();
  });

  it(`a thread with ${PEOPLE} people shows the known customer's badge, badges only who is on screen, and each lookup is within the message's limit`, async () => {
    await lookups.reset();
    const { page, errors } = await openPage(session, CROWDED);
    await expect.poll(async () => (await badgeNames(page)).filter((name) => name === ACME)).toEqual([ACME]);
    const onScreen = await page.evaluate(() => document.querySelectorAll('quotewise-badge').length);
    expect(onScreen).toBeGreaterThan(0);
    expect(onScreen).toBeLessThan(MAX_BADGED_ALL);
    expect(await badgeNames(page)).not.toContain(INITECH);
    // Scrolled to, the customer far down the list gets a badge too.
    await page.evaluate((email) => document.querySelector(`span[email="${email}"]`)!.scrollIntoView(), 'buyer@initech-parts.com');
    await expect.poll(async () => (await badgeNames(page)).includes(INITECH)).toBe(true);
    const sent = await lookups.read();
    expect(sent.length).toBeGreaterThan(0);
    expect(Math.max(...sent)).toBeLessThanOrEqual(LOOKUP_LIMITS.emails);
    // Only who was on screen (or near it) was asked about, never the whole list.
    expect(sent.reduce((sum, emails) => sum + emails, 0)).toBeLessThan(PEOPLE);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page changing an address every frame costs at most the budget of lookups, and still gets its answers', async () => {
    const { page, errors } = await openPage(session, FLIPPING);
    await page.waitForFunction(() => (window as unknown as { __qwFlips: number }).__qwFlips > 10);
    await lookups.reset();
    const flipsBefore = await page.evaluate(() => (window as unknown as { __qwFlips: number }).__qwFlips);
    const started = Date.now();
    await page.waitForTimeout(3000);
    const sent = (await lookups.read()).length;
    const elapsed = Date.now() - started;
    const flips = (await page.evaluate(() => (window as unknown as { __qwFlips: number }).__qwFlips)) - flipsBefore;
    // The budget: a full burst at the start of the window, then one per refill (and one in flight at its edge).
    const budget = LOOKUP_BURST + Math.ceil(elapsed / LOOKUP_REFILL_MS) + 1;
    expect(sent).toBeLessThanOrEqual(budget);
    // The page did change far more often than that, and the script kept asking at the budget's pace.
    expect(flips).toBeGreaterThan(budget * 2);
    expect(sent).toBeGreaterThan(1);
    // Once the page settles, its sender gets the badge.
    const last = await page.evaluate(() => {
      (window as unknown as { __qwStop: boolean }).__qwStop = true;
      return document.querySelector('div[data-message-id] h3 span[email]')!.getAttribute('email')!;
    });
    await expectBadges(page, [`Quotewise: ${last} is not an account yet. Create account.`, 'Quotewise: Is northwind-supply.com your company?', ACME]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
