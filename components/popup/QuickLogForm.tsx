import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formats } from '@/lib/format';
import type { OpenQuote } from '@/lib/messaging/quicklog';
import { EVENT_LABELS, LOGGED_EVENT_TYPES, type LoggedEventType } from '@/lib/event-types';
import type { NewEvent } from '@/lib/model';
import {
  buildEvent,
  dateInputValue,
  emptyFields,
  FIELDS_OF,
  OUTCOME_LABELS,
  REFERRAL_LABELS,
  SERVICE_LABELS,
  type FieldErrors,
  type FieldName,
  type QuickLogFields,
} from '@/lib/quicklog/build-event';

export interface QuickLogFormProps {
  accountId: string;
  accountName: string;
  locale: string;
  defaultCurrency: string;
  /** This account's quotes still waiting for an outcome, newest first: price-match requests and outcomes link to one. */
  openQuotes: readonly OpenQuote[];
  initialType?: LoggedEventType;
  /** Fields filled in from an email suggestion, for the first event only. */
  initialFields?: Partial<QuickLogFields>;
  now: () => number;
  /** Saves the event; throws with a message the rep can read when it could not be saved. */
  onSave: (event: NewEvent, summary: string) => Promise<void>;
}

const LABELS: Record<FieldName, string> = {
  amount: 'Amount',
  currency: 'Currency',
  discount: 'Discount % (optional)',
  reference: 'Reference (optional)',
  competitor: 'Competitor named (optional)',
  competitorPrice: 'Competitor’s price (optional)',
  quoteRef: 'For quote',
  outcome: 'Outcome',
  dueDate: 'Due date',
  invoiceRef: 'Invoice number (optional)',
  minutes: 'Minutes spent',
  serviceKind: 'Kind of request',
  nre: 'NRE charged',
  referralKind: 'Kind of referral',
  upsellKind: 'Kind',
  note: 'Note (optional)',
};

/** The quick-log form: focused and ready; type the amount, press Enter. */
export function QuickLogForm(props: QuickLogFormProps) {
  const { accountId, accountName, locale, defaultCurrency, openQuotes, now, onSave } = props;
  const fresh = () => ({ ...emptyFields(defaultCurrency, dateInputValue(now(), 30)), quoteRef: openQuotes[0]?.quoteRef ?? '' });
  const [type, setType] = useState<LoggedEventType>(props.initialType ?? 'quote');
  const [fields, setFields] = useState<QuickLogFields>(() => ({ ...fresh(), ...props.initialFields }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const focusField = (name: FieldName | undefined) => {
    if (name) formRef.current?.querySelector<HTMLElement>(`#ql-${name}`)?.focus();
  };
  useEffect(() => focusField(FIELDS_OF[type][0]), [type, accountId]);
  useEffect(() => {
    // The open quotes change after each save: never keep a link to a quote that just closed.
    setFields((f) => (openQuotes.some((q) => q.quoteRef === f.quoteRef) ? f : { ...f, quoteRef: openQuotes[0]?.quoteRef ?? '' }));
  }, [openQuotes]);

  const set = <K extends FieldName>(name: K, value: QuickLogFields[K]) => {
    setFields((f) => ({ ...f, [name]: value }));
    if (errors[name]) setErrors(({ [name]: _fixed, ...rest }) => rest);
  };

  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (saving) return;
    setFormError(null);
    const built = buildEvent(type, fields, { accountId, now: now(), locale });
    if (!built.ok) {
      setErrors(built.errors);
      focusField(FIELDS_OF[type].find((name) => built.errors[name]));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(built.event, describe(built.event, accountName, locale));
      setFields({ ...fresh(), currency: fields.currency });
      focusField(FIELDS_OF[type][0]);
    } catch (error) {
      setFormError(`Not saved: ${error instanceof Error ? error.message : String(error)} Nothing was changed; try again.`);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Enter submits from any single-line field natively; in the note, Ctrl/⌘+Enter does.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
  };

  const control = (name: FieldName): JSX.Element => {
    const id = `ql-${name}`;
    const error = errors[name];
    const a11y = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } as const;
    const text = (extra: JSX.InputHTMLAttributes<HTMLInputElement> = {}) => (
      <input type="text" autocomplete="off" {...a11y} {...extra} value={fields[name] as string} onInput={(e) => set(name, e.currentTarget.value)} />
    );
    const select = (options: Record<string, string>, placeholder?: string) => (
      <select {...a11y} value={fields[name] as string} onChange={(e) => set(name, e.currentTarget.value)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {Object.entries(options).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
    let input: JSX.Element;
    switch (name) {
      case 'amount':
      case 'competitorPrice':
        input = text({ inputMode: 'decimal', placeholder: `e.g. ${formats(locale).money(125_050, 'USD').replace(/[^\d.,\s']/g, '').trim()}` });
        break;
      case 'reference':
        input = text({ placeholder: 'Left empty: numbered for you' });
        break;
      case 'discount':
        input = text({ inputMode: 'decimal' });
        break;
      case 'minutes':
        input = text({ inputMode: 'numeric' });
        break;
      case 'currency':
        input = text({ maxLength: 3, size: 4, autocapitalize: 'characters', spellcheck: false });
        break;
      case 'dueDate':
        input = <input type="date" {...a11y} value={fields.dueDate} onInput={(e) => set('dueDate', e.currentTarget.value)} />;
        break;
      case 'quoteRef':
        input = select(
          Object.fromEntries(openQuotes.map((q) => [q.quoteRef, `${q.quoteRef} · ${formats(locale).money(q.amount.minor, q.amount.currency)}`])),
          openQuotes.length ? 'Not linked to a quote' : 'No open quote',
        );
        break;
      case 'outcome':
        input = select(OUTCOME_LABELS, 'Choose…');
        break;
      case 'serviceKind':
        input = select(SERVICE_LABELS);
        break;
      case 'referralKind':
        input = select(REFERRAL_LABELS);
        break;
      case 'upsellKind':
        input = select({ upsell: 'Up-sell', cross_sell: 'Cross-sell (new department or line)' });
        break;
      case 'nre':
        return (
          <div class="field check" key={name}>
            <input type="checkbox" id={id} checked={fields.nre} onChange={(e) => set('nre', e.currentTarget.checked)} />
            <label for={id}>NRE charged for this change</label>
          </div>
        );
      case 'note':
        input = (
          <textarea {...a11y} rows={type === 'note' ? 4 : 2} value={fields.note} onInput={(e) => set('note', e.currentTarget.value)} onKeyDown={onKeyDown} />
        );
        break;
      default:
        input = text();
    }
    const label = name === 'note' && type === 'note' ? 'Note' : name === 'competitor' && type === 'price_match' ? 'Competitor' : LABELS[name];
    return (
      <div class={`field field-${name}`} key={name}>
        <label for={id}>{label}</label>
        {input}
        {error && (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form ref={formRef} class="quicklog" aria-label={`Log for ${accountName}`} onSubmit={submit} noValidate>
      <div class="field">
        <label for="ql-type">What happened</label>
        <select id="ql-type" value={type} onChange={(e) => setType(e.currentTarget.value as LoggedEventType)}>
          {LOGGED_EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {EVENT_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      {FIELDS_OF[type].map(control)}
      {formError && (
        <p role="alert" class="form-error">
          {formError}
        </p>
      )}
      <button type="submit" class="primary" disabled={saving}>
        {saving ? 'Saving…' : `Log ${EVENT_LABELS[type].toLowerCase()}`}
      </button>
    </form>
  );
}

/** What the undo bar says was logged. */
function describe(event: NewEvent, accountName: string, locale: string): string {
  const money = 'amount' in event && event.amount ? ` of ${formats(locale).money(event.amount.minor, event.amount.currency)}` : '';
  return `${EVENT_LABELS[event.type as LoggedEventType] ?? event.type}${money} logged for ${accountName}.`;
}
