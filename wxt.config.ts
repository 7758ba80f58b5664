import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './lib/sites';

// See README "Security and privacy" for why each permission is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too: WXT would otherwise build Firefox as MV2.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Quotewise',
    description: 'Account health next to your customer in Gmail, Outlook and your CRM. Spots price relationships. All data stays on this computer.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: [...HOST_PERMISSIONS],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'quotewise@quotewise.app',
              strict_min_version: '142.0',
              // Firefox asks add-ons to declare what they collect: nothing leaves the machine.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
