import { useLiveQuery } from 'dexie-react-hooks';
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

/**
 * What the touched accounts' cached summaries say about the last write to them: every write
 * (here, in the popup, an import, a restore, a deletion) recomputes or removes them. An undo
 * read against one state must not be applied to another.
 */
async function writeMark(db: QuotewiseDB, accountIds: readonly string[]): Promise<string> {
  const summaries = await db.summaries.bulkGet([...accountIds]);
  return summaries.map((summary) => (summary ? `${summary.computedAt}` : '-')).join(',');
}

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
  // Undo applies only to the data it was made for: the touched accounts as the action left them.
  // Once anything writes to them again (another tab, the popup, a restore), Undo goes, and says why.
  const [mark, setMark] = useState<{ undo: Undo; at: string } | null>(null);
  useEffect(() => {
    setMark(null);
    const made = notice?.undo;
    if (!made) return;
    let current = true;
    void writeMark(db, made.accountIds).then((at) => current && setMark({ undo: made, at }));
    return () => void (current = false);
  }, [db, notice]);
  const now = useLiveQuery(async () => (mark ? { undo: mark.undo, at: await writeMark(db, mark.undo.accountIds) } : null), [db, mark]);
  useEffect(() => {
    if (mark && now?.undo === mark.undo && now.at !== mark.at && notice?.undo === mark.undo) {
      setNotice({ text: `${notice.text} The data changed since, so this can no longer be undone.` });
    }
  }, [mark, now, notice]);
  useEffect(() => {
    document.title = route.kind === 'account' ? 'Quotewise: account history' : 'Quotewise: accounts';
  }, [route]);

  const runUndo = async (u: Undo) => {
    if (mark?.undo !== u || (await writeMark(db, u.accountIds)) !== mark.at) {
      setNotice({ text: 'The data changed since, so this can no longer be undone.' });
      return;
    }
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
            {notice.undo && mark?.undo === notice.undo && (
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
