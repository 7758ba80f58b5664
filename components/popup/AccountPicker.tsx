import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '@/lib/messaging/client';
import { asDomain } from '@/lib/popup/account-name';
import type { AccountChoice } from '@/lib/popup/current-account';

export interface AccountPickerProps {
  initialQuery: string;
  /** A customer seen on the page but not yet an account. */
  unknown: { domain: string; email?: string } | null;
  onChoose: (account: AccountChoice) => void;
}

/**
 * Type-ahead over account names, aliases and domains (ARIA combobox with a
 * listbox: arrows move, Enter picks), and "create account" from a domain.
 */
export function AccountPicker({ initialQuery, unknown, onChoose }: AccountPickerProps) {
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<AccountChoice[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const ticket = ++latest.current;
    request('accounts.search', { query, limit: 8 }).then(
      ({ accounts }) => {
        if (ticket !== latest.current) return;
        setResults(accounts);
        setActive(0);
      },
      (e: Error) => ticket === latest.current && setError(e.message),
    );
  }, [query]);

  const domain = asDomain(query) ?? (query.trim() ? null : unknown?.domain ?? null);
  const createLabel = domain ? `Create account for ${domain}` : query.trim() ? `Create account “${query.trim()}”` : null;
  const create = async () => {
    setError(null);
    try {
      // From a domain, the background names the account (it has the public-suffix list).
      // The id is ours, so the transport's retry cannot make a second account.
      const id = crypto.randomUUID();
      const account = await request(
        'accounts.create',
        domain ? { id, domains: [domain], contactEmail: domain === unknown?.domain ? unknown.email : undefined } : { id, name: query.trim() },
      );
      onChoose(account);
    } catch (e) {
      setError(`Could not create the account: ${(e as Error).message}`);
    }
  };

  const options = results ?? [];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (options.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = options[active];
      if (picked) onChoose(picked);
      else if (createLabel) void create();
    }
  };

  return (
    <section class="picker" aria-labelledby="picker-title">
      <h2 id="picker-title">Which account?</h2>
      {unknown && <p class="hint">{`${unknown.email ?? unknown.domain} is not an account yet.`}</p>}
      <label for="picker-input">Account name, alias or domain</label>
      <input
        ref={input}
        id="picker-input"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls="picker-list"
        aria-activedescendant={options[active] ? `picker-option-${active}` : undefined}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <ul id="picker-list" role="listbox" aria-label="Matching accounts">
        {options.map((account, i) => (
          <li
            key={account.id}
            id={`picker-option-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              onChoose(account);
            }}
          >
            {account.name}
            {account.domains[0] && <span class="hint"> · {account.domains[0]}</span>}
          </li>
        ))}
      </ul>
      {results && options.length === 0 && (
        <p class="empty" role="status">
          {query.trim()
            ? `No account matches “${query.trim()}”.${createLabel ? ' Create it below.' : ''}`
            : 'No accounts yet. Type a customer’s domain (like acme.com) to create one.'}
        </p>
      )}
      {createLabel && (
        <button type="button" onClick={() => void create()}>
          {createLabel}
        </button>
      )}
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
