import type { Band } from '@/lib/health';
import { type BadgeState, badgeLabel } from '@/lib/content/state';
import { BadgeCard, type CardProps } from './BadgeCard';

export interface BadgeProps extends CardProps {
  dark: boolean;
  open: boolean;
  onToggle(): void;
}

const BAND_CLASS: Record<Band, string> = { Healthy: 'ok', Watch: 'watch', 'At risk': 'risk', 'Not enough data': 'none' };

/** The health badge: a fixed-size pill (the page's line never reflows) whose accessible name says everything it shows. */
export function Badge(props: BadgeProps) {
  const { state, dark, open, onToggle } = props;
  const label = badgeLabel(state);
  return (
    <span class={dark ? 'qw dark' : 'qw'}>
      <button type="button" class={`badge ${tone(state)}`} aria-label={label} title={label} aria-haspopup="dialog" aria-expanded={open} onClick={onToggle}>
        <span aria-hidden="true">{glyph(state)}</span>
        {state.kind === 'account' && state.summary?.warnings.length ? <span class="mark" aria-hidden="true">!</span> : null}
      </button>
      {open ? <BadgeCard {...props} /> : null}
    </span>
  );
}

function tone(state: BadgeState): string {
  if (state.kind === 'unknown') return 'new';
  return BAND_CLASS[state.summary?.band ?? 'Not enough data'];
}

function glyph(state: BadgeState): string {
  if (state.kind === 'unknown') return '+';
  return state.summary?.score === null || !state.summary ? '–' : String(state.summary.score);
}

/** Text in a closed shadow root: `px` only, because the page's root font size would leak into `rem`. */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; width: 40px; height: 18px; margin-left: 4px; vertical-align: middle; position: relative; }
.qw { --fg: #1f2937; --bg: #fff; --muted: #4b5563; --line: #d1d5db; --focus: #2563eb; font: 12px/16px system-ui, sans-serif; color: var(--fg); }
.qw.dark { --fg: #f3f4f6; --bg: #1f2937; --muted: #cbd5e1; --line: #4b5563; --focus: #93c5fd; }
.badge { box-sizing: border-box; width: 40px; height: 18px; padding: 0; border-radius: 9px; border: 1px solid transparent;
  font: 700 11px/16px system-ui, sans-serif; cursor: pointer; position: relative; color: #fff; }
.badge:focus-visible, .card :focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.ok { background: #15803d; } .watch { background: #b45309; } .risk { background: #b91c1c; }
.none { background: #6b7280; } .new { background: transparent; color: var(--muted); border-color: var(--line); }
.mark { position: absolute; top: -5px; right: -5px; width: 12px; height: 12px; border-radius: 6px; background: #fde047;
  color: #111; font: 700 9px/12px system-ui, sans-serif; }
.card { position: fixed; inset: auto; margin: 0; box-sizing: border-box; width: 340px; max-height: 70vh; overflow: auto; padding: 12px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.25);
  font: 13px/18px system-ui, sans-serif; text-align: left; z-index: 2147483647; }
.card h2 { font-size: 15px; margin: 0 0 4px; } .card h3 { font-size: 13px; margin: 10px 0 4px; }
.card p, .card ul { margin: 0 0 6px; } .card ul { padding-left: 18px; } .muted { color: var(--muted); }
.card button { font: inherit; padding: 3px 8px; margin: 4px 4px 0 0; border-radius: 6px; border: 1px solid var(--line); background: transparent; color: var(--fg); cursor: pointer; }
.card input { font: inherit; width: 100%; box-sizing: border-box; padding: 3px 6px; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.close { position: absolute; top: 6px; right: 6px; }
`;
