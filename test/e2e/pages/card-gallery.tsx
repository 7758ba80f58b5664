/**
 * A test page for the badge and its card: the real components, rendered one state at a time
 * into an *open* shadow root (the product uses a closed one) so axe-core can walk them.
 * test/e2e/badge-a11y.e2e.ts bundles this file with esbuild and drives it.
 */
import { render } from 'preact';
import { Badge } from '@/components/Badge';
import type { BadgeState } from '@/lib/content/state';

export interface GalleryScene {
  state: BadgeState;
  dark: boolean;
  open: boolean;
}

const noop = () => {};

function show(scene: GalleryScene): void {
  document.documentElement.style.colorScheme = scene.dark ? 'dark' : 'light';
  document.body.style.background = scene.dark ? '#202124' : '#ffffff';
  document.body.style.color = scene.dark ? '#e8eaed' : '#202124';
  const root = document.querySelector('#sender')!.shadowRoot ?? document.querySelector('#sender')!.attachShadow({ mode: 'open' });
  render(null, root);
  // As on a page: the pill is there first, then the rep opens its card (the card anchors to the drawn pill).
  draw(root, scene, false);
  if (scene.open) draw(root, scene, true);
}

function draw(root: ShadowRoot, scene: GalleryScene, open: boolean): void {
  render(
    <Badge
      state={scene.state}
      dark={scene.dark}
      open={open}
      onToggle={noop}
      onClose={noop}
      onOpen={noop}
      onCreate={noop}
      onDismiss={noop}
      onClaimOwn={noop}
      onNotOwn={noop}
    />,
    root,
  );
}

(window as unknown as { showScene: typeof show }).showScene = show;
