import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { HOST_PERMISSIONS } from './lib/sites';

/**
 * WXT adds a module script to every page to start its runtime plugins (virtual:wxt-html-plugins);
 * this extension has none, and without the modulepreload polyfill the chunk is empty. The popup
 * would still fetch and compile it before DOMContentLoaded, on the path of its first render; the tag
 * goes when its chunk is empty, and stays the day a WXT plugin gives it code.
 */
function dropEmptyWxtHtmlPlugins(): Plugin {
  return {
    name: 'quotewise:drop-empty-wxt-html-plugins',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        return html.replace(/\s*<script type="module"[^>]*src="\/?(chunks\/_virtual_wxt-html-plugins-[^"]+\.js)"[^>]*><\/script>/, (tag, file: string) => {
          const chunk = ctx.bundle?.[file];
          return chunk && chunk.type === 'chunk' && chunk.code.trim() === '' ? '' : tag;
        });
      },
    },
  };
}

// See README "Security and privacy" for why each permission is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too: WXT would otherwise build Firefox as MV2.
  manifestVersion: 3,
  // No modulepreload polyfill: every browser this extension runs in (Chrome MV3, Firefox 140+) supports modulepreload.
  vite: () => ({ plugins: [preact(), dropEmptyWxtHtmlPlugins()], build: { modulePreload: { polyfill: false } } }),
  hooks: {
    // The badge script's sites, written here from lib/sites.ts rather than in the script's own options, which
    // WXT bundles into the script: the list is only the manifest's business, and would cost the script 0.14 kB.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entrypoint of entrypoints) if (entrypoint.type === 'content-script' && entrypoint.name === 'badge') entrypoint.options.matches = [...HOST_PERMISSIONS];
    },
    // The content script and the unlisted scripts (the badge UI, the popup's script) use only
    // promise-native APIs (runtime.sendMessage, tabs.query, runtime.openOptionsPage, and onMessage
    // without replying), which Chrome MV3 and Firefox both provide: they skip the polyfill, the
    // content script to stay within its size budget, the popup to start sooner. Pages and the
    // background keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script' || entrypoint.type === 'unlisted-script')) return;
      const alias = config.resolve?.alias ?? [];
      const list = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
          // WXT's generated content-script entry builds a ContentScriptContext before `main` runs; the page
          // can see and forge its signals, so the build gets an inert one (the stub says why).
          { find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./lib/content/wxt-context-stub.ts', import.meta.url)) },
          ...list,
        ],
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Quotewise',
    description: 'Account health next to your customer in Gmail, Outlook and your CRM. Spots price relationships. All data stays on this computer.',
    permissions: ['unlimitedStorage', 'contextMenus', 'scripting'],
    host_permissions: [...HOST_PERMISSIONS],
    optional_host_permissions: ['https://*/*'],
    // The badge's card is an extension page in a frame (components/CardFrame.tsx): the page cannot
    // search, measure or listen to it. Chrome serves it only at a per-session address, so no fixed
    // URL tells a page the extension is installed; Firefox's extension addresses are random per
    // install already (and it has no use_dynamic_url). Any https site, because the rep can add sites.
    web_accessible_resources: [
      { resources: ['card.html'], matches: ['https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+Q' }, description: 'Open Quotewise quick-log' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'quotewise@quotewise.app',
              strict_min_version: '140.0',
              // Firefox asks add-ons to declare what they collect: nothing leaves the machine.
              data_collection_permissions: { required: ['none'] },
            },
            // Desktop ESR 140 takes data_collection_permissions; Firefox for Android only from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
