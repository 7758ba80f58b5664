import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import { mergeAccounts, splitContact } from '@/lib/history/actions';
import { contactsOf } from '@/lib/history/merge';
import type { Account, AccountEvent } from '@/lib/model';
import type { Notify } from './HistoryApp';

const MATCHES = 8;

/** Merge another account into this one (same company, two domains), or split a contact off into its own account. */
export function AccountTools({ db, account, events, notify }: { db: QuotewiseDB; account: Account; events: readonly AccountEvent[]; notify: Notify }) {
  return (
    <section aria-labelledby="tools-title">
      <h2 id="tools-title">Merge and split</h2>
      <div class="cards">
        <MergeForm db={db} account={account} notify={notify} />
        <SplitForm db={db} account={account} events={events} notify={notify} />
      </div>
    </section>
  );
}

function MergeForm({ db, account, notify }: { db: QuotewiseDB; account: Account; notify: Notify }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Account | null>(null);
  const [error, setError] = useState<string | null>(null);
  const needle = query.trim().toLowerCase();
  const matches = useLiveQuery(
    async () => {
      if (needle.length < 2) return [];
      const found = await db.accounts
        .filter((a) => a.id !== account.id && (a.name.toLowerCase().includes(needle) || a.domains.some((d) => d.includes(needle))))
        .limit(MATCHES)
        .toArray();
      return found;
    },
    [db, needle, account.id],
    [],
  );

  const merge = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return setError('Choose the account to merge into this one.');
    try {
      const undo = await mergeAccounts(db, account.id, chosen.id);
      notify({ text: `Merged ${chosen.name} into ${account.name}.`, undo });
      setChosen(null);
      setQuery('');
      setError(null);
    } catch (e) {
      setError(`Could not merge: ${(e as Error).message}`);
    }
  };

  return (
    <form class="card inline" onSubmit={(e) => void merge(e)} aria-labelledby="merge-title">
      <h3 id="merge-title">Merge another account into {account.name}</h3>
      <p class="muted">For the same company under two domains: its events, contacts, domains and names move here and it is deleted.</p>
      <label>
        Find the other account
        <input type="search" value={query} placeholder="Name or domain" onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {needle.length >= 2 && matches.length === 0 && <p class="muted">No other account matches.</p>}
      {matches.length > 0 && (
        <fieldset>
          <legend>Account to merge in</legend>
          {matches.map((m) => (
            <label key={m.id}>
              <input type="radio" name="merge-into" checked={chosen?.id === m.id} onChange={() => setChosen(m)} />
              {m.name}
              {m.domains.length > 0 && <span class="muted"> ({m.domains.join(', ')})</span>}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={!chosen}>
        {chosen ? `Merge ${chosen.name} into ${account.name}` : 'Merge'}
      </button>
    </form>
  );
}

function SplitForm({ db, account, events, notify }: { db: QuotewiseDB; account: Account; events: readonly AccountEvent[]; notify: Notify }) {
  const contacts = useLiveQuery(() => db.contacts.where('accountId').equals(account.id).toArray(), [db, account.id], []);
  const people = contactsOf(contacts, events);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const split = async (event: Event) => {
    event.preventDefault();
    if (!email) return setError('Choose the contact to split off.');
    if (!name.trim()) return setError('Name the new account.');
    try {
      const result = await splitContact(db, account.id, email, name.trim());
      notify({ text: `${email} now has its own account, ${name.trim()}.`, undo: result });
      setEmail('');
      setName('');
      setError(null);
    } catch (e) {
      setError(`Could not split: ${(e as Error).message}`);
    }
  };

  if (people.length === 0) {
    return (
      <div class="card">
        <h3>Split a contact off</h3>
        <p class="muted">No contact is linked to this account or named on its events yet, so there is nobody to split off.</p>
      </div>
    );
  }
  return (
    <form class="card inline" onSubmit={(e) => void split(e)} aria-labelledby="split-title">
      <h3 id="split-title">Split a contact off</h3>
      <p class="muted">The contact and every event they are named on move to a new account.</p>
      <label>
        Contact
        <select
          value={email}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setEmail(value);
            const person = people.find((p) => p.email === value);
            if (person && !name) setName(person.name ?? value.split('@')[1] ?? value);
          }}
        >
          <option value="">Choose…</option>
          {people.map((p) => (
            <option key={p.email} value={p.email}>
              {p.name ? `${p.name} <${p.email}>` : p.email} ({p.events} event{p.events === 1 ? '' : 's'})
            </option>
          ))}
        </select>
      </label>
      <label>
        New account name
        <input type="text" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit">Split off</button>
    </form>
  );
}
