import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { undo, type Undo } from '@/lib/history/actions';
import { livePortfolio, type PortfolioSource } from '@/lib/history/portfolio-source';
import { parseRoute, type Route } from '@/lib/history/route';
import { UpdateNotice } from '../UpdateNotice';
import { AccountPage } from './AccountPage';
import { Portfolio } from './Portfolio';

export interface Notice {
  text: string;
  undo?: Undo;
  error?: boolean;
}
export type Notify = (notice: Notice) => void;

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/**
 * The history page (tab and side panel): the portfolio at #/, one account at #/account/<id>.
 * The page passes a worker-backed portfolio source; without one it reads on this thread.
 */
export function HistoryApp({ db, portfolio }: { db: QuotewiseDB; portfolio?: PortfolioSource }) {
  const route = useRoute();
  const source = useMemo(() => portfolio ?? livePortfolio(db), [portfolio, db]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((n: Notice) => setNotice(n), []);
  useEffect(() => {
    document.title = route.kind === 'account' ? 'Quotewise: account history' : 'Quotewise: accounts';
  }, [route]);

  const runUndo = async (u: Undo) => {
    setNotice({ text: 'Undoing…' });
    try {
      await undo(db, u);
      setNotice({ text: 'Undone.' });
    } catch (error) {
      setNotice({ text: `Could not undo: ${String((error as Error).message ?? error)}`, error: true });
    }
  };

  return (
    <>
      <UpdateNotice />
      {route.kind === 'account' ? <AccountPage db={db} accountId={route.accountId} notify={notify} /> : <Portfolio db={db} source={source} notify={notify} />}
      <div class="notice" role="status" aria-live="polite">
        {notice && (
          <>
            <span class={notice.error ? 'error' : undefined}>{notice.text}</span>
            {notice.undo && (
              <button type="button" onClick={() => void runUndo(notice.undo!)}>
                Undo
              </button>
            )}
            <button type="button" aria-label="Close message" onClick={() => setNotice(null)}>
              ×
            </button>
          </>
        )}
      </div>
    </>
  );
}
