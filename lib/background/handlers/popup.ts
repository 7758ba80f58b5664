import { popupData } from '../popup-data';
import type { BackgroundDeps, HandlersFor } from './deps';

export function popupHandlers({ db, now }: BackgroundDeps): HandlersFor<'popup.open'> {
  return {
    'popup.open': (request) => popupData(db(), request, now()),
  };
}
