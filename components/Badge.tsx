import { useRef, useState } from 'preact/hooks';
import type { Band } from '@/lib/health';
import { type BadgeState, badgeLabel, badgeHint } from '@/lib/content/state';
import { BadgeCard, CARD_CSS, type CardProps } from './BadgeCard';
import { Tooltip } from './Tooltip';

export interface BadgeProps extends Omit<CardProps, 'reference'> {
  dark: boolean;
  open: boolean;
  onToggle(): void;
}

const BAND_TONE: Record<Band, Tone> = { Healthy: 'ok', Watch: 'watch', 'At risk': 'risk', 'Not enough data': 'none' };

type Tone = 'ok' | 'watch' | 'risk' | 'none' | 'new';

/**
 * The pill is styled inline and carries no stylesheet: a badge moves from message to
 * message as the rep reads, and a stylesheet in its root would be taken out of and
 * put back into the page's style engine at every move. Only the open card (and the
 * hint, while shown) brings its sheet. Sizes are in `px`, because the page's root font
 * size would leak into `rem`. Nothing in the pill is positioned: a positioned element
 * makes the page update its compositing layers for every badge placed.
 * Colours: white text on each band colour is at least 4.5:1, and each pill's edge is at
 * least 3:1 against a white page and against a dark one (#202124), which is why the
 * dark theme outlines the pills in a light ring.
 */
const ROOT = 'all: initial; display: inline-block; width: 40px; height: 18px; margin-left: 4px; vertical-align: middle; font: 12px/16px system-ui, sans-serif;';
const LIGHT = `${ROOT} --fg: #1f2937; --bg: #fff; --muted: #4b5563; --line: #6b7280; --soft: #f3f4f6; --focus: #1d4ed8; --ring: transparent; color: var(--fg);`;
const DARK = `${ROOT} --fg: #f3f4f6; --bg: #1f2937; --muted: #d1d5db; --line: #9ca3af; --soft: #374151; --focus: #93c5fd; --ring: #e5e7eb; color: var(--fg);`;
const PILL = 'box-sizing: border-box; width: 40px; height: 18px; padding: 0; border-radius: 9px; border: 1px solid var(--ring); font: 700 11px/16px system-ui, sans-serif; cursor: pointer; color: #fff;';
const TONE_STYLE: Record<Tone, string> = {
  ok: `${PILL} background: #15803d;`,
  watch: `${PILL} background: #b45309;`,
  risk: `${PILL} background: #b91c1c;`,
  none: `${PILL} background: #4b5563;`,
  new: `${PILL} background: var(--bg); color: var(--fg); border-color: var(--line);`,
};
const MARK = 'display: inline-block; width: 12px; height: 12px; margin-left: 2px; vertical-align: -1px; border-radius: 6px; background: #fde047; color: #111; font: 700 9px/12px system-ui, sans-serif;';

/**
 * The health badge: a fixed-size pill (the page's line never reflows) whose accessible name says everything it shows.
 * A button's content is presentational, so the score and the warning mark are for the eye only; hovering or
 * focusing the pill shows in words what it means.
 */
export function Badge(props: BadgeProps) {
  const { state, dark, open, onToggle } = props;
  const pill = useRef<HTMLButtonElement>(null);
  const [hinting, setHinting] = useState(false);
  const label = badgeLabel(state);
  const tone = toneOf(state);
  return (
    <span style={dark ? DARK : LIGHT}>
      <button
        ref={pill}
        type="button"
        style={TONE_STYLE[tone]}
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={onToggle}
        onPointerEnter={() => setHinting(true)}
        onPointerLeave={() => setHinting(false)}
        onFocus={() => setHinting(true)}
        onBlur={() => setHinting(false)}
      >
        {glyph(state)}
        {state.kind === 'account' && state.summary?.warnings.length ? <span style={MARK} aria-hidden="true">!</span> : null}
      </button>
      {open || hinting ? <style>{CARD_CSS}</style> : null}
      {hinting && !open && pill.current ? <Tooltip reference={pill.current} text={badgeHint(state)} /> : null}
      {open && pill.current ? <BadgeCard {...props} reference={pill.current} /> : null}
    </span>
  );
}

function toneOf(state: BadgeState): Tone {
  if (state.kind !== 'account') return 'new';
  return BAND_TONE[state.summary?.band ?? 'Not enough data'];
}

function glyph(state: BadgeState): string {
  if (state.kind !== 'account') return '+';
  return state.summary?.score === null || !state.summary ? '–' : String(state.summary.score);
}
