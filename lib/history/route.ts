/** History page routes, in the URL hash so the page works as a side panel and from the badge's link. */
export type Route = { kind: 'portfolio' } | { kind: 'account'; accountId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/account\/([^/?#]+)/.exec(hash);
  if (!match) return { kind: 'portfolio' };
  try {
    return { kind: 'account', accountId: decodeURIComponent(match[1]!) };
  } catch {
    return { kind: 'portfolio' };
  }
}

export function accountHref(accountId: string): string {
  return `#/account/${encodeURIComponent(accountId)}`;
}

export const PORTFOLIO_HREF = '#/';
