import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { HealthSummary } from '@/lib/health';
import { accountHref } from '@/lib/history/route';
import { request } from '@/lib/messaging/client';
import type { OpenQuote } from '@/lib/messaging/quicklog';
import type { NewEvent } from '@/lib/model';
import { type AccountChoice, loadPopupData, type PopupData, type PopupParams, summaryOf } from '@/lib/popup/current-account';
import { OUTCOME_LABELS, type QuickLogFields } from '@/lib/quicklog/build-event';
import { AccountPicker } from './AccountPicker';
import { HealthHeader } from './HealthHeader';
import { OpenQuotes } from './OpenQuotes';
import { QuickLogForm } from './QuickLogForm';

/** The quick-log fields an email suggestion filled in (the popup's address: lib/popup/start.ts). */
function prefilledFields(prefill: PopupParams['prefill']): Partial<QuickLogFields> | undefined {
  if (!prefill) return undefined;
  const { eventId: _id, ...fields } = prefill;
  return fields;
}

/** Marked when the popup first shows real data (the account and its form, or the picker). `npm run bench` reads it. */
export const POPUP_READY_MARK = 'quotewise:popup-ready';

export interface PopupAppProps {
  params: PopupParams;
  /** The first render's data, when the entry already started loading it; otherwise the app loads it. */
  data?: Promise<PopupData>;
  locale: string;
  now?: () => number;
  /** How long the undo stays offered. */
  undoMs?: number;
}

type Loaded = {
  unknown: { domain: string; email?: string } | null;
  query: string;
  defaultCurrency: string;
  staleAfterDays: number;
};

export function PopupApp({ params, data, locale, now = Date.now, undoMs = 8000 }: PopupAppProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [account, setAccount] = useState<AccountChoice | null>(null);
  const [picking, setPicking] = useState(false);
  const [summary, setSummary] = useState<HealthSummary | null>(null);
  const [quotes, setQuotes] = useState<OpenQuote[]>([]);
  const [undo, setUndo] = useState<{ id: string; accountId: string; text: string } | null>(null);
  const [status, setStatus] = useState('');

  const refreshQuotes = async () => setQuotes((await request('quotes.open', {})).quotes);
  const refreshSummary = async (accountId = account?.id) => {
    if (accountId) setSummary(await summaryOf(accountId));
  };
  /** After a write: the open quotes and the badge summary at the top follow it. */
  const refresh = () => Promise.all([refreshQuotes(), refreshSummary()]).catch((error: Error) => setStatus(error.message));

  // A layout effect, not an effect: Preact runs effects only after the next paint, and the data is often already here.
  useLayoutEffect(() => {
    (data ?? loadPopupData(params)).then(
      ({ resolution, defaultCurrency, openQuotes, staleAfterDays }) => {
        setLoaded({ unknown: resolution.unknown, query: resolution.query, defaultCurrency, staleAfterDays });
        setAccount(resolution.account);
        setSummary(resolution.summary);
        setQuotes(openQuotes);
      },
      (error: Error) => setLoadError(error.message),
    );
  }, []);
  // A layout effect runs once the DOM is committed, before paint: the moment the data is on screen.
  useLayoutEffect(() => {
    if (loaded) performance.mark(POPUP_READY_MARK);
  }, [loaded]);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), undoMs);
    return () => clearTimeout(timer);
  }, [undo]);

  // One id per logging attempt, kept until the save is confirmed: if the background stopped after
  // storing the event but before answering, saving again replaces it instead of adding a twin.
  // A form filled in from an email suggestion saves under the id its message gave it: logging the same message again replaces that event.
  const attemptId = useRef(params.prefill?.eventId ?? crypto.randomUUID());
  const save = async (event: NewEvent, text: string) => {
    const saved = await request('events.record', { event: { ...event, id: attemptId.current } });
    attemptId.current = crypto.randomUUID();
    setStatus('');
    // A quote's reference is given on saving ("GLO-8"): the rep can read it out on the phone.
    setUndo({ id: saved.id, accountId: saved.accountId, text: saved.type === 'quote' ? text.replace(/^Quote\b/, `Quote ${saved.quoteRef}`) : text });
    void refresh();
  };
  const undoLast = async () => {
    if (!undo) return;
    try {
      await request('events.delete', { id: undo.id, accountId: undo.accountId });
      setUndo(null);
      setStatus(`Undone: ${undo.text.replace(/\.$/, '')} was removed.`);
      void refresh();
    } catch (error) {
      setStatus(`Could not undo: ${(error as Error).message}`);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLInputElement | null;
    const editing = target && 'value' in target && typeof target.value === 'string' && target.value !== '' && target.tagName !== 'SELECT';
    if (undo && e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !editing) {
      e.preventDefault();
      void undoLast();
    }
  };

  if (loadError) {
    return (
      <main class="popup" aria-label="Quotewise">
        <p role="alert" class="form-error">{`Quotewise is not answering (${loadError}). Reload the extension from the browser’s extensions page.`}</p>
      </main>
    );
  }
  if (!loaded) {
    return (
      <main class="popup" aria-label="Quotewise" aria-busy="true">
        <p class="hint">Loading…</p>
      </main>
    );
  }
  const accountQuotes = account ? quotes.filter((q) => q.accountId === account.id).sort((a, b) => b.at - a.at) : [];
  return (
    <main class="popup" aria-label="Quotewise" onKeyDown={onKeyDown}>
      {/* First, so a rep who opened the popup to go somewhere sees where without scrolling. */}
      <nav class="popup-links" aria-label="Quotewise pages">
        <ul>
          <li>
            <a href="history.html" target="_blank">
              Portfolio
            </a>
          </li>
          {account && !picking && (
            <li>
              <a href={`history.html${accountHref(account.id)}`} target="_blank" aria-label={`History of ${account.name}`}>
                History
              </a>
            </li>
          )}
          <li>
            <a href="data.html" target="_blank">
              Import & backup
            </a>
          </li>
          <li>
            <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
              Settings
            </button>
          </li>
        </ul>
      </nav>
      {account && !picking ? (
        <>
          <HealthHeader account={account} summary={summary} onChange={() => setPicking(true)} />
          <QuickLogForm
            key={account.id}
            accountId={account.id}
            accountName={account.name}
            locale={locale}
            defaultCurrency={loaded.defaultCurrency}
            openQuotes={accountQuotes}
            initialType={params.form ?? undefined}
            initialFields={account.id === params.accountId ? prefilledFields(params.prefill) : undefined}
            now={now}
            onSave={save}
          />
        </>
      ) : (
        <AccountPicker
          initialQuery={picking ? '' : loaded.query}
          unknown={picking ? null : loaded.unknown}
          onChoose={(chosen) => {
            setAccount(chosen);
            setSummary(null);
            setPicking(false);
            void refreshSummary(chosen.id).catch((error: Error) => setStatus(error.message));
          }}
        />
      )}
      <div class="undo" role="status">
        {undo ? (
          <>
            <span>{undo.text}</span>{' '}
            <button type="button" onClick={() => void undoLast()} aria-keyshortcuts="Control+Z">
              Undo
            </button>
          </>
        ) : (
          status
        )}
      </div>
      <OpenQuotes
        quotes={quotes}
        staleAfterDays={loaded.staleAfterDays}
        locale={locale}
        now={now()}
        currentAccountId={account && !picking ? account.id : null}
        onOutcome={(quote, outcome) =>
          void save(
            { type: 'quote_outcome', accountId: quote.accountId, at: now(), outcome, quoteRef: quote.quoteRef },
            `${OUTCOME_LABELS[outcome]}: ${quote.quoteRef} for ${quote.accountName}.`,
          ).catch((error: Error) => setStatus(`Not saved: ${error.message}`))
        }
      />
    </main>
  );
}
