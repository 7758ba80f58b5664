import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Band } from '@/lib/health';
import { type BadgeState, badgeLabel, badgeHint, listMarkHint, listMarkLabel } from '@/lib/content/state';
import { type CardFrameProps, useCardFrame } from './CardFrame';
import { Tooltip, TOOLTIP_CSS } from './Tooltip';

export interface BadgeProps extends Omit<CardFrameProps, 'reference' | 'state' | 'dark'> {
  state: BadgeState;
  /** In a message list: a compact mark (a dot in the band's colour, and the warning mark), no "+" for people who are not accounts. */
  list: boolean;
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
const TONE_COLOR: Record<Tone, string> = { ok: '#15803d', watch: '#b45309', risk: '#b91c1c', none: '#4b5563', new: 'var(--bg)' };
const TONE_STYLE: Record<Tone, string> = {
  ok: `${PILL} background: ${TONE_COLOR.ok};`,
  watch: `${PILL} background: ${TONE_COLOR.watch};`,
  risk: `${PILL} background: ${TONE_COLOR.risk};`,
  none: `${PILL} background: ${TONE_COLOR.none};`,
  new: `${PILL} background: var(--bg); border-color: var(--line);`,
};
/** The glyph's box inside the pill's 1px border. */
const GLYPH_WIDTH = 38;
const GLYPH_HEIGHT = 16;
const GLYPH = `display: block; width: ${GLYPH_WIDTH}px; height: ${GLYPH_HEIGHT}px; pointer-events: none;`;
/** A message list's mark: its host is HOST_WIDTH.mark wide (lib/content/mount.ts), the mark 2px less, so the sender's name keeps a gap. */
const MARK_WIDTH = 24;
const MARK_HEIGHT = 18;
/** A message list's mark: one element, drawn by its own backgrounds (markLayers). */
const MARK = `box-sizing: border-box; display: block; width: ${MARK_WIDTH}px; height: ${MARK_HEIGHT}px; margin: 0; padding: 0; border: 0; border-radius: 4px; cursor: pointer;`;

/**
 * The health badge: a fixed-size pill (the page's line never reflows) whose accessible name says everything it shows.
 * The score and the warning mark are drawn, not written: text anywhere in the page's document, closed shadow root
 * or not, is found by the page's `window.find()`, which would tell it a customer's score. Hovering or focusing the
 * pill shows in words what it means; the card opens in the page's card frame (CardFrame.tsx).
 */
export function Badge(props: BadgeProps) {
  const { state, dark, open, onToggle, list } = props;
  const pill = useRef<HTMLButtonElement>(null);
  const [hinting, setHinting] = useState(false);
  const tone = toneOf(state);
  useCardFrame(open && pill.current !== null, { ...props, reference: pill.current! });
  // A list row with no account among its senders: the host keeps the mark's room, with nothing in it (lib/content/badges.ts says why).
  if (state.kind === 'blank') return null;
  const warning = state.kind === 'account' && Boolean(state.summary?.warnings.length);
  const hint = {
    onPointerEnter: () => setHinting(true),
    onPointerLeave: () => setHinting(false),
    onFocus: () => setHinting(true),
    onBlur: () => setHinting(false),
  };
  const tip = hinting && !open && pill.current ? [<style key="style">{TOOLTIP_CSS}</style>, <Tooltip key="tip" reference={pill.current} text={list && state.kind === 'account' ? listMarkHint(state) : badgeHint(state)} />] : null;
  if (list && state.kind === 'account') {
    return (
      <>
        <button
          ref={pill}
          type="button"
          style={`${MARK} ${dark ? THEME.dark : THEME.light} background: ${markLayers(TONE_COLOR[tone], warning, dark)};`}
          aria-label={listMarkLabel(state)}
          aria-haspopup="dialog"
          aria-expanded={open}
          {...hint}
          // The row under the mark opens its conversation on a click or a key: the mark's own stay here.
          onClick={(event) => {
            event.stopPropagation();
            onToggle();
          }}
          onMouseDown={stop}
          onMouseUp={stop}
          onPointerDown={stop}
          onPointerUp={stop}
          onDblClick={stop}
          onKeyDown={stop}
        />
        {tip}
      </>
    );
  }
  return (
    <span style={`${ROOT} ${dark ? THEME.dark : THEME.light} color: var(--fg);`}>
      <button ref={pill} type="button" style={TONE_STYLE[tone]} aria-label={badgeLabel(state)} aria-haspopup="dialog" aria-expanded={open} onClick={onToggle} {...hint}>
        <Glyph text={glyph(state)} warning={warning} color={tone === 'new' ? (dark ? '#f3f4f6' : '#1f2937') : '#fff'} />
      </button>
      {tip}
    </span>
  );
}

const stop = (event: Event) => event.stopPropagation();

/**
 * A list mark's picture, as background layers: a dot in the band's colour (ringed on a dark page, where its
 * edge would fade) and, with a warning, a yellow disc with a "!" of two bars. Shapes, not text: nothing to find.
 * One element with its picture in its backgrounds measured cheaper, as a list re-renders all its rows at once
 * and each mark is put back with its row, than a canvas (drawn again at each move) or a few elements (laid out).
 */
function markLayers(color: string, warning: boolean, dark: boolean): string {
  const dot = dark ? `radial-gradient(circle at 5.5px 50%, ${color} 4px, #e5e7eb 4.5px, #e5e7eb 5.5px, transparent 6px)` : `radial-gradient(circle at 5.5px 50%, ${color} 4.5px, transparent 5px)`;
  if (!warning) return dot;
  const x = MARK_WIDTH - 7.5;
  return [
    `linear-gradient(#111, #111) ${x - 1}px 4.5px / 2px 6px no-repeat`,
    `linear-gradient(#111, #111) ${x - 1}px 11.5px / 2px 2px no-repeat`,
    `radial-gradient(circle at ${x}px 50%, #fde047 6px, transparent 6.5px)`,
    dot,
  ].join(', ');
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
