import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { Currency, Domain } from '@/lib/model';
import { syncExtraSiteScripts, toMatchPattern } from '@/lib/options/extra-sites';
import type { Settings } from '@/lib/settings';


/** What the list marks cost, from `npm run bench` (bench/results.md, the #18 figures of 5 December 2026). */
const LIST_COST = { inPlace: '15 ms', cpu: 'at most 5%' };

/** The rep's own settings, each change saved at once (validated by the background with the Settings schema). */
export function SettingsEditor() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    request('settings.get', {}).then(setSettings, (error: Error) => setStatus(`Could not load your settings: ${error.message}`));
  }, []);

  const save = async (patch: Partial<Settings>, done: string): Promise<boolean> => {
    try {
      setSettings(await request('settings.save', { settings: { ...settings!, ...patch } }));
      setStatus(done);
      return true;
    } catch (error) {
      setStatus(`Not saved: ${(error as Error).message}`);
      return false;
    }
  };

  if (!settings) {
    return (
      <section aria-labelledby="settings-title" aria-busy="true">
        <h2 id="settings-title">Your settings</h2>
        <p class="hint" role="status">{status || 'Loading…'}</p>
      </section>
    );
  }
  return (
    <>
      <section aria-labelledby="own-title">
        <h2 id="own-title">Your own email domains</h2>
        <p class="hint">Addresses at these domains are you and your colleagues: never scored, never badged.</p>
        <DomainList name="Your domain" items={settings.ownDomains} onChange={(ownDomains, done) => save({ ownDomains }, done)} />
        {settings.ownAddresses.length > 0 && (
          <>
            <h3 id="own-addresses-title">Your own free-mail addresses</h3>
            <p class="hint">You said these addresses are you. Only they are ignored; everyone else at the same provider stays a customer.</p>
            <Chips
              items={settings.ownAddresses}
              label="Your own addresses"
              remove="Remove"
              empty="None yet."
              onRemove={(item) => void save({ ownAddresses: settings.ownAddresses.filter((a) => a !== item) }, `Removed ${item}.`)}
            />
          </>
        )}
      </section>
      <section aria-labelledby="freemail-title">
        <h2 id="freemail-title">Free-mail domains</h2>
        <p class="hint">
          Senders at free-mail providers (gmail.com, outlook.com, …) are matched person by person, never as a company. Quotewise knows the common providers; adjust the list here.
        </p>
        <h3 id="freemail-extra-title">Also treat as free mail</h3>
        <DomainList name="Free-mail domain" items={settings.freeMailExtra} onChange={(freeMailExtra, done) => save({ freeMailExtra }, done)} />
        <h3 id="freemail-excluded-title">Actually a company (not free mail)</h3>
        <DomainList name="Company domain" items={settings.freeMailExcluded} onChange={(freeMailExcluded, done) => save({ freeMailExcluded }, done)} />
      </section>
      <section aria-labelledby="lists-title">
        <h2 id="lists-title">Message lists</h2>
        <label class="check">
          <input
            type="checkbox"
            aria-describedby="lists-hint"
            checked={settings.showInLists}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              void save({ showInLists: on }, on ? 'Gmail and Outlook lists show health now.' : 'Gmail and Outlook lists show no health now.');
            }}
          />{' '}
          Show health in message lists
        </label>
        <p class="hint" id="lists-hint">
          In Gmail’s and Outlook’s inbox, a dot in the band’s colour beside each sender who is an account, with the warning mark when a warning is active; other senders get nothing. What it
          costs: one lookup for all the rows in view when the list appears, answered on this computer, and a few milliseconds each time the site rebuilds its list (measured on a list of
          100: the marks of the rows on screen in place within {LIST_COST.inPlace} of the rows, in the same frame). While the site rebuilds its list again and again, only the rows on
          screen are marked, the others once the list stands still, and the page’s main thread is {LIST_COST.cpu} busier.
          Turning it off removes the marks from open pages at once.
        </p>
      </section>
      <ExtraSites sites={settings.extraSites} onChange={(extraSites, done) => save({ extraSites }, done)} />
      <PopupSettings settings={settings} onSave={save} />
      <p role="status" class="hint">
        {status}
      </p>
    </>
  );
}

function DomainList({ name, items, onChange }: { name: string; items: string[]; onChange: (items: string[], done: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `add-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const add = async (e: Event) => {
    e.preventDefault();
    const parsed = Domain.safeParse(text.replace(/^.*@/, '').replace(/^https?:\/\//i, '').replace(/\/.*$/, ''));
    if (!parsed.success) {
      setError(`“${text.trim()}” is not a domain. Type it like acme.com.`);
      return;
    }
    if (items.includes(parsed.data)) {
      setError(`${parsed.data} is already on the list.`);
      return;
    }
    if (await onChange([...items, parsed.data], `Added ${parsed.data}.`)) setText('');
  };
  return (
    <form onSubmit={add} aria-label={`Add: ${name}`} noValidate>
      <Chips items={items} label={`${name}s`} remove="Remove" empty="None yet." onRemove={(item) => void onChange(items.filter((i) => i !== item), `Removed ${item}.`)} />
      <Entry
        id={id}
        label={name}
        placeholder="acme.com"
        submit="Add"
        text={text}
        error={error}
        onText={(value) => {
          setText(value);
          setError(null);
        }}
      />
    </form>
  );
}

function ExtraSites({ sites, onChange }: { sites: string[]; onChange: (sites: string[], done: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const enable = async (e: Event) => {
    e.preventDefault();
    const result = toMatchPattern(text);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // The permission prompt must come straight from the click, before any other await.
    const granted = await browser.permissions.request({ origins: [result.pattern] });
    if (!granted) {
      setError('The browser did not grant access to that address, so nothing was enabled.');
      return;
    }
    const next = [...new Set([...sites, result.pattern])];
    if (await onChange(next, `Enabled ${result.pattern}. Reload that CRM’s tab to see badges.`)) {
      setText('');
      await syncExtraSiteScripts(next);
    }
  };
  const disable = async (pattern: string) => {
    const next = sites.filter((s) => s !== pattern);
    if (await onChange(next, `Disabled ${pattern}.`)) {
      await syncExtraSiteScripts(next);
      // Refused for an origin the manifest already requires (a supported site): that access stays, as it should.
      await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    }
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Extra CRM addresses</h2>
      <p class="hint">
        Your CRM on its own address (for example a custom Salesforce or Dynamics domain). Quotewise asks the browser for access to that one address only, and reads it like the supported sites.
      </p>
      <Chips items={sites} label="Enabled addresses" remove="Disable" empty="None yet: Quotewise runs only on the supported sites." onRemove={(site) => void disable(site)} />
      <form onSubmit={enable} aria-label="Enable a CRM address" noValidate>
        <Entry
          id="extra-site"
          label="CRM address"
          placeholder="https://crm.example.com"
          submit="Enable"
          text={text}
          error={error}
          onText={(value) => {
            setText(value);
            setError(null);
          }}
        />
      </form>
    </section>
  );
}

/** The items of a list, each with a button that takes it off; `empty` says what an empty list means. */
function Chips({ items, label, remove, empty, onRemove }: { items: string[]; label: string; remove: string; empty: string; onRemove: (item: string) => void }) {
  if (!items.length) return <p class="empty">{empty}</p>;
  return (
    <ul class="chips" aria-label={label}>
      {items.map((item) => (
        <li key={item}>
          {item}
          <button type="button" aria-label={`${remove} ${item}`} onClick={() => onRemove(item)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A labelled one-line entry and its submit button; an error, when there is one, is tied to the field. */
function Entry(props: { id: string; label: string; placeholder: string; submit: string; text: string; error: string | null; onText: (value: string) => void }) {
  const { id, error } = props;
  return (
    <>
      <label for={id}>{props.label}</label>
      <div class="actions">
        <input
          id={id}
          type="text"
          autocomplete="off"
          placeholder={props.placeholder}
          value={props.text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => props.onText(e.currentTarget.value)}
        />
        <button type="submit">{props.submit}</button>
      </div>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function PopupSettings({ settings, onSave }: { settings: Settings; onSave: (patch: Partial<Settings>, done: string) => Promise<boolean> }) {
  const [days, setDays] = useState(String(settings.openQuoteDays));
  const [currency, setCurrency] = useState(settings.defaultCurrency);
  const [errors, setErrors] = useState<{ days?: string; currency?: string }>({});
  const submit = (e: Event) => {
    e.preventDefault();
    const n = Number(days);
    const next = {
      days: /^\s*\d+\s*$/.test(days) && n >= 1 && n <= 365 ? undefined : 'Enter whole days from 1 to 365.',
      currency: Currency.safeParse(currency).success ? undefined : 'Use a 3-letter currency code, like USD or EUR.',
    };
    setErrors(next);
    if (next.days || next.currency) return;
    void onSave({ openQuoteDays: n, defaultCurrency: Currency.parse(currency) }, 'Saved the quick-log settings.');
  };
  return (
    <section aria-labelledby="quicklog-title">
      <h2 id="quicklog-title">Quick-log</h2>
      <form onSubmit={submit} aria-label="Quick-log settings" noValidate>
        <div class="grid">
          {(
            [
              ['days', 'Ask for the outcome of quotes open longer than (days)', days, setDays],
              ['currency', 'Default currency', currency, setCurrency],
            ] as const
          ).map(([key, label, value, setValue]) => (
            <div class="field" key={key}>
              <label for={`quicklog-${key}`}>{label}</label>
              <input
                id={`quicklog-${key}`}
                type="text"
                value={value}
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={errors[key] ? `quicklog-${key}-error` : undefined}
                onInput={(e) => setValue(e.currentTarget.value)}
              />
              {errors[key] && (
                <p class="field-error" id={`quicklog-${key}-error`}>
                  {errors[key]}
                </p>
              )}
            </div>
          ))}
        </div>
        <button type="submit">Save quick-log settings</button>
      </form>
      <p class="hint">
        Open the quick-log with <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>Q</kbd>. Change the shortcut in your browser’s extension shortcut settings (chrome://extensions/shortcuts).
      </p>
    </section>
  );
}
