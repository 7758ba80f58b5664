import { useState } from 'preact/hooks';
import type { QuotewiseDB } from '@/lib/db/db';
import type { Scorecard } from '@/lib/health';
import { editJudgement } from '@/lib/history/actions';
import type { Judgement } from '@/lib/model';
import { useFormats } from '../formats';
import type { Notify } from './HistoryApp';

type YesNo = 'rightReasons' | 'valuesAligned';
const REP_QUESTIONS: Partial<Record<string, YesNo>> = { deliverables: 'rightReasons', values: 'valuesAligned' };

/** Seed 001's seven questions; the rep answers deliverables, values and share of wallet (spend) in place. */
export function ScorecardEditor({ db, accountId, scorecard, judgement, notify }: { db: QuotewiseDB; accountId: string; scorecard: Scorecard; judgement: Judgement; notify: Notify }) {
  const [share, setShare] = useState(judgement.shareOfWallet === null ? '' : String(Math.round(judgement.shareOfWallet * 100)));
  const [error, setError] = useState<string | null>(null);
  const f = useFormats();

  const save = async (patch: Partial<Judgement>, what: string) => {
    try {
      const undo = await editJudgement(db, accountId, patch);
      setError(null);
      notify({ text: `${what} saved.`, undo });
    } catch (e) {
      setError(`Could not save: ${(e as Error).message}`);
    }
  };
  const saveShare = (event: Event) => {
    event.preventDefault();
    if (share.trim() === '') return void save({ shareOfWallet: null }, 'Share of wallet');
    const value = Number(share);
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      setError('Share of wallet is a percentage from 0 to 100.');
      return;
    }
    void save({ shareOfWallet: value / 100 }, 'Share of wallet');
  };

  return (
    <section aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">
        Scorecard: {scorecard.yes} of 7 yes, {scorecard.verdict}
      </h2>
      <table class="scorecard">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Answer</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {scorecard.answers.map((a) => {
            const field = REP_QUESTIONS[a.question];
            return (
              <tr key={a.question}>
                <th scope="row">{a.label}</th>
                <td>
                  {field ? (
                    <select
                      aria-label={`${a.label}: your answer`}
                      value={judgement[field] === null ? '' : judgement[field] ? 'yes' : 'no'}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        void save({ [field]: v === '' ? null : v === 'yes' }, a.label);
                      }}
                    >
                      <option value="">Not answered</option>
                      <option value="yes">Yes</option>
                      <option value="no">No</option>
                    </select>
                  ) : (
                    <>
                      {a.answer}
                      {a.from === 'rep' ? ' (yours)' : ''}
                    </>
                  )}
                </td>
                <td>
                  {f.text(a.why)}
                  {a.question === 'spend' && (
                    <form class="toolbar" onSubmit={saveShare}>
                      <label>
                        Share of wallet %
                        <input type="number" min={0} max={100} step={1} value={share} onInput={(e) => setShare(e.currentTarget.value)} aria-invalid={error ? true : undefined} style={{ width: '5em' }} />
                      </label>
                      <button type="submit">Save</button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
