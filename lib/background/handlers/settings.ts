import { loadSettings, saveSettings } from '../../db/settings';
import type { BackgroundDeps, HandlersFor } from './deps';

export function settingsHandlers({ db }: BackgroundDeps): HandlersFor<'settings.get' | 'settings.save'> {
  return {
    'settings.get': () => loadSettings(db()),
    'settings.save': ({ settings }) => saveSettings(db(), settings),
  };
}
