import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built extension; QUOTEWISE_EXTENSION_DIR points at a copy (a build another run in the same checkout cannot replace mid-test). */
export const EXTENSION_DIR = process.env.QUOTEWISE_EXTENSION_DIR ?? path.join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RecordedRequest {
  url: string;
  /** A top-level document load the test asked for (page.goto), not something the extension did. */
  navigation: boolean;
  fromServiceWorker: boolean;
}

export interface ExtensionSession {
  context: BrowserContext;
  /** Every http(s)/ws request seen in the browser: pages, content scripts and the service worker. */
  requests: RecordedRequest[];
  extensionId: string;
  serviceWorker: Worker;
  extensionUrl(page: string): string;
  /** Open an extension page (popup.html, history.html ...) as a tab. */
  openExtensionPage(page: string): Promise<Page>;
  /** Send a raw message from an extension page, exactly as the UI does. */
  send(message: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Launch Debian Chromium with the built extension loaded, headless, no network.
 * `locale` sets the browser's language (navigator.language, Intl's default) for every page,
 * extension pages and content scripts included; left out, Chromium's own default. `dir` loads
 * another unpacked copy of the extension (the bench's, with its baseline pages) in its place.
 */
export async function launchExtension({ headless = true, locale, dir = EXTENSION_DIR }: { headless?: boolean; locale?: string; dir?: string } = {}): Promise<ExtensionSession> {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No build at ${dir}: run "npm run build" first.`);
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'quotewise-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    ...(locale ? { locale } : {}),
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...(locale ? [`--lang=${locale}`] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const requests: RecordedRequest[] = [];
  context.on('request', (request) => {
    if (!/^(https?|wss?):/.test(request.url())) return;
    requests.push({
      url: request.url(),
      navigation: request.isNavigationRequest() && request.resourceType() === 'document',
      fromServiceWorker: request.serviceWorker() !== null,
    });
  });
  // Nothing reaches the network: any web request not served by a test route fails.
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort('blockedbyclient'),
  );
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const extensionUrl = (page: string) => `chrome-extension://${extensionId}/${page}`;
  let messenger: Page | undefined;
  const openExtensionPage = async (page: string) => {
    const tab = await context.newPage();
    await tab.goto(extensionUrl(page));
    return tab;
  };

  return {
    context,
    requests,
    extensionId,
    serviceWorker,
    extensionUrl,
    openExtensionPage,
    async send(message) {
      messenger ??= await openExtensionPage('popup.html');
      return messenger.evaluate((m) => chrome.runtime.sendMessage(m), message);
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Load the demo book as a rep does: the "Load demo data" button of the Import & backup page.
 * Returns that page (callers close it, or keep it for a screenshot) and its status line.
 */
export async function loadDemoBook(session: ExtensionSession): Promise<{ page: Page; status: string }> {
  const page = await session.openExtensionPage('data.html');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Demo data loaded' });
  await status.waitFor({ timeout: 60_000 });
  return { page, status: (await status.textContent()) ?? '' };
}

/** Serve a fixture file at a real site address, so the content scripts match as they do for a rep. */
export async function serveFixture(context: BrowserContext, urlPattern: string, fixture: string): Promise<void> {
  const body = await readFile(path.join(ROOT, 'test/fixtures', fixture), 'utf8');
  await context.route(urlPattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

export interface AxNode {
  role: string;
  name: string;
}

/** One frame's CDP session: the page, or an extension frame in it (the badge's card), with where that frame sits in the page's viewport. */
export interface AxFrame {
  cdp: CDPSession;
  offset: { x: number; y: number };
  /** The page's own frame, or an extension frame. */
  extension: boolean;
}

/**
 * The page and the extension frames in it (the badge's card lives in one), each with its own
 * CDP session: an extension frame is a separate process, so the page's accessibility tree shows
 * only the frame, not what is inside. Callers detach the sessions (withAxFrames does).
 */
export async function withAxFrames<T>(page: Page, use: (frames: AxFrame[]) => Promise<T>): Promise<T> {
  const frames: AxFrame[] = [{ cdp: await page.context().newCDPSession(page), offset: { x: 0, y: 0 }, extension: false }];
  try {
    for (const frame of page.frames()) {
      if (frame.isDetached() || !/^(chrome|moz)-extension:/.test(frame.url())) continue;
      // A frame that closes while we look has nothing to show (and may never answer).
      const attached = await within(2_000, async () => {
        const box = await (await frame.frameElement()).boundingBox();
        return { cdp: bounded(await page.context().newCDPSession(frame)), offset: { x: box?.x ?? 0, y: box?.y ?? 0 }, extension: true };
      });
      if (attached) frames.push(attached);
    }
    return await use(frames);
  } finally {
    for (const { cdp } of frames) await within(2_000, () => cdp.detach());
  }
}

/** `promise`, or a rejection naming `what` once `ms` have passed: an extension frame that closes mid-call never answers. */
function deadline<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** `task`'s result, or undefined if it failed or took longer than `ms`. */
function within<T>(ms: number, task: () => Promise<T>): Promise<T | undefined> {
  return deadline(ms, 'task', task()).catch(() => undefined);
}

/** A session whose calls fail after 2 s instead of waiting for ever. */
function bounded(cdp: CDPSession): CDPSession {
  const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
  return Object.assign(Object.create(cdp) as CDPSession, {
    send: ((method: string, params?: object) => deadline(2_000, method, send(method, params))) as CDPSession['send'],
    detach: () => cdp.detach(),
  });
}

export interface RawAxNode {
  nodeId?: string;
  childIds?: string[];
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string; sources?: { type: string; value?: unknown; superseded?: boolean }[] };
  backendDOMNodeId?: number;
  properties?: { name: string; value: { value?: unknown } }[];
}

export async function rawAxNodes(frame: AxFrame): Promise<RawAxNode[]> {
  if (!frame.extension) return ((await frame.cdp.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] }).nodes;
  // The card's frame may close while we ask: then it has nothing.
  return (await within(2_500, async () => ((await frame.cdp.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] }).nodes)) ?? [];
}

/**
 * The page's accessibility tree, as a screen reader gets it, with the extension frames' trees
 * (the badge's card). It includes closed shadow roots, which page scripts (and Playwright's
 * locators) cannot enter.
 */
export async function accessibleNodes(page: Page): Promise<AxNode[]> {
  return withAxFrames(page, async (frames) => {
    const nodes: AxNode[] = [];
    for (const frame of frames) {
      for (const node of await rawAxNodes(frame).catch(() => [])) {
        if (!node.ignored) nodes.push({ role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '') });
      }
    }
    return nodes;
  });
}

/**
 * Named nodes (controls, regions, images, headings) whose accessible name starts or ends with
 * whitespace: a label that would read differently from one Chromium to the next. Text runs are
 * left out: they are the page's words as laid out (" of your goal of "), not names we give.
 */
export function strayWhitespace(nodes: AxNode[]): string[] {
  const named = nodes.filter((node) => !['StaticText', 'InlineTextBox', 'LineBreak'].includes(node.role));
  if (named.length === 0) throw new Error('No named nodes to check: the page is not there yet.');
  return named.filter((node) => node.name !== node.name.trim()).map((node) => `${node.role} "${node.name}"`);
}

/** Wait until an accessible node matching `predicate` appears (or time out with what was there). */
export async function waitForAccessible(page: Page, predicate: (node: AxNode) => boolean, timeout = 10_000): Promise<AxNode> {
  const deadline = Date.now() + timeout;
  let last: AxNode[] = [];
  while (Date.now() < deadline) {
    last = await accessibleNodes(page);
    const found = last.find(predicate);
    if (found) return found;
    await page.waitForTimeout(50);
  }
  throw new Error(`No matching accessible node. Saw: ${JSON.stringify(last.filter((n) => n.name).slice(0, 40))}`);
}

/** Stop every service worker, as Chrome does after 30 s idle. The next event must wake ours. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}
