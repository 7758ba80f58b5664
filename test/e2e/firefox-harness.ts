import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './harness';

/**
 * Real Firefox (Debian's firefox-esr) with the built add-on, driven by puppeteer-core over
 * WebDriver BiDi, headless and with no network.
 *
 * What goes past puppeteer's public API (checked at run time where it could break):
 * - The raw BiDi connection (`browser.connection`), for commands puppeteer does not wrap:
 *   `browsingContext.locateNodes` from given start nodes, a browser-wide `network.addIntercept`,
 *   and navigation to moz-extension pages.
 * - `--remote-allow-system-access`: Firefox refuses BiDi navigation to moz-extension:// unless the
 *   remote agent may touch privileged pages. It also lets the harness watch the whole browser's
 *   network from the parent process (below). Both are flags of the test browser; the add-on ships nothing for them.
 * - Requests from the add-on's background page are not reported by BiDi's network module (it only
 *   sees tabs), so a parent-process observer (`http-on-opening-request`) records and cancels every
 *   HTTP channel the browser opens, with the principal that asked for it.
 * - BiDi's log module reports nothing from moz-extension documents, so errors are collected from
 *   Firefox itself: the console service (uncaught errors, CSP violations) and, through a process
 *   script in every content process, console.error calls with the add-on id that made them.
 */

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3');
export const ADDON_ID = 'quotewise@quotewise.app';
/** Fixed through `extensions.webextensions.uuids`, so extension pages have a known address. */
export const ADDON_UUID = '6f0d3c1e-9a42-4b7e-8d15-2c7e4a9b0f31';
export const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** A page served at a real address: any URL starting with `prefix` (the fragment aside). */
/**
 * Firefox's own report when a test closes an extension page while one of its runtime messages
 * is still being answered (the page is gone; its promise can never settle). Not an error in the
 * add-on: a rep closing the popup mid-request gets the same line in the browser console.
 */
const UNLOADED_WITH_MESSAGE_IN_FLIGHT = /^XPConnect JavaScript in moz-extension:\/\/[\w-]+\/[\w-]+\.js: Promise rejected after context unloaded: Actor 'Conduits' destroyed before query 'RuntimeMessage' was resolved\s*$/;

export interface Fixture {
  prefix: string;
  file?: string;
  body?: string;
}

/** A request BiDi saw in a tab or extension page. Every one is answered by the harness: served or failed. */
export interface TabRequest {
  url: string;
  /** A top-level navigation the test asked for (`openPage`), answered with a fixture. */
  served: boolean;
}

/** An HTTP(S)/WebSocket channel the browser opened anywhere (tabs, extension pages, the background page, Firefox itself). */
export interface ChannelRecord {
  url: string;
  /** The principal that asked for it: "system" (Firefox, or a navigation the test asked for), an origin, or "expanded:<origins>" (a content script). */
  triggering: string;
  loading: string;
  /** The add-on's own pages, its background page or its content scripts asked for it. */
  fromAddon: boolean;
  /** Cancelled before it left the browser (everything but the served fixtures). */
  cancelled: boolean;
}

export interface BidiNode {
  type: 'node';
  sharedId: string;
  value?: { localName?: string; attributes?: Record<string, string>; shadowRoot?: BidiNode | null; mode?: 'open' | 'closed' };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: never) => void): unknown;
}

interface BeforeRequestSent {
  isBlocked: boolean;
  navigation: string | null;
  request: { request: string; url: string };
}

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  /** What BiDi's interception saw in tabs and extension pages. */
  tabRequests: TabRequest[];
  /** Every channel the browser opened, from its parent process. */
  channels: ChannelRecord[];
  /** Errors from the add-on (pages, background page, content scripts) and from the fixture pages: console.error, uncaught errors, CSP violations. */
  problems: string[];
  extensionUrl(page: string): string;
  /** Open a fixture page at its real address, in a new tab. */
  openPage(url: string): Promise<Page>;
  /** Open an extension page (popup.html, data.html ...) in a new tab; resolves once its document is complete. */
  openExtensionPage(page: string): Promise<Page>;
  /** Send a raw message from an extension page, exactly as the UI does. */
  send(message: unknown): Promise<unknown>;
  bidi: BidiConnection;
  close(): Promise<void>;
}

/** puppeteer-core exposes the BiDi connection on the browser at run time (not in its types). */
function bidiOf(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (typeof connection?.send !== 'function' || typeof connection.on !== 'function') {
    throw new Error('puppeteer-core no longer exposes browser.connection: update test/e2e/firefox-harness.ts');
  }
  return connection;
}

/** The BiDi browsing context id of a page's main frame (puppeteer's BidiFrame keeps it in `_id`). */
export function contextOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('No BiDi browsing context id on the page: update test/e2e/firefox-harness.ts');
  return id;
}

/**
 * Runs in Firefox's parent process (the browser window, with system access). It records every
 * HTTP channel with the principals that asked for it, and cancels it unless it is a navigation
 * to a fixture address, which BiDi then serves. `send` is a BiDi script channel.
 */
const NETWORK_RECORDER = `(send, fixturePrefixes, addonId, addonOrigin) => {
  const prefixes = JSON.parse(fixturePrefixes);
  const describe = (p) => !p ? '' : p.isSystemPrincipal ? 'system' : p.isExpandedPrincipal ? 'expanded:' + p.allowlist.map((q) => q.origin).join('|') : p.origin;
  const ours = (p) => !!p && (p.addonId === addonId || p.origin === addonOrigin || (p.isExpandedPrincipal && p.allowlist.some(ours)));
  const observer = {
    observe(subject) {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const info = channel.loadInfo;
      const url = channel.URI.spec;
      const document = info && info.externalContentPolicyType === Ci.nsIContentPolicy.TYPE_DOCUMENT;
      const fixture = document && info.triggeringPrincipal && info.triggeringPrincipal.isSystemPrincipal && prefixes.some((prefix) => url.startsWith(prefix));
      if (!fixture) channel.cancel(Cr.NS_ERROR_ABORT);
      send(JSON.stringify({
        url,
        triggering: describe(info && info.triggeringPrincipal),
        loading: describe(info && info.loadingPrincipal),
        fromAddon: !!info && (ours(info.triggeringPrincipal) || ours(info.loadingPrincipal)),
        cancelled: !fixture,
      }));
    },
  };
  Services.obs.addObserver(observer, 'http-on-opening-request');
  return 'recording';
}`;

/**
 * Runs in every content process (web pages and the extension process): forwards each
 * console.error, with the add-on id of the context that called it, to the parent.
 */
const CONSOLE_CHILD = `(() => {
  const storage = Components.classes['@mozilla.org/consoleAPI-storage;1'].getService(Components.interfaces.nsIConsoleAPIStorage);
  storage.addLogEventListener((event) => {
    const message = event.wrappedJSObject || event;
    if (message.level !== 'error') return;
    Services.cpmm.sendAsyncMessage('quotewise-test:console', {
      addonId: message.addonId || '',
      filename: message.filename || '',
      text: (message.arguments || []).map((argument) => String(argument)).join(' '),
    });
  }, Services.scriptSecurityManager.getSystemPrincipal());
})();`;

/** Runs in the parent process: collects the add-on's and the fixture pages' errors. */
const ERROR_RECORDER = `(send, childScript, addonId, watchedPrefixes) => {
  const prefixes = JSON.parse(watchedPrefixes);
  const watched = (source) => prefixes.some((prefix) => (source || '').startsWith(prefix));
  Services.ppmm.addMessageListener('quotewise-test:console', {
    receiveMessage({ data }) {
      if (data.addonId === addonId || watched(data.filename)) send('console.error in ' + data.filename + ': ' + data.text);
    },
  });
  Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(childScript), true);
  Services.console.registerListener({
    observe(message) {
      if (!(message instanceof Ci.nsIScriptError)) return;
      if (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) return;
      if (watched(message.sourceName)) send(message.category + ' in ' + message.sourceName + ': ' + message.errorMessage);
    },
  });
  return 'recording';
}`;

/** Launch firefox-esr headless with the built add-on installed and the fixtures served at their real addresses. */
export async function launchFirefox(fixtures: Fixture[]): Promise<FirefoxSession> {
  if (!existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  const served = await Promise.all(
    fixtures.map(async (f) => ({ prefix: f.prefix, body: f.body ?? (await readFile(path.join(ROOT, 'test/fixtures', f.file ?? ''), 'utf8')) })),
  );
  const profile = await mkdtemp(path.join(tmpdir(), 'quotewise-firefox-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
        // Firefox asks every site for its icon; that is the browser, not the page, and not a fixture.
        'browser.chrome.site_icons': false,
      },
    });
    const bidi = bidiOf(browser);
    const tabRequests: TabRequest[] = [];
    const channels: ChannelRecord[] = [];
    const asked = new Set<string>();

    // Firefox's parent process (the browser window): the network and error recorders run there.
    const { contexts } = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
    const chromeWindow = contexts[0]?.context;
    if (!chromeWindow) throw new Error('No chrome window: is --remote-allow-system-access honoured?');
    const problems: string[] = [];
    bidi.on('script.message', (event: { channel: string; data: { type: string; value?: unknown } }) => {
      if (event.data.type !== 'string') return;
      if (event.channel === 'quotewise-network') channels.push(JSON.parse(String(event.data.value)) as ChannelRecord);
      if (event.channel === 'quotewise-errors' && !UNLOADED_WITH_MESSAGE_IN_FLIGHT.test(String(event.data.value))) problems.push(String(event.data.value));
    });
    const string = (value: string) => ({ type: 'string', value });
    const channel = (name: string) => ({ type: 'channel', value: { channel: name } });
    const runInParent = async (functionDeclaration: string, args: object[]) => {
      const { result } = (
        await bidi.send('script.callFunction', { functionDeclaration, arguments: args, target: { context: chromeWindow }, awaitPromise: false })
      ).result as { result?: { value?: unknown } };
      if (result?.value !== 'recording') throw new Error(`A recorder did not start in Firefox's parent process: ${JSON.stringify(result)}`);
    };
    const fixturePrefixes = served.map((f) => f.prefix);
    await runInParent(NETWORK_RECORDER, [channel('quotewise-network'), string(JSON.stringify(fixturePrefixes)), string(ADDON_ID), string(ADDON_ORIGIN)]);
    await runInParent(ERROR_RECORDER, [
      channel('quotewise-errors'),
      string(CONSOLE_CHILD),
      string(ADDON_ID),
      string(JSON.stringify([ADDON_ORIGIN, ...fixturePrefixes])),
    ]);

    // Tabs and extension pages: one intercept for all of them. Fixtures are served, the rest fails.
    bidi.on('network.beforeRequestSent', (event: BeforeRequestSent) => {
      const { url } = event.request;
      const fixture = served.find((f) => url.startsWith(f.prefix));
      const answer = event.navigation !== null && fixture !== undefined && asked.has(url);
      tabRequests.push({ url, served: answer });
      if (!event.isBlocked) return;
      const command = answer
        ? bidi.send('network.provideResponse', {
            request: event.request.request,
            statusCode: 200,
            reasonPhrase: 'OK',
            headers: [{ name: 'content-type', value: string('text/html; charset=utf-8') }],
            body: string(fixture.body),
          })
        : bidi.send('network.failRequest', { request: event.request.request });
      // The parent-process recorder may have cancelled it already; either way it went nowhere.
      command.catch(() => undefined);
    });
    await bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });

    const addonId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const extensionUrl = (page: string) => `${ADDON_ORIGIN}/${page}`;
    const launched = browser;
    const openExtensionPage = async (page: string) => {
      const tab = await launched.newPage();
      // puppeteer's goto waits for a load event BiDi does not send for moz-extension documents.
      await bidi.send('browsingContext.navigate', { context: contextOf(tab), url: extensionUrl(page), wait: 'complete' });
      await tab.waitForFunction((url) => location.href === url && document.readyState === 'complete', {}, extensionUrl(page));
      return tab;
    };
    let messenger: Page | undefined;

    return {
      browser,
      addonId,
      tabRequests,
      channels,
      problems,
      bidi,
      extensionUrl,
      openExtensionPage,
      async openPage(url) {
        asked.add(url);
        const tab = await launched.newPage();
        await tab.goto(url);
        return tab;
      },
      async send(message) {
        messenger ??= await openExtensionPage('popup.html');
        return messenger.evaluate((m) => chrome.runtime.sendMessage(m), message);
      },
      async close() {
        await launched.close();
        await rm(profile, { recursive: true, force: true, maxRetries: 5 });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
}

/**
 * The shadow roots in a page, closed ones included. Page scripts get `null` for a closed
 * root; WebDriver BiDi serialises it for the test when asked (`includeShadowTree: 'all'`).
 */
async function shadowRoots(session: FirefoxSession, page: Page): Promise<BidiNode[]> {
  const { result } = (
    await session.bidi.send('script.evaluate', {
      expression: `[...document.querySelectorAll('*')]`,
      target: { context: contextOf(page) },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    })
  ).result as { result: { value?: BidiNode[] } };
  return (result.value ?? []).flatMap((host) => (host.value?.shadowRoot ? [host.value.shadowRoot] : []));
}

/** Nodes Firefox's accessibility engine finds for `role` (and exact accessible `name`), starting at `startNodes`. */
async function locateAccessible(session: FirefoxSession, page: Page, startNodes: BidiNode[], role: string, name?: string): Promise<BidiNode[]> {
  if (!startNodes.length) return [];
  const { nodes } = (
    await session.bidi.send('browsingContext.locateNodes', {
      context: contextOf(page),
      locator: { type: 'accessibility', value: name === undefined ? { role } : { role, name } },
      startNodes: startNodes.map((node) => ({ sharedId: node.sharedId })),
    })
  ).result as { nodes: BidiNode[] };
  return nodes;
}

/** Click the button in the page's shadow roots whose accessible name is `name`, as the rep would (a real click, at its place). */
export async function clickShadowButton(session: FirefoxSession, page: Page, name: string): Promise<void> {
  const [button] = await locateAccessible(session, page, await shadowRoots(session, page), 'button', name);
  if (!button) throw new Error(`No button named "${name}" in the page's shadow roots`);
  await session.bidi.send('input.performActions', {
    context: contextOf(page),
    actions: [
      {
        type: 'pointer',
        id: 'rep',
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: button.sharedId } } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

/**
 * The accessible names of the buttons inside the page's shadow roots (Quotewise's badges), as
 * Firefox's accessibility engine computes them. The engine finds the buttons by role; each
 * candidate name (the button's label) counts only if the engine also finds that very button
 * when asked for the role with exactly that name.
 */
export async function shadowButtonNames(session: FirefoxSession, page: Page): Promise<string[]> {
  const roots = await shadowRoots(session, page);
  const buttons = await locateAccessible(session, page, roots, 'button');
  const names: string[] = [];
  for (const button of buttons) {
    const candidate = button.value?.attributes?.['aria-label'] ?? '';
    const confirmed = await locateAccessible(session, page, roots, 'button', candidate);
    names.push(confirmed.some((node) => node.sharedId === button.sharedId) ? candidate : `(no accessible name matching its label "${candidate}")`);
  }
  return names;
}
