import type { Page } from 'playwright-core';

/**
 * Evaluate in the content script's isolated world (through CDP), where the page cannot
 * see what a test sets up: counters there add no state the page could read.
 */
export async function inContentScriptWorld(page: Page, extensionId: string): Promise<<T>(expression: string) => Promise<T>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((context) => context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`);
  if (!world) throw new Error(`No isolated world of the extension on ${page.url()}: ${JSON.stringify(contexts)}`);
  return async <T>(expression: string) => {
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: unknown;
    };
    if (exceptionDetails) throw new Error(`Evaluation failed in the content script's world: ${JSON.stringify(exceptionDetails)}`);
    return result.value;
  };
}

/**
 * Count the content script's scans: each reads the document through `Document.prototype`
 * of its own world (the adapters' `first`/`all`). The count lives in that world too.
 */
export const COUNT_SCANS = `(() => {
  globalThis.__qwTestScans = 0;
  for (const name of ['querySelector', 'querySelectorAll']) {
    const original = Document.prototype[name];
    Document.prototype[name] = function (...args) { globalThis.__qwTestScans++; return original.apply(this, args); };
  }
})()`;
export const SCANS = 'globalThis.__qwTestScans';
