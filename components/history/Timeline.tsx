import { useMemo, useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { editEvent, removeEvents } from '@/lib/history/actions';
import { EVENT_LABELS } from '@/lib/event-types';
import { isoDay } from '@/lib/format';
import { describeEvent } from '@/lib/history/describe';
import { editFieldsOf, fieldsOfEvent, rebuildEvent, type EditErrors, type EditFieldName, type EditFields } from '@/lib/history/edit-event';
import { OUTCOME_LABELS, REFERRAL_LABELS, SERVICE_LABELS } from '@/lib/quicklog/build-event';
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

const EDIT_LABELS: Record<EditFieldName, string> = {
  date: 'Date',
  amount: 'Amount',
  currency: 'Currency',
  discount: 'Discount (%)',
  reference: 'Quote reference',
  competitor: 'Competitor',
  competitorPrice: 'Competitor’s price',
  quoteRef: 'For quote',
  outcome: 'Outcome',
  dueDate: 'Due date',
  invoiceRef: 'Invoice number',
  minutes: 'Minutes spent',
  serviceKind: 'Kind of request',
  nre: 'NRE charged for this change',
  referralKind: 'Kind of referral',
  upsellKind: 'Kind',
  note: 'Note',
  listPrice: 'List price',
  orderRef: 'Order number',
  paidDate: 'Paid on',
  contactEmail: 'Contact email',
};
const OPTIONS: Partial<Record<EditFieldName, Record<string, string>>> = {
  outcome: OUTCOME_LABELS,
  serviceKind: SERVICE_LABELS,
  referralKind: REFERRAL_LABELS,
  upsellKind: { upsell: 'Up-sell', cross_sell: 'Cross-sell (new department or line)' },
};

/** Every field of the event, validated as the popup validates a new one (lib/history/edit-event.ts). */
function EventEditor({ db, event, notify, onClose }: { db: QuotewiseDB; event: AccountEvent; notify: Notify; onClose(): void }) {
  const f = useFormats();
  const locale = navigator.language;
  const [fields, setFields] = useState<EditFields>(() => fieldsOfEvent(event, locale));
  const [errors, setErrors] = useState<EditErrors>({});
  const [error, setError] = useState<string | null>(null);
  const set = <K extends EditFieldName>(name: K, value: EditFields[K]) => setFields((current) => ({ ...current, [name]: value }));
  const label = EVENT_LABELS[event.type].toLowerCase();
  const names = event.type === 'warning_dismissed' ? (['date', 'note'] as const) : editFieldsOf(event.type);

  const save = async (submit: Event) => {
    submit.preventDefault();
    const rebuilt = rebuildEvent(event, fields, locale);
    if (!rebuilt.ok) {
      setErrors(rebuilt.errors);
      setError('Check the marked fields above.');
      return;
    }
    const result = await editEvent(db, event, rebuilt.event);
    if (!result.ok) return setError(result.error);
    notify({ text: `Saved ${label} of ${f.day(rebuilt.event.at)}.`, undo: result.undo });
    onClose();
  };

  const control = (name: EditFieldName) => {
    const id = `edit-${event.id}-${name}`;
    const message = errors[name];
    const a11y = { id, 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined } as const;
    let input: preact.JSX.Element;
    if (name === 'nre') {
      return (
        <label key={name}>
          <input type="checkbox" checked={fields.nre} onChange={(e) => set('nre', e.currentTarget.checked)} />
          {EDIT_LABELS.nre}
        </label>
      );
    } else if (name === 'note') {
      input = <textarea {...a11y} rows={2} maxLength={5000} value={fields.note} onInput={(e) => set('note', e.currentTarget.value)} />;
    } else if (name === 'date' || name === 'dueDate' || name === 'paidDate') {
      input = <input type="date" {...a11y} required={name !== 'paidDate'} value={fields[name]} onInput={(e) => set(name, e.currentTarget.value)} />;
    } else if (OPTIONS[name]) {
      input = (
        <select {...a11y} value={fields[name] as string} onChange={(e) => set(name, e.currentTarget.value)}>
          {name === 'outcome' && <option value="">Choose…</option>}
          {Object.entries(OPTIONS[name]!).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      );
    } else {
      const numeric = name === 'amount' || name === 'competitorPrice' || name === 'listPrice' || name === 'discount';
      input = (
        <input
          type={name === 'contactEmail' ? 'email' : 'text'}
          {...a11y}
          autocomplete="off"
          inputMode={numeric ? 'decimal' : name === 'minutes' ? 'numeric' : undefined}
          maxLength={name === 'currency' ? 3 : undefined}
          value={fields[name] as string}
          onInput={(e) => set(name, e.currentTarget.value)}
        />
      );
    }
    return (
      <div key={name} class="edit-field">
        <label for={id}>{EDIT_LABELS[name]}</label>
        {input}
        {message && (
          <span id={`${id}-error`} class="error">
            {message}
          </span>
        )}
      </div>
    );
  };

  return (
    <form class="inline" onSubmit={(e) => void save(e)} aria-label={`Edit ${label}`} noValidate>
      {names.map(control)}
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
