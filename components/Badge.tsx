import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Band } from '@/lib/health';
import { type BadgeState, badgeLabel, badgeHint } from '@/lib/content/state';
import { type CardFrameProps, useCardFrame } from './CardFrame';
import { Tooltip, TOOLTIP_CSS } from './Tooltip';

export interface BadgeProps extends Omit<CardFrameProps, 'reference' | 'state' | 'dark'> {
  state: BadgeState;
  dark: boolean;
  open: boolean;
  onToggle(): void;
}

const BAND_TONE: Record<Band, Tone> = { Healthy: 'ok', Watch: 'watch', 'At risk': 'risk', 'Not enough data': 'none' };

type Tone = 'ok' | 'watch' | 'risk' | 'none' | 'new';

/** The colours the badge and its card share, light and dark. */
export const THEME = {
  light: '--fg: #1f2937; --bg: #fff; --muted: #4b5563; --line: #6b7280; --soft: #f3f4f6; --focus: #1d4ed8; --ring: transparent;',
  dark: '--fg: #f3f4f6; --bg: #1f2937; --muted: #d1d5db; --line: #9ca3af; --soft: #374151; --focus: #93c5fd; --ring: #e5e7eb;',
};

/**
 * The pill is styled inline and carries no stylesheet: a badge moves from message to
 * message as the rep reads, and a stylesheet in its root would be taken out of and
 * put back into the page's style engine at every move. Only the hint, while shown,
 * brings its sheet. Sizes are in `px`, because the page's root font size would leak
 * into `rem`. Nothing in the pill is positioned: a positioned element makes the page
 * update its compositing layers for every badge placed.
 * Colours: white text on each band colour is at least 4.5:1, and each pill's edge is at
 * least 3:1 against a white page and against a dark one (#202124), which is why the
 * dark theme outlines the pills in a light ring.
 */
const ROOT = 'all: initial; display: inline-block; width: 40px; height: 18px; margin-left: 4px; vertical-align: middle; font: 12px/16px system-ui, sans-serif;';
const PILL = 'box-sizing: border-box; display: block; width: 40px; height: 18px; padding: 0; border-radius: 9px; border: 1px solid var(--ring); cursor: pointer;';
const TONE_STYLE: Record<Tone, string> = {
  ok: `${PILL} background: #15803d;`,
  watch: `${PILL} background: #b45309;`,
  risk: `${PILL} background: #b91c1c;`,
  none: `${PILL} background: #4b5563;`,
  new: `${PILL} background: var(--bg); border-color: var(--line);`,
};
/** The glyph's box inside the pill's 1px border. */
const GLYPH_WIDTH = 38;
const GLYPH_HEIGHT = 16;
const GLYPH = `display: block; width: ${GLYPH_WIDTH}px; height: ${GLYPH_HEIGHT}px; pointer-events: none;`;

/**
 * The health badge: a fixed-size pill (the page's line never reflows) whose accessible name says everything it shows.
 * The score and the warning mark are drawn, not written: text anywhere in the page's document, closed shadow root
 * or not, is found by the page's `window.find()`, which would tell it a customer's score. Hovering or focusing the
 * pill shows in words what it means; the card opens in the page's card frame (CardFrame.tsx).
 */
export function Badge(props: BadgeProps) {
  const { state, dark, open, onToggle } = props;
  const pill = useRef<HTMLButtonElement>(null);
  const [hinting, setHinting] = useState(false);
  const tone = toneOf(state);
  useCardFrame(open && pill.current !== null, { ...props, reference: pill.current! });
  return (
    <span style={`${ROOT} ${dark ? THEME.dark : THEME.light} color: var(--fg);`}>
      <button
        ref={pill}
        type="button"
        style={TONE_STYLE[tone]}
        aria-label={badgeLabel(state)}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={onToggle}
        onPointerEnter={() => setHinting(true)}
        onPointerLeave={() => setHinting(false)}
        onFocus={() => setHinting(true)}
        onBlur={() => setHinting(false)}
      >
        <Glyph text={glyph(state)} warning={state.kind === 'account' && Boolean(state.summary?.warnings.length)} color={tone === 'new' ? (dark ? '#f3f4f6' : '#1f2937') : '#fff'} />
      </button>
      {hinting && !open ? <style>{TOOLTIP_CSS}</style> : null}
      {hinting && !open && pill.current ? <Tooltip reference={pill.current} text={badgeHint(state)} /> : null}
    </span>
  );
}

/** The score (or "+", "–") and, with a warning, a yellow "!" mark, drawn on a canvas at the screen's pixel density. */
function Glyph({ text, warning, color }: { text: string; warning: boolean; color: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const element = canvas.current!;
    const scale = Math.max(1, Math.ceil(globalThis.devicePixelRatio || 1));
    // Resizing a canvas reallocates it: only when the screen's density asks for another size.
    if (element.width !== GLYPH_WIDTH * scale) {
      element.width = GLYPH_WIDTH * scale;
      element.height = GLYPH_HEIGHT * scale;
    }
    const context = element.getContext('2d');
    if (!context) return;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    context.clearRect(0, 0, GLYPH_WIDTH, GLYPH_HEIGHT);
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    const mark = warning ? 14 : 0;
    context.fillStyle = color;
    context.font = '700 11px system-ui, sans-serif';
    context.fillText(text, (GLYPH_WIDTH - mark) / 2, GLYPH_HEIGHT / 2 + 0.5);
    if (warning) {
      const x = GLYPH_WIDTH - 8;
      context.beginPath();
      context.arc(x, GLYPH_HEIGHT / 2, 6, 0, 2 * Math.PI);
      context.fillStyle = '#fde047';
      context.fill();
      context.fillStyle = '#111';
      context.font = '700 9px system-ui, sans-serif';
      context.fillText('!', x, GLYPH_HEIGHT / 2 + 0.5);
    }
  }, [text, warning, color]);
  return <canvas ref={canvas} style={GLYPH} aria-hidden="true" />;
}

function toneOf(state: BadgeState): Tone {
  if (state.kind !== 'account') return 'new';
  return BAND_TONE[state.summary?.band ?? 'Not enough data'];
}

function glyph(state: BadgeState): string {
  if (state.kind !== 'account') return '+';
  return state.summary?.score === null || !state.summary ? '–' : String(state.summary.score);
}
