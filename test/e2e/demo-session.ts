import { launchExtension, loadDemoBook, type ExtensionSession } from './harness';

/**
 * A browser with the extension and the demo book loaded, and the id of the demo's
 * price-relationship showcase account, Globex Components (lib/demo/generate.ts, SHOWCASE).
 */
export async function demoSession(): Promise<{ session: ExtensionSession; globex: string }> {
  const session = await launchExtension();
  const { page } = await loadDemoBook(session);
  await page.close();
  const { data } = (await session.send({ quotewise: 1, type: 'accounts.search', data: { query: 'Globex', limit: 5 } })) as {
    data: { accounts: { id: string; name: string }[] };
  };
  return { session, globex: data.accounts.find((a) => a.name === 'Globex Components')!.id };
}
