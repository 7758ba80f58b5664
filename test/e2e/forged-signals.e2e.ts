import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';
import { createAccount, expectBadges, launchWithFixtures, openPage } from './badge-harness';
import { COUNT_SCANS, SCANS, inContentScriptWorld } from './isolated-world';

/**
 * Issue 15, item 5: the page can neither see the content script start (no message carrying
 * the extension id) nor drive it with events it forges (stop it, make it rescan).
 */
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWBvGkPqLmNnRsTtVvWwXxYy';
const HUBSPOT = 'https://app.hubspot.com/contacts/4567890/record';
const ACME = 'Quotewise: Acme Industrial, Not enough data.';

/** Records every `message` event the page receives, from before any script of the page or the extension runs. */
const RECORD_MESSAGES = `window.__qwMessages = []; window.addEventListener('message', (event) => window.__qwMessages.push(JSON.stringify(event.data) ?? String(event.data)), true);`;

type Forgery = 'start-up' | 'location';

/** What a hostile page sends, each round in a task of its own (a burst in one task would be coalesced into one scan anyway). */
async function forge(page: Page, extensionId: string, kind: Forgery, rounds: number): Promise<void> {
  await page.evaluate(
    async ({ id, kind, rounds }) => {
      // WXT's names: the extension id, the entrypoint, the event.
      const prefixes = [`${id}:badge:`, `${id}:content-scripts/badge:`, 'x:badge:'];
      for (let i = 0; i < rounds; i++) {
        for (const prefix of prefixes) {
          if (kind === 'start-up') {
            const started = `${prefix}wxt:content-script-started`;
            document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'badge', messageId: `forged${i}` } }));
            window.postMessage({ type: started, contentScriptName: 'badge', messageId: `forged${i}` }, '*');
          } else {
            const moved = new Event(`${prefix}wxt:locationchange`);
            Object.assign(moved, { newUrl: new URL(location.href), oldUrl: new URL(location.href) });
            window.dispatchEvent(moved);
          }
        }
        if (kind === 'location') {
          window.dispatchEvent(new PopStateEvent('popstate'));
          (window as unknown as { navigation?: EventTarget }).navigation?.dispatchEvent(new Event('currententrychange'));
        }
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
    { id: extensionId, kind, rounds },
  );
}

describe('no framework signal the page can see or forge', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithFixtures([
      ['https://mail.google.com/**', 'gmail/thread.html'],
      [`${HUBSPOT}/**`, 'hubspot/contact.html'],
    ]);
    await session.context.addInitScript({ content: RECORD_MESSAGES });
    await createAccount(session, { name: 'Acme Industrial', domains: ['acme-industrial.com'] });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the page receives no message carrying the extension id, and forged start-up events do not stop the badges', async () => {
    const { page, errors } = await openPage(session, GMAIL);
    await expectBadges(page, [ACME, 'Quotewise: Is northwind-supply.com your company?', ACME]);
    const messages = async () => (await page.evaluate(() => (window as unknown as { __qwMessages: string[] }).__qwMessages)).filter((message) => !message.includes('forged'));
    expect(await messages()).toEqual([]);
    await forge(page, session.extensionId, 'start-up', 50);
    // Still running: a new conversation gets its badge.
    await page.evaluate(() => {
      const person = document.querySelector('div[data-message-id] span[email="jane.doe@acme-industrial.com"]')!;
      person.setAttribute('email', 'buyer@globex-metals.com');
    });
    await expectBadges(page, ['Quotewise: buyer@globex-metals.com is not an account yet. Create account.', 'Quotewise: Is northwind-supply.com your company?', ACME]);
    expect(await messages()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('forged location events on a CRM page cause no rescan; a real navigation still does', async () => {
    const { page, errors } = await openPage(session, `${HUBSPOT}/0-1/1234567`);
    await expectBadges(page, [ACME]);
    const world = await inContentScriptWorld(page, session.extensionId);
    await world(COUNT_SCANS);
    await forge(page, session.extensionId, 'location', 200);
    expect(await world<number>(SCANS)).toBe(0);
    await page.evaluate(() => {
      const swap = (text: string) => text.replaceAll('acme-industrial', 'globex-metals');
      for (const element of document.body.querySelectorAll('*')) for (const attribute of [...element.attributes]) element.setAttribute(attribute.name, swap(attribute.value));
      for (const input of document.querySelectorAll('input')) input.value = swap(input.value);
      history.pushState({}, '', '/contacts/4567890/record/0-1/1234599');
    });
    await expectBadges(page, ['Quotewise: jane.doe@globex-metals.com is not an account yet. Create account.']);
    expect(await world<number>(SCANS)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
