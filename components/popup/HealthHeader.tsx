import type { HealthSummary } from '@/lib/health';
import type { AccountChoice } from '@/lib/popup/current-account';

export interface HealthHeaderProps {
  account: AccountChoice;
  summary: HealthSummary | null;
  onChange: () => void;
}

/** The chosen account and its badge summary: band, score, warnings by name. */
export function HealthHeader({ account, summary, onChange }: HealthHeaderProps) {
  return (
    <header class="account" aria-label={`Account: ${account.name}`}>
      <div class="account-line">
        <h2>{account.name}</h2>
        <button type="button" class="link" onClick={onChange}>
          Change account
        </button>
      </div>
      {summary && (
        <p class="band" data-band={summary.band}>
          {summary.band}
          {summary.score !== null && ` · score ${summary.score} of 100`}
        </p>
      )}
      {summary && summary.warnings.length > 0 && (
        <ul class="warnings" aria-label="Warnings">
          {summary.warnings.map((w) => (
            <li key={w.name} data-severity={w.severity}>
              {w.name}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
