/**
 * A test page for the badge and its card: the real components, rendered one state at a time
 * into *open* shadow roots (the product uses a closed one for the pill, and an extension frame
 * for the card) so axe-core can walk them. test/e2e/badge-a11y.e2e.ts bundles this file with
 * esbuild and drives it.
 */
import { render } from 'preact';
import { Badge } from '@/components/Badge';
import { type CardActions, CardPage } from '@/components/CardPage';
import type { BadgeState } from '@/lib/content/state';

export interface GalleryScene {
  state: BadgeState;
  dark: boolean;
  open: boolean;
}

const noop = () => {};
const never = () => new Promise<never>(noop);
const actions: CardActions = { tell: noop, open: never, createAccount: never, dismissWarning: never, claimOwn: never, hasEvent: never };

const rootOf = (selector: string) => document.querySelector(selector)!.shadowRoot ?? document.querySelector(selector)!.attachShadow({ mode: 'open' });

function show(scene: GalleryScene): void {
  document.documentElement.style.colorScheme = scene.dark ? 'dark' : 'light';
  document.body.style.background = scene.dark ? '#202124' : '#ffffff';
  document.body.style.color = scene.dark ? '#e8eaed' : '#202124';
  const pill = rootOf('#sender');
  const card = rootOf('#card');
  render(null, pill);
  render(null, card);
  render(<Badge state={scene.state} list={false} dark={scene.dark} open={false} onToggle={noop} onClose={noop} onCardMessage={noop} dismissedOffers={() => []} />, pill);
  // The card as its frame shows it, beside the pill.
  if (scene.open) render(<CardPage show={{ type: 'show', generation: 1, state: scene.state, dark: scene.dark, email: null, dismissed: [] }} actions={actions} />, card);
}

(window as unknown as { showScene: typeof show }).showScene = show;
