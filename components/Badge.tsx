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
/** A message list's mark: its host is HOST_WIDTH.mark wide (lib/content/mount.ts), the mark 2px less, so the sender's name keeps a gap. */
const MARK_WIDTH = 24;
const MARK_HEIGHT = 18;
const MARK_ROOT = `all: initial; display: inline-block; width: ${MARK_WIDTH}px; height: ${MARK_HEIGHT}px; margin-right: 2px; vertical-align: middle; font: 12px/16px system-ui, sans-serif;`;
const MARK = `box-sizing: border-box; display: block; width: ${MARK_WIDTH}px; height: ${MARK_HEIGHT}px; padding: 0; border: 0; border-radius: 4px; background: transparent; cursor: pointer;`;

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
  const theme = `${dark ? THEME.dark : THEME.light} color: var(--fg);`;
  // A list row with no account among its senders: the slot stays, empty (lib/content/badges.ts says why).
  if (state.kind === 'blank') return <span style={`${MARK_ROOT} ${theme}`} />;
  const warning = state.kind === 'account' && Boolean(state.summary?.warnings.length);
  const mark = list && state.kind === 'account';
  return (
    // In a message list the row under the mark opens its conversation on a click: the mark's own clicks stay here.
    <span style={`${mark ? MARK_ROOT : ROOT} ${theme}`} {...(mark && KEEP_POINTER)}>
      <button
        ref={pill}
        type="button"
        style={mark ? MARK : TONE_STYLE[tone]}
        aria-label={mark ? listMarkLabel(state) : badgeLabel(state)}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={onToggle}
        onPointerEnter={() => setHinting(true)}
        onPointerLeave={() => setHinting(false)}
        onFocus={() => setHinting(true)}
        onBlur={() => setHinting(false)}
      >
        {mark ? (
          <Canvas width={MARK_WIDTH} height={MARK_HEIGHT} drawing={[TONE_COLOR[tone], warning, dark]} draw={drawMark} />
        ) : (
          <Canvas width={GLYPH_WIDTH} height={GLYPH_HEIGHT} drawing={[glyph(state), warning, tone === 'new' ? (dark ? '#f3f4f6' : '#1f2937') : '#fff']} draw={drawGlyph} />
        )}
      </button>
      {hinting && !open ? <style>{TOOLTIP_CSS}</style> : null}
      {hinting && !open && pill.current ? <Tooltip reference={pill.current} text={mark ? listMarkHint(state) : badgeHint(state)} /> : null}
    </span>
  );
}

/** The score (or "+", "–") and, with a warning, a yellow "!" mark. */
function drawGlyph(context: CanvasRenderingContext2D, text: string, warning: boolean, color: string): void {
  const mark = warning ? 14 : 0;
  context.fillStyle = color;
  context.font = '700 11px system-ui, sans-serif';
  context.fillText(text, (GLYPH_WIDTH - mark) / 2, GLYPH_HEIGHT / 2 + 0.5);
  if (warning) drawWarning(context, GLYPH_WIDTH - 8, GLYPH_HEIGHT / 2);
}

/** A message list's mark: a dot in the band's colour (ringed on a dark page, where the dot's edge would fade), and the warning mark. */
function drawMark(context: CanvasRenderingContext2D, color: string, warning: boolean, dark: boolean): void {
  context.beginPath();
  context.arc(5, MARK_HEIGHT / 2, 4.5, 0, 2 * Math.PI);
  context.fillStyle = color;
  context.fill();
  if (dark) {
    context.strokeStyle = '#e5e7eb';
    context.lineWidth = 1;
    context.stroke();
  }
  if (warning) drawWarning(context, MARK_WIDTH - 6.5, MARK_HEIGHT / 2);
}

/** The warning mark: a yellow disc with a black "!". */
function drawWarning(context: CanvasRenderingContext2D, x: number, y: number): void {
  context.beginPath();
  context.arc(x, y, 6, 0, 2 * Math.PI);
  context.fillStyle = '#fde047';
  context.fill();
  context.fillStyle = '#111';
  context.font = '700 9px system-ui, sans-serif';
  context.fillText('!', x, y + 0.5);
}

const stop = (event: Event) => event.stopPropagation();
const KEEP_POINTER = { onClick: stop, onMouseDown: stop, onMouseUp: stop, onPointerDown: stop, onPointerUp: stop, onDblClick: stop, onKeyDown: stop };

/**
 * A drawing at the screen's pixel density: the score and the marks are drawn, not written, so the page's
 * `window.find()` cannot find them. It is drawn again only when `drawing`, what it shows, changes.
 */
function Canvas<T extends unknown[]>({ width, height, drawing, draw }: { width: number; height: number; drawing: T; draw: (context: CanvasRenderingContext2D, ...drawing: T) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const element = canvas.current!;
    const scale = Math.max(1, Math.ceil(globalThis.devicePixelRatio || 1));
    // Resizing a canvas reallocates it: only when the screen's density asks for another size.
    if (element.width !== width * scale) {
      element.width = width * scale;
      element.height = height * scale;
    }
    const context = element.getContext('2d');
    if (!context) return;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    context.clearRect(0, 0, width, height);
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    draw(context, ...drawing);
  }, [width, height, ...drawing]);
  return <canvas ref={canvas} style={`display: block; width: ${width}px; height: ${height}px; pointer-events: none;`} aria-hidden="true" />;
}


function toneOf(state: BadgeState): Tone {
  if (state.kind !== 'account') return 'new';
  return BAND_TONE[state.summary?.band ?? 'Not enough data'];
}

function glyph(state: BadgeState): string {
  if (state.kind !== 'account') return '+';
  return state.summary?.score === null || !state.summary ? '–' : String(state.summary.score);
}
