import { useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import type { DismissedWarning, Warning } from '@/lib/health';
import { dismissWarning } from '@/lib/history/actions';
import { articleTitles } from '@/lib/scoring/articles';
import { DAY_MS } from '@/lib/scoring/signals';
import { useFormats } from '../formats';
import type { Notify } from './HistoryApp';

const CHOICES = [
  { value: '30', label: 'Snooze for 30 days' },
  { value: '90', label: 'Snooze for 90 days' },
  { value: 'dismiss', label: 'Dismiss' },
] as const;

/** Active warnings with their evidence and advice; each can be snoozed or dismissed with a reason. */
export function Warnings({ db, accountId, warnings, dismissed, notify }: { db: QuotewiseDB; accountId: string; warnings: readonly Warning[]; dismissed: readonly DismissedWarning[]; notify: Notify }) {
  const f = useFormats();
  return (
    <section aria-labelledby="warnings-title">
      <h2 id="warnings-title">Warnings</h2>
      {warnings.length === 0 && <p class="muted">No active warning.</p>}
      {warnings.map((w) => (
        <WarningCard key={w.name} db={db} accountId={accountId} warning={w} notify={notify} />
      ))}
      {dismissed.length > 0 && (
        <>
          <h3>Dismissed and snoozed</h3>
          <ul>
            {dismissed.map((d) => (
              <li key={d.name}>
                {d.name}: {d.until !== undefined ? `snoozed until ${f.day(d.until)}` : 'dismissed'} on {f.day(d.at)}. Reason: {d.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function WarningCard({ db, accountId, warning, notify }: { db: QuotewiseDB; accountId: string; warning: Warning; notify: Notify }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<(typeof CHOICES)[number]['value']>('30');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const f = useFormats();
  const id = `w-${warning.name.replaceAll(' ', '-')}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say why, so you (and the score) remember later.');
      return;
    }
    setBusy(true);
    try {
      const until = choice === 'dismiss' ? undefined : Date.now() + Number(choice) * DAY_MS;
      const undo = await dismissWarning(db, { accountId, warning: warning.name, reason: reason.trim().slice(0, 200), ...(until === undefined ? {} : { until }) });
      notify({ text: `${warning.name} ${until === undefined ? 'dismissed' : `snoozed until ${f.day(until)}`}.`, undo });
    } catch (e) {
      setError(`Could not save: ${(e as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <article class="card warning" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {warning.name} <span class={`sev-${warning.severity}`}>({warning.severity})</span>
      </h3>
      <p>{f.text(warning.evidence)}</p>
      <p>
        <strong>Advice:</strong> {warning.advice}
      </p>
      <p class="muted">From: {articleTitles(warning.source).join('; ')}</p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-label={`Snooze or dismiss ${warning.name}`}>
          Snooze or dismiss…
        </button>
      ) : (
        <form class="inline" onSubmit={submit} aria-label={`Snooze or dismiss ${warning.name}`}>
          <fieldset>
            <legend>For how long</legend>
            {CHOICES.map((c) => (
              <label key={c.value}>
                <input type="radio" name={`${id}-choice`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} />
                {c.label}
              </label>
            ))}
          </fieldset>
          <label>
            Reason
            <input
              type="text"
              required
              maxLength={200}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </label>
          {error && (
            <p id={`${id}-error`} role="alert" class="error">
              {error}
            </p>
          )}
          <div class="toolbar">
            <button type="submit" disabled={busy}>
              Save
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
