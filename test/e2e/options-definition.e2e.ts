import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibleNodes, launchExtension, type ExtensionSession } from './harness';

type Reply<T> = { ok: true; data: T } | { ok: false; error: { message: string } };
type Summary = { accountId: string; score: number | null; band: string; definitionVersion: number };

const DAY = 86_400_000;

describe('options: the ideal-account definition', () => {
  let session: ExtensionSession;
  let accountIds: string[] = [];

  const send = async <T,>(type: string, data: unknown): Promise<T> => {
    const reply = (await session.send({ quotewise: 1, type, data })) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data;
  };
  const scores = async () =>
    (await send<{ summaries: Summary[] }>('health.ofAccounts', { accountIds })).summaries.map((s) => ({ id: s.accountId, score: s.score, band: s.band }));
  const version = async () => (await send<{ version: number }>('definition.get', {})).version;

  beforeAll(async () => {
    session = await launchExtension();
    const now = Date.now();
    const usd = (minor: number) => ({ minor, currency: 'USD' });
    // A price relationship: many quotes (left without an outcome for over 60 days: no decision), one order, repeated price-match requests.
    const acme = await send<{ id: string }>('accounts.create', { id: crypto.randomUUID(), name: 'Acme Industrial', domains: ['acme-industrial.com'] });
    for (let i = 0; i < 6; i++) await send('events.record', { event: { type: 'quote', accountId: acme.id, at: now - (120 - i * 5) * DAY, amount: usd(100_000) } });
    await send('events.record', { event: { type: 'order', accountId: acme.id, at: now - 40 * DAY, amount: usd(100_000) } });
    for (let i = 0; i < 3; i++) await send('events.record', { event: { type: 'price_match', accountId: acme.id, at: now - (30 - i) * DAY, competitor: 'Globex' } });
    // A steady buyer.
    const initech = await send<{ id: string }>('accounts.create', { id: crypto.randomUUID(), name: 'Initech', domains: ['initech.io'] });
    for (let i = 0; i < 8; i++) await send('events.record', { event: { type: 'order', accountId: initech.id, at: now - (i * 30 + 5) * DAY, amount: usd(500_000) } });
    accountIds = [acme.id, initech.id];
  });
  afterAll(async () => {
    await session?.close();
  });

  it('exports the definition, saves a change, imports the export back and gets the original scores', async () => {
    const original = await scores();
    expect(original.every((s) => s.score !== null)).toBe(true);
    const options = await session.openExtensionPage('options.html');
    await options.getByText(/^Version 1/).waitFor();

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export to a file' }).click()]);
    expect(download.suggestedFilename()).toBe('quotewise-definition-v1.json');
    const exported = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'quotewise-definition', formatVersion: 1, definition: { version: 1 } });

    // Edit: weigh a price relationship much more. Before anything is saved, the preview lists the account it
    // moves, before and after, and the total.
    await options.getByRole('textbox', { name: 'Price relationship', exact: true }).fill('80');
    await options.getByText('1 of 2 accounts would change band or move by 5 points or more with these edits (0 changing band).').waitFor();
    const moved = options.getByRole('list', { name: 'Accounts that would change' }).getByRole('listitem');
    expect(await moved.allTextContents()).toEqual([expect.stringMatching(/^Acme Industrial: At risk, (\d+) → At risk, 0 \(−\1\)$/)]);
    expect(await version()).toBe(1);
    await options.getByRole('button', { name: 'Save as version 2' }).click();
    await options.getByText('Saved as version 2. Every score now uses it.').waitFor();
    const changed = await scores();
    expect(changed).not.toEqual(original);

    // Import the exported file: a new version with the original rules, and the original scores.
    await options.getByLabel('Import from a file').setInputFiles({ name: 'team-definition.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await options.getByText('Imported “Default” from team-definition.json; saved as version 3.').waitFor();
    expect(await version()).toBe(3);
    expect(await scores()).toEqual(original);
    await options.close();
  });

  it('refuses an invalid file with a clear error and changes nothing', async () => {
    const before = await version();
    const options = await session.openExtensionPage('options.html');
    await options.getByText(new RegExp(`^Version ${before}`)).waitFor();
    await options.getByLabel('Import from a file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    expect(await options.getByRole('alert').textContent()).toBe('notes.json: This is not a Quotewise ideal-account definition file. Nothing was changed.');
    const broken = JSON.stringify({ format: 'quotewise-definition', formatVersion: 1, definition: { thresholds: { minWinRate: 7 } } });
    await options.getByLabel('Import from a file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/^broken\.json: The definition in this file is invalid:[\s\S]*minWinRate[\s\S]*Nothing was changed\.$/);
    expect(await version()).toBe(before);

    // A bad value in the form: an inline message, and Save stays a no-op.
    const window = options.getByRole('textbox', { name: 'Window: months of history that count' });
    await window.fill('0');
    await expect.poll(() => window.getAttribute('aria-invalid')).toBe('true');
    expect(await options.getByText('At least 1.').isVisible()).toBe(true);
    expect(await options.getByText('Fix the marked fields to see the preview.').isVisible()).toBe(true);
    await options.getByRole('button', { name: `Save as version ${before + 1}` }).click();
    await options.getByText('Fix the marked fields first; nothing was saved.').waitFor();
    expect(await version()).toBe(before);

    // Reset to defaults fills the form; saving it is the rep's choice.
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    expect(await window.inputValue()).toBe('12');
    await options.close();
  });

  it('saves the rep’s own domains and free-mail adjustments through validated settings', async () => {
    const options = await session.openExtensionPage('options.html');
    const own = options.getByRole('textbox', { name: 'Your domain' });
    await own.fill('not a domain');
    await own.press('Enter');
    await options.getByText('“not a domain” is not a domain. Type it like acme.com.').waitFor();
    await own.fill('rep@Northwind-Supply.com');
    await own.press('Enter');
    await options.getByRole('button', { name: 'Remove northwind-supply.com' }).waitFor();
    await options.getByRole('textbox', { name: 'Free-mail domain' }).fill('mail.example-isp.net');
    await options.getByRole('textbox', { name: 'Free-mail domain' }).press('Enter');
    await options.getByRole('button', { name: 'Remove mail.example-isp.net' }).waitFor();
    expect(await send('settings.get', {})).toMatchObject({ ownDomains: ['northwind-supply.com'], freeMailExtra: ['mail.example-isp.net'] });
    // An own-domain address is not a customer any more.
    const { results } = await send<{ results: { identity: unknown }[] }>('accounts.lookup', { emails: ['someone@northwind-supply.com'] });
    expect(results[0]?.identity).toBeNull();
    await options.close();
  });

  it('enables an extra CRM address: asks for the host, registers the badge script for it, and undoes both on disable', async () => {
    const options = await session.openExtensionPage('options.html');
    const address = options.getByRole('textbox', { name: 'CRM address' });
    await address.fill('http://crm.example.com');
    await address.press('Enter');
    await options.getByText('Only https:// addresses can be enabled.').waitFor();
    // An origin the extension already holds is granted without a prompt, which a headless test cannot click.
    // (Any other address shows Chromium's permission prompt.)
    await address.fill('https://mail.google.com/mail/u/0/');
    await address.press('Enter');
    await options.getByRole('button', { name: 'Disable https://mail.google.com/*' }).waitFor();
    const registered = () => options.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    await expect.poll(registered).toEqual([expect.objectContaining({ id: 'quotewise-extra-sites', matches: ['https://mail.google.com/*'], js: ['content-scripts/badge.js'] })]);
    expect(await send('settings.get', {})).toMatchObject({ extraSites: ['https://mail.google.com/*'] });

    await options.getByRole('button', { name: 'Disable https://mail.google.com/*' }).click();
    await options.getByText('None yet: Quotewise runs only on the supported sites.').waitFor();
    await expect.poll(registered).toEqual([]);
    await options.close();
  });

  it('made no network request: only the pages the test opened were loaded', () => {
    expect(session.requests.filter((request) => !request.navigation)).toEqual([]);
  });

  it('passes a screen-reader check: headings, named fields and buttons', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByText(/^Version \d+/).waitFor();
    await options.getByRole('heading', { name: 'Your own email domains' }).waitFor();
    const nodes = await accessibleNodes(options);
    const has = (role: string, name: string) => nodes.some((n) => n.role === role && n.name === name);
    for (const heading of ['Quotewise settings', 'Ideal-account definition', 'Your own email domains', 'Free-mail domains', 'Extra CRM addresses', 'Quick-log']) {
      expect(has('heading', heading), heading).toBe(true);
    }
    for (const field of ['Definition name', 'Payment terms (days)', 'Minimum order size (USD)', 'Price relationship', 'CRM address', 'Default currency']) {
      expect(has('textbox', field), field).toBe(true);
    }
    for (const button of ['Export to a file', 'Reset to defaults', 'Enable', 'Save quick-log settings']) expect(has('button', button), button).toBe(true);
    const interactive = new Set(['button', 'textbox', 'combobox', 'checkbox', 'link', 'radio', 'spinbutton']);
    expect(nodes.filter((n) => interactive.has(n.role) && !n.name.trim())).toEqual([]);
    await options.close();
  });
});
