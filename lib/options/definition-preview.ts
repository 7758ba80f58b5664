import type { Band } from '../health';
import { points } from '../points';

/**
 * The options page's preview of an unsaved definition: which accounts it would move, and how
 * far. Pure: the background scores, this compares and words it.
 */

/** A score move at least this big is listed even when the band stays the same. */
export const PREVIEW_MIN_MOVE = 5;

export interface BandAndScore {
  band: Band;
  score: number | null;
}

export interface PreviewChange {
  accountId: string;
  name: string;
  from: BandAndScore;
  to: BandAndScore;
}

export interface Preview {
  /** Accounts compared. */
  total: number;
  /** Accounts whose band or score would change at all, listed or not. */
  moved: number;
  /** Accounts whose band changes or whose score moves by PREVIEW_MIN_MOVE or more, largest change first. */
  changes: PreviewChange[];
}

/** How big a change is: the score's move; a score appearing or disappearing counts as the largest. */
export function changeSize({ from, to }: Pick<PreviewChange, 'from' | 'to'>): number {
  if (from.score === null || to.score === null) return from.score === to.score ? 0 : 100;
  return Math.abs(to.score - from.score);
}

/** Compare each account's current band and score with the ones the new definition would give. */
export function comparePreview(rows: readonly PreviewChange[]): Preview {
  const moved = rows.filter((r) => r.from.band !== r.to.band || r.from.score !== r.to.score);
  const changes = moved
    .filter((r) => r.from.band !== r.to.band || changeSize(r) >= PREVIEW_MIN_MOVE)
    .sort((a, b) => changeSize(b) - changeSize(a) || Number(b.from.band !== b.to.band) - Number(a.from.band !== a.to.band) || a.name.localeCompare(b.name));
  return { total: rows.length, moved: moved.length, changes };
}

/** "3 of 50 accounts would change band or move by 5 points or more with these edits." */
export function previewText({ total, moved, changes }: Preview): string {
  if (total === 0) return 'No accounts yet, so nothing would change.';
  const bands = changes.filter((c) => c.from.band !== c.to.band).length;
  if (changes.length === 0) {
    return moved === 0
      ? `None of ${total} account${total === 1 ? '' : 's'} would change with these edits.`
      : `No account would change band or move by ${PREVIEW_MIN_MOVE} points or more; ${moved} of ${total} would move by less.`;
  }
  return `${changes.length} of ${total} account${total === 1 ? '' : 's'} would change band or move by ${PREVIEW_MIN_MOVE} points or more with these edits (${bands} changing band).`;
}

/** "Acme Industrial: Watch, 62 → At risk, 41 (−21)" */
export function changeText(change: PreviewChange): string {
  const side = ({ band, score }: BandAndScore) => (score === null ? band : `${band}, ${score}`);
  const move = change.from.score !== null && change.to.score !== null ? change.to.score - change.from.score : 0;
  const delta = move === 0 ? '' : ` (${points(move)})`;
  return `${change.name}: ${side(change.from)} → ${side(change.to)}${delta}`;
}
