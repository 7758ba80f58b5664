import { useMemo, useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { editEvent, removeEvents } from '@/lib/history/actions';
import { EVENT_LABELS } from '@/lib/event-types';
import { currencyDigits, isoDay } from '@/lib/format';
import { amountOf, describeEvent } from '@/lib/history/describe';
import type { AccountEvent, EventType } from '@/lib/model';
import { useFormats } from '../formats';
import type { Notify } from './HistoryApp';

const PAGE = 100;

/** Every event, newest first, filterable by type; each can be edited or deleted (with undo). */
export function Timeline({ db, events, notify }: { db: QuotewiseDB; events: readonly AccountEvent[]; notify: Notify }) {
  const [type, setType] = useState<EventType | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  const f = useFormats();
  const counts = useMemo(() => {
    const byType = new Map<EventType, number>();
    for (const e of events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    return byType;
  }, [events]);
  const shown = useMemo(() => {
    const matching = type ? events.filter((e) => e.type === type) : events;
    return matching.slice(-limit).reverse();
  }, [events, type, limit]);
  const total = type ? (counts.get(type) ?? 0) : events.length;

  const remove = async (e: AccountEvent) => {
    try {
      const undo = await removeEvents(db, e.accountId, [e.id]);
      notify({ text: `Deleted ${EVENT_LABELS[e.type].toLowerCase()} of ${f.day(e.at)}.`, undo });
    } catch (error) {
      notify({ text: `Could not delete: ${(error as Error).message}`, error: true });
    }
  };

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <div class="toolbar">
        <label>
          Show
          <select
            value={type}
            onChange={(e) => {
              setType(e.currentTarget.value as EventType | '');
              setLimit(PAGE);
            }}
          >
            <option value="">All events ({f.number(events.length)})</option>
            {[...counts].map(([t, n]) => (
              <option key={t} value={t}>
                {EVENT_LABELS[t]} ({f.number(n)})
              </option>
            ))}
          </select>
        </label>
        <span role="status" class="muted">
          {total === 0 ? '' : `Showing ${f.number(shown.length)} of ${f.number(total)}, newest first.`}
        </span>
      </div>
      {events.length === 0 ? (
        <p>No events yet. Log a quote, order or invoice from the Quotewise popup, or import your history on the <a href="data.html">Import page</a>.</p>
      ) : (
        <ol class="timeline" aria-label="Events, newest first">
          {shown.map((e) => (
            <li key={e.id}>
              <time dateTime={isoDay(e.at)}>{f.day(e.at)}</time>
              <div>
                <strong>{EVENT_LABELS[e.type]}</strong> {describeEvent(e, f)}
                {e.contactEmail && <span class="muted"> · {e.contactEmail}</span>}
                {e.note && e.type !== 'note' && <p class="muted">{e.note}</p>}
                {editing === e.id && <EventEditor db={db} event={e} notify={notify} onClose={() => setEditing(null)} />}
              </div>
              <div class="actions">
                <button type="button" aria-label={`Edit ${EVENT_LABELS[e.type].toLowerCase()} of ${f.day(e.at)}`} aria-expanded={editing === e.id} onClick={() => setEditing(editing === e.id ? null : e.id)}>
                  Edit
                </button>
                <button type="button" aria-label={`Delete ${EVENT_LABELS[e.type].toLowerCase()} of ${f.day(e.at)}`} onClick={() => void remove(e)}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {shown.length < total && (
        <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
          Show {f.number(Math.min(PAGE, total - shown.length))} older
        </button>
      )}
    </section>
  );
}

function EventEditor({ db, event, notify, onClose }: { db: QuotewiseDB; event: AccountEvent; notify: Notify; onClose(): void }) {
  const f = useFormats();
  const amount = amountOf(event);
  // The amount in its currency's own decimals (JPY none, KWD three).
  const digits = amount ? currencyDigits(amount.currency) : 2;
  const [day, setDay] = useState(isoDay(event.at));
  const [value, setValue] = useState(amount ? String(amount.minor / 10 ** digits) : '');
  const [note, setNote] = useState(event.note ?? '');
  const [error, setError] = useState<string | null>(null);

  const save = async (submit: Event) => {
    submit.preventDefault();
    const date = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(date)) return setError('Enter a date.');
    const at = date + (event.at - Date.parse(`${isoDay(event.at)}T00:00:00Z`));
    const edited: Record<string, unknown> = { ...event, at };
    if (note.trim()) edited.note = note;
    else delete edited.note;
    if (amount) {
      const major = Number(value);
      if (value.trim() === '' || !Number.isFinite(major) || major < 0) return setError('Enter an amount of 0 or more.');
      edited.amount = { ...amount, minor: Math.round(major * 10 ** digits) };
    }
    const result = await editEvent(db, event, edited);
    if (!result.ok) return setError(result.error);
    notify({ text: `Saved ${EVENT_LABELS[event.type].toLowerCase()} of ${f.day(at)}.`, undo: result.undo });
    onClose();
  };

  return (
    <form class="inline" onSubmit={(e) => void save(e)} aria-label={`Edit ${EVENT_LABELS[event.type].toLowerCase()}`}>
      <label>
        Date
        <input type="date" required value={day} onInput={(e) => setDay(e.currentTarget.value)} />
      </label>
      {amount && (
        <label>
          Amount ({amount.currency})
          <input type="number" min={0} step={10 ** -digits} required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>
      )}
      <label>
        Note
        <textarea rows={2} maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="toolbar">
        <button type="submit">Save</button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
