import type { Band } from '@/lib/health';
import { type BadgeState, badgeLabel } from '@/lib/content/state';
import { BadgeCard, type CardProps } from './BadgeCard';

export interface BadgeProps extends CardProps {
  dark: boolean;
  open: boolean;
  onToggle(): void;
}

const BAND_TONE: Record<Band, Tone> = { Healthy: 'ok', Watch: 'watch', 'At risk': 'risk', 'Not enough data': 'none' };

type Tone = 'ok' | 'watch' | 'risk' | 'none' | 'new';

/**
 * The pill is styled inline and carries no stylesheet: a badge moves from message to
 * message as the rep reads, and a stylesheet in its root would be taken out of and
 * put back into the page's style engine at every move. Only the open card brings its
 * sheet. Sizes are in `px`, because the page's root font size would leak into `rem`.
 * Nothing in the pill is positioned: a positioned element makes the page update its
 * compositing layers for every badge placed. Keyboard focus shows the browser's own ring.
 */
const ROOT = 'all: initial; display: inline-block; width: 40px; height: 18px; margin-left: 4px; vertical-align: middle; font: 12px/16px system-ui, sans-serif;';
const LIGHT = `${ROOT} --fg: #1f2937; --bg: #fff; --muted: #4b5563; --line: #d1d5db; --focus: #2563eb; color: var(--fg);`;
const DARK = `${ROOT} --fg: #f3f4f6; --bg: #1f2937; --muted: #cbd5e1; --line: #4b5563; --focus: #93c5fd; color: var(--fg);`;
const PILL = 'box-sizing: border-box; width: 40px; height: 18px; padding: 0; border-radius: 9px; border: 1px solid transparent; font: 700 11px/16px system-ui, sans-serif; cursor: pointer; color: #fff;';
const TONE_STYLE: Record<Tone, string> = {
  ok: `${PILL} background: #15803d;`,
  watch: `${PILL} background: #b45309;`,
  risk: `${PILL} background: #b91c1c;`,
  none: `${PILL} background: #6b7280;`,
  new: `${PILL} background: transparent; color: var(--muted); border-color: var(--line);`,
};
const MARK = 'display: inline-block; width: 12px; height: 12px; margin-left: 2px; vertical-align: -1px; border-radius: 6px; background: #fde047; color: #111; font: 700 9px/12px system-ui, sans-serif;';

/**
 * The health badge: a fixed-size pill (the page's line never reflows) whose accessible name says everything it shows.
 * A button's content is presentational, so the score and the warning mark are for the eye only.
 */
export function Badge(props: BadgeProps) {
  const { state, dark, open, onToggle } = props;
  const label = badgeLabel(state);
  const tone = toneOf(state);
  return (
    <span style={dark ? DARK : LIGHT}>
      <button type="button" style={TONE_STYLE[tone]} aria-label={label} title={label} aria-haspopup="dialog" aria-expanded={open} onClick={onToggle}>
        {glyph(state)}
        {state.kind === 'account' && state.summary?.warnings.length ? <span style={MARK} aria-hidden="true">!</span> : null}
      </button>
      {open ? (
        <>
          <style>{CARD_CSS}</style>
          <BadgeCard {...props} />
        </>
      ) : null}
    </span>
  );
}

function toneOf(state: BadgeState): Tone {
  if (state.kind === 'unknown') return 'new';
  return BAND_TONE[state.summary?.band ?? 'Not enough data'];
}

function glyph(state: BadgeState): string {
  if (state.kind === 'unknown') return '+';
  return state.summary?.score === null || !state.summary ? '–' : String(state.summary.score);
}

/** The card's styles, in its closed root only while it is open. Text, never parsed HTML. */
const CARD_CSS = `
.card { position: fixed; inset: auto; margin: 0; box-sizing: border-box; width: 340px; max-height: 70vh; overflow: auto; padding: 12px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.25);
  font: 13px/18px system-ui, sans-serif; text-align: left; z-index: 2147483647; }
.card :focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.card h2 { font-size: 15px; margin: 0 0 4px; } .card h3 { font-size: 13px; margin: 10px 0 4px; }
.card p, .card ul { margin: 0 0 6px; } .card ul { padding-left: 18px; } .muted { color: var(--muted); }
.card button { font: inherit; padding: 3px 8px; margin: 4px 4px 0 0; border-radius: 6px; border: 1px solid var(--line); background: transparent; color: var(--fg); cursor: pointer; }
.card input { font: inherit; width: 100%; box-sizing: border-box; padding: 3px 6px; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.close { position: absolute; top: 6px; right: 6px; }
`;
